package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Resolver rules, rule associations and endpoints of one account in one region (creation order). Use under
 * the {@link EmulatorState} lock; kept in the state file.
 */
public final class ResolverResources {
    private final Map<String, ResolverRuleData> rules = new LinkedHashMap<>();
    private final Map<String, ResolverRuleAssociationData> associations = new LinkedHashMap<>();
    private final Map<String, ResolverEndpointData> endpoints = new LinkedHashMap<>();

    /** Rules by id. */
    public Map<String, ResolverRuleData> rules() {
        return rules;
    }

    /** Rule associations by id. */
    public Map<String, ResolverRuleAssociationData> associations() {
        return associations;
    }

    /** Endpoints by id. */
    public Map<String, ResolverEndpointData> endpoints() {
        return endpoints;
    }

    /** Every account's and region's resources, created on first use. Use under the {@link EmulatorState} lock. */
    public static final class Store {
        private final Map<String, ResolverResources> byAccountAndRegion = new LinkedHashMap<>();

        /** The resources of {@code caller}'s account in its region. */
        public ResolverResources of(Caller caller) {
            return of(caller.account(), caller.region());
        }

        /** The resources of {@code account} in {@code region}. */
        public ResolverResources of(String account, String region) {
            return byAccountAndRegion.computeIfAbsent(account + "/" + region, key -> new ResolverResources());
        }

        /** Every account's and region's resources by {@code account/region}, read-only. */
        public Map<String, ResolverResources> all() {
            return java.util.Collections.unmodifiableMap(byAccountAndRegion);
        }
    }
}
