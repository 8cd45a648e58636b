package io.zonebridge.local;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything one AWS account holds in the emulator: zones (creation order), caller references, changes, Resolver
 * configs and EventBridge buses.
 */
public final class AccountState {
    private final String accountId;
    private final Map<String, HostedZoneData> zones = new LinkedHashMap<>();
    private final Set<String> callerReferences = new LinkedHashSet<>();
    private final Map<String, ChangeData> changes = new HashMap<>();
    private final Map<String, ResolverConfigData> resolverConfigs = new LinkedHashMap<>();
    private final Map<String, EventBusData> eventBuses = new LinkedHashMap<>();

    /** Creates the empty state of {@code accountId}. */
    public AccountState(String accountId) {
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    /** Zones by bare id, in creation order. */
    public Map<String, HostedZoneData> zones() {
        return zones;
    }

    /** Every caller reference ever used (never forgotten). */
    public Set<String> callerReferences() {
        return callerReferences;
    }

    /** Changes by bare id. */
    public Map<String, ChangeData> changes() {
        return changes;
    }

    /** Resolver configurations by VPC id. */
    public Map<String, ResolverConfigData> resolverConfigs() {
        return resolverConfigs;
    }

    /** EventBridge buses by {@code region/name}; each region's {@code default} bus appears on first use. */
    public Map<String, EventBusData> eventBuses() {
        return eventBuses;
    }

    /** The bus {@code name} in {@code region}, or null; the default bus always exists. */
    public EventBusData eventBus(String region, String name) {
        String key = region + "/" + name;
        if (name.equals("default")) {
            return eventBuses.computeIfAbsent(key, k -> new EventBusData(name, region, new LinkedHashMap<>()));
        }
        return eventBuses.get(key);
    }
}
