package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.function.LongSupplier;

/**
 * Route 53 Resolver's JSON 1.1 API ({@code X-Amz-Target: Route53Resolver.<Operation>}): resolver configs, rules and
 * their VPC associations, and endpoints.
 */
public final class ResolverHandler implements JsonService {
    private static final String PREFIX = "Route53Resolver.";
    private final ResolverConfigOperations configs;
    private final ResolverRuleOperations rules;
    private final ResolverEndpointOperations endpoints;

    /** Creates the service over {@code state}. */
    public ResolverHandler(EmulatorState state, LocalRoute53Options options, LongSupplier clock) {
        this.configs = new ResolverConfigOperations(state, options, clock, new ObjectMapper());
        ResolverResources.Store store = state.resolverResources();
        this.rules = new ResolverRuleOperations(state, store, clock, options.pendingMillis());
        this.endpoints = new ResolverEndpointOperations(state, store, clock, options.pendingMillis());
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
            case "CreateResolverRule" -> rules.create(caller, request);
            case "GetResolverRule" -> rules.get(caller, request);
            case "ListResolverRules" -> rules.list(caller, request);
            case "DeleteResolverRule" -> rules.delete(caller, request);
            case "AssociateResolverRule" -> rules.associate(caller, request);
            case "DisassociateResolverRule" -> rules.disassociate(caller, request);
            case "ListResolverRuleAssociations" -> rules.listAssociations(caller, request);
            case "CreateResolverEndpoint" -> endpoints.create(caller, request);
            case "GetResolverEndpoint" -> endpoints.get(caller, request);
            case "ListResolverEndpoints" -> endpoints.list(caller, request);
            case "DeleteResolverEndpoint" -> endpoints.delete(caller, request);
            case "ListResolverEndpointIpAddresses" -> endpoints.listIpAddresses(caller, request);
            default -> throw JsonProtocolHandler.unknownOperation(PREFIX, operation);
        };
    }
}
