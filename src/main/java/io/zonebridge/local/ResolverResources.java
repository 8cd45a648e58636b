package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Resolver rules, rule associations and endpoints of one account in one region (creation order). Use under
 * the {@link EmulatorState} lock. Not written to the state file: they live as long as the emulator.
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
            return byAccountAndRegion.computeIfAbsent(caller.account() + "/" + caller.region(),
                    key -> new ResolverResources());
        }
    }
}
