package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Route 53 Resolver GetResolverConfig, UpdateResolverConfig and ListResolverConfigs (AutodefinedReverse): configs
 * are created lazily per VPC (ENABLED), updates answer the transitional status and settle after the pending time.
 */
public final class ResolverConfigOperations {
    private static final Map<String, String[]> FLAGS = Map.of(
            "ENABLE", new String[] {"ENABLED", "ENABLING"},
            "DISABLE", new String[] {"DISABLED", "DISABLING"},
            "USE_LOCAL_RESOURCE_SETTING", new String[] {"USE_LOCAL_RESOURCE_SETTING",
                    "UPDATING_TO_USE_LOCAL_RESOURCE_SETTING"});
    private final EmulatorState state;
    private final LocalRoute53Options options;
    private final LongSupplier clock;
    private final ObjectMapper json;

    /** Creates the operations over {@code state}. */
    public ResolverConfigOperations(EmulatorState state, LocalRoute53Options options, LongSupplier clock,
                                    ObjectMapper json) {
        this.state = state;
        this.options = options;
        this.clock = clock;
        this.json = json;
    }

    /** GetResolverConfig. */
    public ObjectNode get(String account, JsonNode request) {
        String vpcId = resourceId(request);
        return state.mutate(() -> {
            ResolverConfigData config = configOf(state.account(account), vpcId);
            return wrap("ResolverConfig", render(config, config.status(clock.getAsLong())));
        });
    }

    /** UpdateResolverConfig. */
    public ObjectNode update(String account, JsonNode request) {
        String vpcId = resourceId(request);
        String flag = request.path("AutodefinedReverseFlag").asText(null);
        String[] statuses = flag == null ? null : FLAGS.get(flag);
        if (statuses == null) {
            throw validation("1 validation error detected: Value " + (flag == null ? "null" : "'" + flag + "'")
                    + " at 'autodefinedReverseFlag' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[ENABLE, DISABLE, USE_LOCAL_RESOURCE_SETTING]");
        }
        return state.mutate(() -> {
            AccountState accountState = state.account(account);
            ResolverConfigData old = configOf(accountState, vpcId);
            ResolverConfigData updated = new ResolverConfigData(old.id(), vpcId, account, statuses[0], statuses[1],
                    clock.getAsLong() + options.pendingMillis());
            accountState.resolverConfigs().put(vpcId, updated);
            return wrap("ResolverConfig", render(updated, statuses[1]));
        });
    }

    /** ListResolverConfigs, paged by MaxResults (5..100) and an opaque NextToken. */
    public ObjectNode list(String account, JsonNode request) {
        return state.read(() -> {
            List<ResolverConfigData> configs = new ArrayList<>(state.account(account).resolverConfigs().values());
            ObjectNode result = json.createObjectNode();
            long now = clock.getAsLong();
            ResolverListing.page(request, configs, result, "ResolverConfigs",
                    config -> render(config, config.status(now)), 5);
            return result;
        });
    }

    private static String resourceId(JsonNode request) {
        String id = request.path("ResourceId").asText(null);
        if (id == null) {
            throw validation("1 validation error detected: Value null at 'resourceId' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (!id.matches("vpc-[0-9a-f]{1,17}")) {
            throw new ServiceException(400, "ResourceNotFoundException", "[RSLVR-00718] Resource with ID '" + id
                    + "' does not exist.");
        }
        return id;
    }

    private ResolverConfigData configOf(AccountState account, String vpcId) {
        return account.resolverConfigs().computeIfAbsent(vpcId, vpc -> new ResolverConfigData(
                ResourceIds.resolverConfigId(), vpc, account.accountId(), "ENABLED", "ENABLED", 0));
    }

    private ObjectNode render(ResolverConfigData config, String status) {
        ObjectNode node = json.createObjectNode();
        node.put("Id", config.id()).put("ResourceId", config.resourceId()).put("OwnerId", config.ownerId())
                .put("AutodefinedReverse", status);
        return node;
    }

    private ObjectNode wrap(String name, ObjectNode inner) {
        ObjectNode outer = json.createObjectNode();
        outer.set(name, inner);
        return outer;
    }

    private static ServiceException validation(String message) {
        return new ServiceException(400, "ValidationException", message);
    }
}
