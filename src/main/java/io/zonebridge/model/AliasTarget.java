package io.zonebridge.model;

import java.util.Objects;

/**
 * Route 53 alias target of a record set.
 *
 * @param hostedZoneId          hosted zone id of the target, bare (no {@code /hostedzone/} prefix)
 * @param dnsName               target name in canonical form (lower case, trailing dot)
 * @param evaluateTargetHealth  whether Route 53 evaluates the target's health
 */
public record AliasTarget(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    public AliasTarget {
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        Objects.requireNonNull(dnsName, "dnsName");
    }
}
