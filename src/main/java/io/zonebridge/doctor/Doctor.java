package io.zonebridge.doctor;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/**
 * Explains a lookup in a VPC: every source that could answer, which one wins and why, the answer it should give,
 * the answer a resolver gives (a real DNS query), the outbound endpoint path of a winning forwarding rule, and what
 * to fix. Read-only: it changes nothing.
 */
public final class Doctor {

    private final ResolverReads resolver;
    private final HostedZoneReads zones;
    private final Ec2Reads ec2;

    /** A doctor reading through these. */
    public Doctor(ResolverReads resolver, HostedZoneReads zones, Ec2Reads ec2) {
        this.resolver = resolver;
        this.zones = zones;
        this.ec2 = ec2;
    }

    /**
     * Diagnoses {@code query} in {@code vpcId}.
     *
     * @param dnsServer the resolver to ask; empty: the VPC's Resolver (primary CIDR base + 2, port 53)
     * @param timeout   how long to wait for its answer
     */
    public DoctorReport diagnose(LookupQuery query, String vpcId, String region, Optional<InetSocketAddress> dnsServer,
                                 Duration timeout) {
        SourceCandidates candidates = SourceCandidates.gather(query, vpcId, region, resolver, zones, ec2);
        Winner winner = Winner.choose(candidates.sources());
        Map<AnswerSource, ExpectedAnswer> zoneAnswers = new LinkedHashMap<>();
        for (AnswerSource source : candidates.sources()) {
            if (source.kind() == SourceKind.PRIVATE_ZONE) {
                zoneAnswers.put(source, zoneAnswer(query, source));
            }
        }
        AnswerSource answering = winner.answeredBy();
        ExpectedAnswer expected = answering.kind() == SourceKind.PRIVATE_ZONE ? zoneAnswers.get(answering)
                : ExpectedAnswer.unreadable(query, answering);
        InetSocketAddress server = dnsServer.orElseGet(() -> vpcResolver(candidates.vpc()));
        ObservedAnswer observed = new DnsProbe(server, timeout).ask(query);
        Outcome outcome = Outcome.classify(expected, observed);
        boolean asExpected = Outcome.asExpected(outcome, expected, observed);
        List<EndpointCheck> checks = answering.kind() == SourceKind.FORWARD_RULE
                ? new OutboundEndpointChecks(resolver, ec2).check(answering) : List.of();
        boolean answered = outcome == Outcome.MATCH || (outcome == Outcome.ANSWERED && asExpected);
        boolean clean = checks.stream().allMatch(EndpointCheck::ok);
        List<Finding> findings = Diagnosis.of(query, vpcId, region, candidates, winner, expected, observed, outcome,
                checks, zoneAnswers, answered && clean);
        boolean healthy = answered && findings.isEmpty();
        return new DoctorReport(new DoctorReport.Query(query.input(), query.name().toString(), query.typeName()),
                vpcView(candidates, region), sourceViews(candidates, answering),
                new DoctorReport.Choice(winner.rule().kind(), winner.rule().domain().toString(), winner.rule().id(),
                        answering.kind(), answering.id(), winner.why()),
                expected, observed, outcome, asExpected, checks, findings, healthy,
                healthy ? DoctorReport.HEALTHY : DoctorReport.PROBLEM);
    }

    /** What the zone holds at the query name; a zone of another account may not be readable. */
    private ExpectedAnswer zoneAnswer(LookupQuery query, AnswerSource zone) {
        try {
            return ExpectedAnswer.fromZone(query, zone, zones.recordsAt(zone.id(), query.name()));
        } catch (Route53Exception e) {
            if (e.statusCode() == 403 || e.statusCode() == 404) {
                return ExpectedAnswer.unreadableZone(zone, e.awsErrorDetails() == null ? e.getMessage()
                        : e.awsErrorDetails().errorCode());
            }
            throw e;
        }
    }

    /** The VPC's Resolver: the primary CIDR's base address + 2, port 53. */
    static InetSocketAddress vpcResolver(Ec2Reads.VpcFacts vpc) {
        String cidr = vpc.cidrs().get(0);
        try {
            byte[] base = InetAddress.getByName(cidr.substring(0, cidr.indexOf('/'))).getAddress();
            base[3] = (byte) (base[3] + 2);
            return new InetSocketAddress(InetAddress.getByAddress(base), 53);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("EC2 returned an unreadable CIDR '" + cidr + "'", e);
        }
    }

    private static DoctorReport.Vpc vpcView(SourceCandidates candidates, String region) {
        List<String> connected = candidates.connected().stream()
                .map(c -> c.vpcId() + " " + String.join(", ", c.cidrs()) + " (" + c.via() + ")").toList();
        return new DoctorReport.Vpc(candidates.vpc().vpcId(), region, candidates.vpc().cidrs(),
                candidates.autodefinedReverse(), candidates.vpc().dnsHostnames(), connected);
    }

    private static List<DoctorReport.Source> sourceViews(SourceCandidates candidates, AnswerSource answering) {
        List<AnswerSource> sorted = new ArrayList<>(candidates.sources());
        sorted.sort(Comparator.comparingInt(AnswerSource::specificity).reversed()
                .thenComparing(s -> -s.kind().precedence()));
        return sorted.stream().map(s -> new DoctorReport.Source(s.kind(), s.domain().toString(), s.id(), s.detail(),
                s.inEffect(), s.whyNot(), s.equals(answering))).toList();
    }
}
