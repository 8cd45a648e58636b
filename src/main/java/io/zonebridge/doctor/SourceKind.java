package io.zonebridge.doctor;

/**
 * The kinds of source that can answer a query in a VPC, in Resolver's order of precedence for equally specific
 * domains: Resolver rules, then private hosted zones, then the autodefined reverse rules, then the internet.
 */
public enum SourceKind {
    /** A Resolver rule forwarding to target servers through an outbound endpoint. */
    FORWARD_RULE(3, "forwarding rule"),
    /** A Resolver SYSTEM rule: Resolver answers locally (private zones, autodefined rules, internet). */
    SYSTEM_RULE(3, "system rule"),
    /** A private hosted zone. */
    PRIVATE_ZONE(2, "private hosted zone"),
    /** A reverse rule Resolver defines for a VPC CIDR (its own or a connected VPC's); not shown in the console. */
    AUTODEFINED_REVERSE(1, "autodefined reverse rule"),
    /** Resolver's recursive rule for {@code .}: public DNS. */
    INTERNET(0, "internet resolver");

    private final int precedence;
    private final String label;

    SourceKind(int precedence, String label) {
        this.precedence = precedence;
        this.label = label;
    }

    /** Higher wins between equally specific domains. */
    public int precedence() {
        return precedence;
    }

    /** Words for reports, e.g. {@code private hosted zone}. */
    public String label() {
        return label;
    }

    /** Whether this is a Resolver rule the operator created. */
    public boolean isRule() {
        return this == FORWARD_RULE || this == SYSTEM_RULE;
    }
}
