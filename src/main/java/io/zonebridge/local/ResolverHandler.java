package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.function.LongSupplier;

/** Route 53 Resolver's JSON 1.1 API ({@code X-Amz-Target: Route53Resolver.<Operation>}): resolver configs. */
public final class ResolverHandler implements JsonService {
    private static final String PREFIX = "Route53Resolver.";
    private final ResolverConfigOperations configs;

    /** Creates the service over {@code state}. */
    public ResolverHandler(EmulatorState state, LocalRoute53Options options, LongSupplier clock) {
        this.configs = new ResolverConfigOperations(state, options, clock, new ObjectMapper());
    }

    @Override
    public String targetPrefix() {
        return PREFIX;
    }

    @Override
    public JsonNode call(String operation, Caller caller, JsonNode request) {
        return switch (operation) {
            case "GetResolverConfig" -> configs.get(caller.account(), request);
            case "UpdateResolverConfig" -> configs.update(caller.account(), request);
            case "ListResolverConfigs" -> configs.list(caller.account(), request);
            default -> throw JsonProtocolHandler.unknownOperation(PREFIX, operation);
        };
    }
}
