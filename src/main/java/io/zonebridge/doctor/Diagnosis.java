package io.zonebridge.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The findings from what doctor read and observed: a private zone shadowed by an autodefined reverse rule (the
 * VPC's or a connected VPC's CIDR) or by a forwarding rule, a rule or zone that would answer but is not associated
 * with the VPC, a record missing from the answering zone, an answer that differs from the zone, a resolver that
 * fails or does not answer, and every failed outbound endpoint check.
 */
public final class Diagnosis {

    private Diagnosis() {
    }

    /**
     * The findings, most telling first.
     *
     * @param zoneAnswers what each private zone candidate (associated or not) holds at the query name
     * @param healthy     whether the resolver answered with the expected records
     */
    public static List<Finding> of(LookupQuery query, String vpcId, String region, SourceCandidates candidates,
                                   Winner winner, ExpectedAnswer expected, ObservedAnswer observed, Outcome outcome,
                                   List<EndpointCheck> checks, Map<AnswerSource, ExpectedAnswer> zoneAnswers,
                                   boolean healthy) {
        List<Finding> findings = new ArrayList<>();
        AnswerSource answering = winner.answeredBy();
        List<AnswerSource> zonesWithRecords = zoneAnswers.entrySet().stream()
                .filter(e -> !e.getValue().values().isEmpty()).map(Map.Entry::getKey).toList();
        AnswerSource shadowed = zonesWithRecords.stream().filter(AnswerSource::inEffect)
                .filter(z -> !z.equals(answering)).findFirst().orElse(null);
        if (answering.kind() == SourceKind.AUTODEFINED_REVERSE && shadowed != null) {
            boolean connected = !answering.id().equals(vpcId);
            findings.add(new Finding("the autodefined reverse rule for " + answering.domain() + " (" + answering.detail()
                    + ") is more specific than the " + shadowed.describe() + ", so Resolver answers "
                    + query.name() + " itself and the zone's " + zoneAnswers.get(shadowed).text() + " is never used"
                    + (connected ? "; the rule comes from a VPC connected to " + vpcId : ""),
                    "disable autodefined reverse for " + vpcId + ": aws route53resolver update-resolver-config "
                            + "--resource-id " + vpcId + " --autodefined-reverse-flag DISABLE (zonebridge's reverse "
                            + "settings can do it for every VPC), or host the PTR in a private zone for "
                            + answering.domain()));
        }
        if (winner.rule().kind() == SourceKind.FORWARD_RULE && shadowed != null) {
            AnswerSource rule = winner.rule();
            String relation = rule.specificity() > shadowed.specificity() ? "is more specific than"
                    : "overlaps (same domain), and Resolver rules take precedence over,";
            String systemDomain = shadowed.specificity() > rule.specificity() ? shadowed.domain().toString()
                    : query.name().toString();
            findings.add(new Finding("the forwarding rule " + rule.id() + " for " + rule.domain() + " " + relation
                    + " the " + shadowed.describe() + ": the query goes to " + String.join(", ", rule.targets())
                    + " and the zone's " + zoneAnswers.get(shadowed).text() + " is not used",
                    "if the private zone should answer: aws route53resolver disassociate-resolver-rule "
                            + "--resolver-rule-id " + rule.id() + " --vpc-id " + vpcId + ", or create a SYSTEM rule for "
                            + systemDomain + " and associate it with " + vpcId
                            + "; otherwise add the record on the forwarding targets"));
        }
        if (!healthy) {
            for (AnswerSource zone : zonesWithRecords) {
                if (!zone.inEffect()) {
                    findings.add(new Finding("the " + zone.describe() + " has " + zoneAnswers.get(zone).text()
                            + " but is not associated with " + vpcId + ", so Resolver never reads it",
                            "aws route53 associate-vpc-with-hosted-zone --hosted-zone-id " + zone.id()
                                    + " --vpc VPCRegion=" + region + ",VPCId=" + vpcId));
                }
            }
            for (AnswerSource source : candidates.sources()) {
                if (source.kind().isRule() && !source.inEffect() && source.specificity() >= answering.specificity()) {
                    findings.add(new Finding("the " + source.describe() + " covers " + query.name()
                            + " but is not associated with " + vpcId + "; if associated it would take the query ("
                            + source.detail() + ")",
                            "aws route53resolver associate-resolver-rule --resolver-rule-id " + source.id()
                                    + " --vpc-id " + vpcId));
                }
            }
        }
        if (answering.kind() == SourceKind.PRIVATE_ZONE && expected.known() && expected.values().isEmpty()) {
            findings.add(new Finding("the answering " + answering.describe() + " has no " + query.typeName()
                    + " record for " + query.name() + " (" + expected.text() + "); Resolver does not look elsewhere",
                    "create the record in " + answering.id() + (query.reverse() ? " (zonebridge's reverse DNS "
                            + "creates PTRs from the A/AAAA records of your private zones)" : "")));
        }
        if (answering.kind() == SourceKind.AUTODEFINED_REVERSE && shadowed == null && !healthy) {
            findings.add(new Finding("no private zone in effect has a PTR for " + query.input()
                    + "; the autodefined reverse rule for " + answering.domain() + " answers (" + expected.text() + ")",
                    "create the PTR in a private reverse zone associated with " + vpcId + " (zonebridge's reverse DNS"
                            + " does it), and disable autodefined reverse if that zone is less specific than "
                            + answering.domain()));
        }
        if (outcome == Outcome.ANSWERED && !healthy && answering.kind() != SourceKind.PRIVATE_ZONE) {
            zoneAnswers.entrySet().stream().filter(e -> e.getValue().values().equals(observed.values())).findFirst()
                    .ifPresent(e -> findings.add(new Finding("the resolver " + observed.server() + " answered from the "
                            + e.getKey().describe() + ", which the VPC's Resolver would not use for this name: that "
                            + "server does not apply the VPC's Resolver rules (the local emulator's DNS port answers "
                            + "from every zone)", "ask the VPC's Resolver (VPC CIDR base + 2) from inside the VPC to "
                            + "see what clients get")));
        }
        observedFindings(findings, winner, expected, observed, outcome, checks);
        for (EndpointCheck check : checks) {
            if (!check.ok()) {
                findings.add(new Finding(check.check() + ": " + check.detail(), check.fix()));
            }
        }
        return findings;
    }

