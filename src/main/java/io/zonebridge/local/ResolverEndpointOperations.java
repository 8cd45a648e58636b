package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

import static io.zonebridge.local.ResolverRuleOperations.invalidRequest;
import static io.zonebridge.local.ResolverRuleOperations.notFound;
import static io.zonebridge.local.ResolverRuleOperations.required;
import static io.zonebridge.local.ResolverRuleOperations.validation;

/**
 * Route 53 Resolver endpoints: CreateResolverEndpoint (two to six addresses, one to ten security groups),
 * GetResolverEndpoint, ListResolverEndpoints, DeleteResolverEndpoint (refused while rules use it) and
 * ListResolverEndpointIpAddresses. The emulator has no EC2 subnets, so every address must be given with its
 * {@code Ip}, and {@code HostVPCId} is not answered.
 */
final class ResolverEndpointOperations {
    private final ObjectMapper json = new ObjectMapper();
    private final EmulatorState state;
    private final ResolverResources.Store store;
    private final LongSupplier clock;
    private final long pendingMillis;

    ResolverEndpointOperations(EmulatorState state, ResolverResources.Store store, LongSupplier clock,
                               long pendingMillis) {
        this.state = state;
        this.store = store;
        this.clock = clock;
        this.pendingMillis = pendingMillis;
    }

    JsonNode create(Caller caller, JsonNode request) {
        String creatorRequestId = required(request, "CreatorRequestId", "creatorRequestId");
        String direction = required(request, "Direction", "direction");
        if (!direction.equals("INBOUND") && !direction.equals("OUTBOUND")) {
            throw validation("Value '" + direction + "' at 'direction' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [INBOUND, OUTBOUND]");
        }
        List<String> groups = new ArrayList<>();
        request.path("SecurityGroupIds").forEach(g -> groups.add(g.asText()));
        if (groups.isEmpty() || groups.size() > 10) {
            throw new ServiceException(400, "InvalidParameterException",
                    "An endpoint needs 1 to 10 security groups, not " + groups.size());
        }
        for (String group : groups) {
            if (!group.matches("sg-[0-9a-f]{1,17}")) {
                throw new ServiceException(400, "InvalidParameterException", "Malformed security group ID: Invalid"
                        + " id: '" + group + "' (expecting 'sg-...')");
            }
        }
        List<ResolverEndpointData.EndpointAddress> addresses = addresses(request.path("IpAddresses"));
        return state.mutate(() -> {
            ResolverResources resources = store.of(caller);
            if (resources.endpoints().values().stream().anyMatch(e -> e.creatorRequestId().equals(creatorRequestId))) {
                throw new ServiceException(400, "ResourceExistsException", "Resolver endpoint with creator request "
                        + "ID '" + creatorRequestId + "' already exists");
            }
            String id = ResolverIds.next(direction.equals("INBOUND") ? "rslvr-in-" : "rslvr-out-");
            long now = clock.getAsLong();
            ResolverEndpointData endpoint = new ResolverEndpointData(id, creatorRequestId,
                    ResolverIds.arn(caller, "resolver-endpoint", id), request.path("Name").asText(null),
                    List.copyOf(groups), direction, addresses, null, ResolverIds.time(now), now + pendingMillis);
            resources.endpoints().put(id, endpoint);
            return wrap(endpoint.render(json, "CREATING"));
        });
    }

    JsonNode get(Caller caller, JsonNode request) {
        String id = required(request, "ResolverEndpointId", "resolverEndpointId");
        return state.read(() -> {
            ResolverEndpointData endpoint = endpoint(caller, id);
            return wrap(endpoint.render(json, endpoint.status(clock.getAsLong())));
        });
    }

