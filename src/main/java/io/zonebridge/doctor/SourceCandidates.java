package io.zonebridge.doctor;

import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.RecordNameCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import software.amazon.awssdk.services.route53resolver.model.ResolverRule;

/**
 * Every source whose domain covers the query name in one VPC, in effect or not: Resolver rules (associated with
 * the VPC or not), the autodefined reverse rules of the VPC's CIDRs and its connected VPCs' CIDRs, private hosted
 * zones (associated with the VPC or not) and the internet resolver.
 *
 * @param sources            every candidate, rules first, then zones, autodefined rules, internet
 * @param vpc                the VPC
 * @param autodefinedReverse the VPC's autodefined-reverse status
 * @param connected          the VPCs connected to it
 */
public record SourceCandidates(List<AnswerSource> sources, Ec2Reads.VpcFacts vpc, String autodefinedReverse,
                               List<Ec2Reads.ConnectedVpc> connected) {
    private static final Name IN_ADDR_ARPA = Name.fromConstantString("in-addr.arpa.");

    /** Reads everything that could answer {@code query} in {@code vpcId} ({@code region}). */
    public static SourceCandidates gather(LookupQuery query, String vpcId, String region, ResolverReads resolver,
                                          HostedZoneReads zones, Ec2Reads ec2) {
        Ec2Reads.VpcFacts vpc = ec2.vpc(vpcId);
        List<Ec2Reads.ConnectedVpc> connected = ec2.connectedVpcs(vpcId);
        String autodefined = resolver.autodefinedReverse(vpcId);
        List<AnswerSource> sources = new ArrayList<>(rules(query, vpcId, resolver));
        sources.addAll(privateZones(query, vpcId, region, zones));
        if (query.name().subdomain(IN_ADDR_ARPA)) {
            sources.addAll(autodefinedRules(query, vpc, connected, autodefined));
        }
        if (sources.stream().noneMatch(s -> s.kind() == SourceKind.INTERNET)) {
            sources.add(AnswerSource.of(SourceKind.INTERNET, Name.root, "internet resolver",
                    "public DNS (Resolver's recursive rule for .)", true, ""));
        }
        return new SourceCandidates(List.copyOf(sources), vpc, autodefined, connected);
    }

    private static List<AnswerSource> rules(LookupQuery query, String vpcId, ResolverReads resolver) {
        Set<String> associated = resolver.associatedRuleIds(vpcId);
        List<AnswerSource> sources = new ArrayList<>();
        AnswerSource internet = null;
        for (ResolverRule rule : resolver.rules()) {
            Name domain = domainOf(rule.domainName());
            if (!query.name().subdomain(domain)) {
                continue;
            }
            String type = rule.ruleTypeAsString();
            String named = rule.name() == null || rule.name().isBlank() ? "" : "\"" + rule.name() + "\" ";
            if ("RECURSIVE".equals(type)) {
                internet = AnswerSource.of(SourceKind.INTERNET, domain, rule.id(), named
                        + "public DNS (Resolver's recursive rule for .)", true, "");
                continue;
            }
            boolean inEffect = associated.contains(rule.id());
            String whyNot = inEffect ? "" : "not associated with " + vpcId;
            if ("FORWARD".equals(type)) {
                List<String> targets = rule.targetIps().stream()
                        .map(t -> t.ip() + ":" + (t.port() == null ? 53 : t.port())).toList();
                sources.add(new AnswerSource(SourceKind.FORWARD_RULE, domain, rule.id(), named + "forwards to "
                        + String.join(", ", targets) + " through " + rule.resolverEndpointId(), inEffect, whyNot,
                        rule.resolverEndpointId(), targets));
            } else {
                sources.add(AnswerSource.of(SourceKind.SYSTEM_RULE, domain, rule.id(), named
                        + "Resolver answers locally", inEffect, whyNot));
            }
        }
        if (internet != null) {
            sources.add(internet);
        }
        return sources;
    }

    private static List<AnswerSource> privateZones(LookupQuery query, String vpcId, String region,
                                                   HostedZoneReads zones) {
        Map<String, String> associated = zones.zonesOfVpc(vpcId, region);
        List<AnswerSource> sources = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        associated.forEach((id, name) -> {
            Name domain = RecordNameCodec.toName(name);
            if (query.name().subdomain(domain)) {
                seen.add(id);
                sources.add(AnswerSource.of(SourceKind.PRIVATE_ZONE, domain, id, "associated with " + vpcId,
                        true, ""));
            }
        });
        for (HostedZoneRef zone : zones.privateZonesCovering(query.name())) {
            if (seen.add(zone.id())) {
                sources.add(AnswerSource.of(SourceKind.PRIVATE_ZONE, RecordNameCodec.toName(zone.name()), zone.id(),
                        "in this account", false, "not associated with " + vpcId));
            }
        }
        return sources;
    }

    private static List<AnswerSource> autodefinedRules(LookupQuery query, Ec2Reads.VpcFacts vpc,
                                                       List<Ec2Reads.ConnectedVpc> connected, String status) {
        boolean on = !"DISABLED".equals(status) && vpc.dnsHostnames();
        String whyNot = on ? "" : "DISABLED".equals(status) ? "autodefined reverse is DISABLED for " + vpc.vpcId()
                : "enableDnsHostnames is off for " + vpc.vpcId();
        List<AnswerSource> sources = new ArrayList<>();
        Set<Name> seen = new LinkedHashSet<>();
        for (String cidr : vpc.cidrs()) {
            add(sources, seen, query, cidr, vpc.vpcId(), "CIDR " + cidr + " of " + vpc.vpcId()
                    + " (autodefined reverse " + status + ")", on, whyNot);
        }
        for (Ec2Reads.ConnectedVpc other : connected) {
            for (String cidr : other.cidrs()) {
                add(sources, seen, query, cidr, other.vpcId(), "CIDR " + cidr + " of connected " + other.vpcId()
                        + " (" + other.via() + "; autodefined reverse " + status + " for " + vpc.vpcId() + ")",
                        on, whyNot);
            }
        }
        return sources;
    }

    private static void add(List<AnswerSource> sources, Set<Name> seen, LookupQuery query, String cidr,
                            String vpcId, String detail, boolean on, String whyNot) {
        for (Name domain : AutodefinedReverseDomains.of(cidr)) {
            if (query.name().subdomain(domain) && seen.add(domain)) {
                sources.add(AnswerSource.of(SourceKind.AUTODEFINED_REVERSE, domain, vpcId, detail, on, whyNot));
            }
        }
    }

    private static Name domainOf(String ruleDomain) {
        try {
            return Name.fromString(ruleDomain.endsWith(".") ? ruleDomain : ruleDomain + ".", Name.root);
        } catch (TextParseException e) {
            throw new IllegalStateException("Resolver returned an unreadable domain name '" + ruleDomain + "'", e);
        }
    }
}