    private static void observedFindings(List<Finding> findings, Winner winner, ExpectedAnswer expected,
                                         ObservedAnswer observed, Outcome outcome, List<EndpointCheck> checks) {
        boolean forwarding = winner.answeredBy().kind() == SourceKind.FORWARD_RULE;
        boolean endpointFails = checks.stream().anyMatch(c -> !c.ok());
        switch (outcome) {
            case SERVFAIL -> findings.add(new Finding("the resolver " + observed.server() + " answered SERVFAIL: "
                    + (forwarding ? "Resolver got no usable answer from the forwarding targets "
                    + String.join(", ", winner.answeredBy().targets())
                    + (endpointFails ? " (the endpoint checks below fail)" : " (the endpoint path checks pass: the "
                    + "targets themselves fail or do not answer)") : "it could not get an answer upstream"),
                    forwarding ? "fix the failing endpoint checks, then make sure the targets answer for "
                            + winner.answeredBy().domain() : "check the upstream servers of " + observed.server()));
            case TIMEOUT, UNREACHABLE -> findings.add(new Finding("no answer from " + observed.server() + ": "
                    + observed.error() + (forwarding ? "; Resolver waits for the forwarding targets, so an unreachable "
                    + "target also looks like this" : ""), "run doctor from inside the VPC (its Resolver answers only "
                    + "clients in the VPC) or pass --resolver with an address that reaches it"));
            case DIFFERENT, NXDOMAIN, NODATA -> {
                if (expected.known() && !expected.values().isEmpty()) {
                    findings.add(new Finding("the resolver " + observed.server() + " answered "
                            + (outcome == Outcome.DIFFERENT ? String.join(" ", observed.values()) : outcome.name())
                            + " but the " + expected.basis() + " holds " + expected.text(),
                            "make sure " + observed.server() + " is the VPC's Resolver (VPC CIDR base + 2) asked from "
                                    + "inside the VPC; a cached answer lasts its TTL, and a change is visible once "
                                    + "INSYNC"));
                }
            }
            case OTHER_RCODE -> findings.add(new Finding("the resolver " + observed.server() + " answered "
                    + observed.rcode(), "ask the VPC's Resolver (VPC CIDR base + 2) from inside the VPC"));
            default -> {
                // MATCH and ANSWERED need nothing
            }
        }
    }
}
