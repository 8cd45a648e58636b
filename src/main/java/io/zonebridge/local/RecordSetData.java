package io.zonebridge.local;

import java.util.List;
import java.util.Objects;

/**
 * One resource record set as stored by the emulator (and as requested in a change). Every member except
 * {@code name} and {@code type} may be null when absent; values are kept verbatim.
 *
 * @param name                    canonical name (or, in a parsed request, the name exactly as sent)
 * @param type                    record type mnemonic
 * @param setIdentifier           routing set identifier
 * @param weight                  weighted routing weight
 * @param region                  latency routing region
 * @param geoLocation             geolocation routing location
 * @param failover                PRIMARY or SECONDARY
 * @param multiValueAnswer        multivalue answer routing flag
 * @param ttl                     time to live (non-alias records)
 * @param values                  record values (non-alias records)
 * @param aliasTarget             alias target (alias records)
 * @param healthCheckId           health check
 * @param trafficPolicyInstanceId traffic policy instance
 * @param cidrRouting             IP-based routing
 */
public record RecordSetData(String name, String type, String setIdentifier, Long weight, String region,
                            GeoLocation geoLocation, String failover, Boolean multiValueAnswer, Long ttl,
                            List<String> values, Alias aliasTarget, String healthCheckId,
                            String trafficPolicyInstanceId, CidrRouting cidrRouting) {

    /** Geolocation routing location. */
    public record GeoLocation(String continentCode, String countryCode, String subdivisionCode) {
    }

    /** Alias target as stored (hosted zone id verbatim, DNS name canonical). */
    public record Alias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    }

    /** IP-based routing configuration. */
    public record CidrRouting(String collectionId, String locationName) {
    }

    /** A simple non-alias record set. */
    public static RecordSetData simple(String name, String type, long ttl, List<String> values) {
        return new RecordSetData(name, type, null, null, null, null, null, null, ttl, List.copyOf(values),
                null, null, null, null);
    }

    /** The identity of this set: name, type and set identifier. */
    public RecordSetKey key() {
        return new RecordSetKey(name, type, setIdentifier);
    }

    /** This set under another name. */
    public RecordSetData withName(String newName) {
        return new RecordSetData(newName, type, setIdentifier, weight, region, geoLocation, failover,
                multiValueAnswer, ttl, values, aliasTarget, healthCheckId, trafficPolicyInstanceId, cidrRouting);
    }

    /** True for alias record sets. */
    public boolean isAlias() {
        return aliasTarget != null;
    }

    /** True when any routing policy field is given. */
    public boolean hasRoutingField() {
        return weight != null || region != null || geoLocation != null || failover != null
                || multiValueAnswer != null || cidrRouting != null;
    }

    /** Number of routing policy fields given (Weight, Region, Failover, GeoLocation, MultiValueAnswer, Cidr). */
    public int routingFieldCount() {
        int count = 0;
        for (Object field : new Object[] {weight, region, geoLocation, failover, multiValueAnswer, cidrRouting}) {
            count += field == null ? 0 : 1;
        }
        return count;
    }

    /**
     * Whether a DELETE carrying {@code requested} matches this stored set exactly (values order-insensitive;
     * an omitted MultiValueAnswer is tolerated).
     */
    public boolean matchesForDelete(RecordSetData requested) {
        boolean multiValueMatches = requested.multiValueAnswer == null
                || Objects.equals(Boolean.TRUE.equals(requested.multiValueAnswer),
                Boolean.TRUE.equals(multiValueAnswer));
        return Objects.equals(ttl, requested.ttl)
                && Objects.equals(values == null ? null : List.copyOf(new java.util.TreeSet<>(values)),
                requested.values == null ? null : List.copyOf(new java.util.TreeSet<>(requested.values)))
                && Objects.equals(aliasTarget, requested.aliasTarget)
                && Objects.equals(weight, requested.weight) && Objects.equals(region, requested.region)
                && Objects.equals(geoLocation, requested.geoLocation) && Objects.equals(failover, requested.failover)
                && multiValueMatches && Objects.equals(healthCheckId, requested.healthCheckId)
                && Objects.equals(cidrRouting, requested.cidrRouting);
    }
}
