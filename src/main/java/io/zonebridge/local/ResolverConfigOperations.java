package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
        int maxResults = request.has("MaxResults") ? request.get("MaxResults").asInt() : 100;
        if (maxResults < 5 || maxResults > 100) {
            throw validation("1 validation error detected: Value '" + maxResults + "' at 'maxResults' failed to "
                    + "satisfy constraint: Member must have value between 5 and 100");
        }
        int start = offset(request.path("NextToken").asText(null));
        return state.read(() -> {
            List<ResolverConfigData> configs = new ArrayList<>(state.account(account).resolverConfigs().values());
            if (start > configs.size()) {
                throw new ServiceException(400, "InvalidNextTokenException", "[RSLVR-00101] The NextToken is invalid.");
            }
            int end = Math.min(configs.size(), start + maxResults);
            ObjectNode result = json.createObjectNode();
            var array = result.putArray("ResolverConfigs");
            long now = clock.getAsLong();
            configs.subList(start, end).forEach(config -> array.add(render(config, config.status(now))));
            if (end < configs.size()) {
                result.put("NextToken", Base64.getEncoder().encodeToString(("offset:" + end)
                        .getBytes(StandardCharsets.UTF_8)));
            }
            return result;
        });
    }

    private static int offset(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                return Integer.parseInt(decoded.substring(7));
            }
        } catch (IllegalArgumentException e) {
            // the error below
        }
        throw new ServiceException(400, "InvalidNextTokenException", "[RSLVR-00101] The NextToken is invalid.");
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