    JsonNode list(Caller caller, JsonNode request) {
        return state.read(() -> {
            long now = clock.getAsLong();
            List<ResolverEndpointData> endpoints = List.copyOf(store.of(caller).endpoints().values());
            Map<String, Function<ResolverEndpointData, String>> fields = Map.of(
                    "CreatorRequestId", ResolverEndpointData::creatorRequestId,
                    "Direction", ResolverEndpointData::direction,
                    "HostVPCId", ResolverEndpointData::hostVpcId,
                    "IpAddressCount", e -> Integer.toString(e.addresses().size()),
                    "Name", ResolverEndpointData::name,
                    "SecurityGroupIds", e -> String.join(",", e.securityGroupIds()),
                    "Status", e -> e.status(now));
            ObjectNode answer = json.createObjectNode();
            ResolverListing.page(request, ResolverListing.filter(request, endpoints, fields), answer,
                    "ResolverEndpoints", e -> e.render(json, e.status(now)));
            return answer;
        });
    }

    JsonNode delete(Caller caller, JsonNode request) {
        String id = required(request, "ResolverEndpointId", "resolverEndpointId");
        return state.mutate(() -> {
            ResolverEndpointData endpoint = endpoint(caller, id);
            ResolverResources resources = store.of(caller);
            List<String> rules = resources.rules().values().stream()
                    .filter(r -> id.equals(r.resolverEndpointId())).map(ResolverRuleData::id).toList();
            if (!rules.isEmpty()) {
                throw invalidRequest("Cannot delete resolver endpoint unless its related resolver rules are deleted. "
                        + "The following rules still exist for this resolver endpoint: " + String.join(",", rules));
            }
            resources.endpoints().remove(id);
            ObjectNode rendered = endpoint.render(json, "DELETING");
            rendered.put("StatusMessage", "Deleting the Resolver Endpoint");
            return wrap(rendered);
        });
    }

    JsonNode listIpAddresses(Caller caller, JsonNode request) {
        String id = required(request, "ResolverEndpointId", "resolverEndpointId");
        return state.read(() -> {
            ResolverEndpointData endpoint = endpoint(caller, id);
            boolean attached = endpoint.status(clock.getAsLong()).equals("OPERATIONAL");
            ObjectNode answer = json.createObjectNode();
            ResolverListing.page(request, endpoint.addresses(), answer, "IpAddresses",
                    a -> a.render(json, endpoint.creationTime(), attached));
            return answer;
        });
    }

    private ResolverEndpointData endpoint(Caller caller, String id) {
        ResolverEndpointData endpoint = store.of(caller).endpoints().get(id);
        if (endpoint == null) {
            throw notFound("Resolver endpoint with ID '" + id + "' does not exist.");
        }
        return endpoint;
    }

    private static List<ResolverEndpointData.EndpointAddress> addresses(JsonNode array) {
        if (array.size() < 2) {
            throw invalidRequest("Resolver endpoint needs to have at least 2 IP addresses");
        }
        if (array.size() > 6) {
            throw new ServiceException(400, "LimitExceededException",
                    "An endpoint can have at most 6 IP addresses, not " + array.size());
        }
        List<ResolverEndpointData.EndpointAddress> addresses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode address : array) {
            String subnet = address.path("SubnetId").asText(null);
            if (subnet == null || !subnet.matches("subnet-[0-9a-f]{1,17}")) {
                throw new ServiceException(400, "InvalidParameterException", "The subnet ID '" + subnet
                        + "' does not exist");
            }
            String ip = address.path("Ip").asText(null);
            if (ip == null || !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                throw invalidRequest("IP address '" + ip + "' of subnet '" + subnet + "': the local emulator "
                        + "has no EC2 subnets to pick an address from, so give each address's Ip");
            }
            if (!seen.add(subnet + "/" + ip)) {
                throw new ServiceException(400, "ResourceExistsException", "The IP address '" + ip + "' in subnet '"
                        + subnet + "' is already in use");
            }
            addresses.add(new ResolverEndpointData.EndpointAddress(ResolverIds.next("rni-"), subnet, ip));
        }
        return List.copyOf(addresses);
    }

    private ObjectNode wrap(ObjectNode endpoint) {
        ObjectNode outer = json.createObjectNode();
        outer.set("ResolverEndpoint", endpoint);
        return outer;
    }
}
