package io.zonebridge.model;

/**
 * Routing-policy attributes of a record set. All fields are optional; a simple record set uses
 * {@link #SIMPLE}. Geolocation codes are kept as Route 53 returns them.
 *
 * @param weight            weighted routing weight
 * @param region            latency routing region
 * @param geoContinent      geolocation continent code
 * @param geoCountry        geolocation country code
 * @param geoSubdivision    geolocation subdivision code
 * @param failover          {@code PRIMARY} or {@code SECONDARY}
 * @param multiValueAnswer  multivalue answer routing
 * @param healthCheckId     associated health check
 */
public record Routing(Long weight, String region, String geoContinent, String geoCountry,
                      String geoSubdivision, String failover, Boolean multiValueAnswer,
                      String healthCheckId) {

    /** No routing policy. */
    public static final Routing SIMPLE = new Routing(null, null, null, null, null, null, null, null);

    /** Weighted routing with the given weight. */
    public static Routing weighted(long weight) {
        return new Routing(weight, null, null, null, null, null, null, null);
    }

    /** Multivalue answer routing. */
    public static Routing multiValue() {
        return new Routing(null, null, null, null, null, null, Boolean.TRUE, null);
    }

    /** The routing policy these attributes select. */
    public RoutingPolicy policy() {
        if (weight != null) {
            return RoutingPolicy.WEIGHTED;
        }
        if (region != null) {
            return RoutingPolicy.LATENCY;
        }
        if (geoContinent != null || geoCountry != null || geoSubdivision != null) {
            return RoutingPolicy.GEOLOCATION;
        }
        if (failover != null) {
            return RoutingPolicy.FAILOVER;
        }
        if (Boolean.TRUE.equals(multiValueAnswer)) {
            return RoutingPolicy.MULTIVALUE;
        }
        return RoutingPolicy.SIMPLE;
    }
}
