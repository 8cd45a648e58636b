package io.zonebridge.model;

/** The Route 53 routing policy of a record set. */
public enum RoutingPolicy {
    SIMPLE, WEIGHTED, LATENCY, GEOLOCATION, FAILOVER, MULTIVALUE
}
