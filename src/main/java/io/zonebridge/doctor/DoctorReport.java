package io.zonebridge.doctor;

import java.util.List;

/**
 * Everything doctor found, in a shape for people ({@link ReportText}) and scripts (JSON through Jackson).
 *
 * @param query          the query name, type and input
 * @param vpc            the VPC, its CIDRs, autodefined-reverse status and connected VPCs
 * @param sources        every source that could answer, in effect or not
 * @param winner         which source answers and why
 * @param expected       the answer that source should give
 * @param observed       the answer the resolver gave
 * @param outcome        the classification of the observed answer
 * @param asExpected     whether the observed answer is what the winning source predicts
 * @param endpointChecks outbound endpoint checks of a winning forwarding rule (else empty)
 * @param findings       what to fix
 * @param healthy        whether the lookup answers as expected with nothing to fix
 * @param exitCode       the command's exit code
 */
public record DoctorReport(Query query, Vpc vpc, List<Source> sources, Choice winner, ExpectedAnswer expected,
                           ObservedAnswer observed, Outcome outcome, boolean asExpected,
                           List<EndpointCheck> endpointChecks, List<Finding> findings, boolean healthy, int exitCode) {

    /** Exit code when the lookup answers as expected. */
    public static final int HEALTHY = 0;
    /** Exit code when doctor found a problem (the findings say what). */
    public static final int PROBLEM = 1;

    /**
     * The query.
     *
     * @param input what was asked
     * @param name  the query name
     * @param type  the query type
     */
    public record Query(String input, String name, String type) {
    }

    /**
     * The VPC.
     *
     * @param id                 VPC id
     * @param region             its region
     * @param cidrs              its IPv4 CIDRs
     * @param autodefinedReverse its Resolver config's autodefined-reverse status
     * @param dnsHostnames       whether enableDnsHostnames is on
     * @param connected          connected VPCs, e.g. {@code vpc-1 10.1.0.0/16 (peering pcx-1)}
     */
    public record Vpc(String id, String region, List<String> cidrs, String autodefinedReverse, boolean dnsHostnames,
                      List<String> connected) {
    }

    /**
     * One source.
     *
     * @param kind     its kind
     * @param domain   its domain
     * @param id       rule, zone or VPC id
     * @param detail   where it comes from
     * @param inEffect whether it applies in the VPC
     * @param whyNot   why not, when not
     * @param answers  whether it is the source that answers
     */
    public record Source(SourceKind kind, String domain, String id, String detail, boolean inEffect, String whyNot,
                         boolean answers) {
    }

    /**
     * The winner.
     *
     * @param kind           kind of the winning source
     * @param domain         its domain
     * @param id             its id
     * @param answeredByKind kind of the source that answers (differs from {@code kind} for a SYSTEM rule)
     * @param answeredById   its id
     * @param why            the reason
     */
    public record Choice(SourceKind kind, String domain, String id, SourceKind answeredByKind, String answeredById,
                         String why) {
    }
}
