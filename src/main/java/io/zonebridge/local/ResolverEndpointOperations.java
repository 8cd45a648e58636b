package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
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
 * ListResolverEndpointIpAddresses. The addresses are in the emulated EC2's subnets of the caller's account and region
 * (all in one VPC, answered as {@code HostVPCId}); an address given only by {@code SubnetId} gets the subnet's lowest
 * free address, as an interface EC2 creates; addresses are held in their subnets until the endpoint is deleted. The
 * security groups must exist in that VPC.
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
        JsonNode requested = request.path("IpAddresses");
        if (!requested.isArray() || requested.size() < 2) {
            throw invalidRequest("Resolver endpoint needs to have at least 2 IP addresses");
        }
        if (requested.size() > 6) {
            throw new ServiceException(400, "LimitExceededException",
                    "An endpoint can have at most 6 IP addresses, not " + requested.size());
        }
        return state.mutate(() -> {
            ResolverResources resources = store.of(caller);
            if (resources.endpoints().values().stream().anyMatch(e -> e.creatorRequestId().equals(creatorRequestId))) {
                throw new ServiceException(400, "ResourceExistsException", "Resolver endpoint with creator request "
                        + "ID '" + creatorRequestId + "' already exists");
            }
            Ec2Region ec2 = state.ec2().region(caller.account(), caller.region());
            List<SubnetData> subnets = new ArrayList<>();
            for (JsonNode address : requested) {
                subnets.add(subnet(ec2, address.path("SubnetId").asText(null)));
            }
            String vpcId = subnets.get(0).vpcId;
            for (SubnetData subnet : subnets) {
                if (!subnet.vpcId.equals(vpcId)) {
                    throw invalidRequest("The subnets of a Resolver endpoint must be in one VPC: "
                            + subnets.get(0).subnetId + " is in " + vpcId + ", " + subnet.subnetId + " in "
                            + subnet.vpcId);
                }
            }
            for (String group : groups) {
                SecurityGroupData data = ec2.securityGroups.get(group);
                if (data == null) {
                    throw notFound("The security group '" + group + "' does not exist");
                }
                if (!data.vpcId.equals(vpcId)) {
                    throw invalidRequest("Security group " + group + " is in " + data.vpcId
                            + ", not in the endpoint's VPC " + vpcId);
                }
            }
            List<ResolverEndpointData.EndpointAddress> addresses = addresses(ec2, requested, subnets);
            String id = ResolverIds.next(direction.equals("INBOUND") ? "rslvr-in-" : "rslvr-out-");
            long now = clock.getAsLong();
            ResolverEndpointData endpoint = new ResolverEndpointData(id, creatorRequestId,
                    ResolverIds.arn(caller, "resolver-endpoint", id), request.path("Name").asText(null),
                    List.copyOf(groups), direction, addresses, vpcId, ResolverIds.time(now), now + pendingMillis);
            for (int i = 0; i < addresses.size(); i++) {
                subnets.get(i).interfaceAddresses.add(addresses.get(i).ip());
            }
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
            Ec2Region ec2 = state.ec2().region(caller.account(), caller.region());
            endpoint.addresses().forEach(a -> {
                SubnetData subnet = ec2.subnets.get(a.subnetId());
                if (subnet != null) {
                    subnet.interfaceAddresses.remove(a.ip());
                }
            });
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

    private static SubnetData subnet(Ec2Region ec2, String subnetId) {
        SubnetData subnet = subnetId == null ? null : ec2.subnets.get(subnetId);
        if (subnet == null) {
            throw new ServiceException(400, "InvalidParameterException", "The subnet ID '" + subnetId
                    + "' does not exist");
        }
        return subnet;
    }

    /** Each requested address: its {@code Ip} checked against the subnet, or the subnet's lowest free address. */
    private static List<ResolverEndpointData.EndpointAddress> addresses(Ec2Region ec2, JsonNode requested,
                                                                        List<SubnetData> subnets) {
        List<ResolverEndpointData.EndpointAddress> addresses = new ArrayList<>();
        Map<String, Set<Long>> taken = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            SubnetData subnet = subnets.get(i);
            Set<Long> takenHere = taken.computeIfAbsent(subnet.subnetId, s -> new HashSet<>());
            String ip = requested.get(i).path("Ip").asText(null);
            if (ip == null) {
                List<String> free = SubnetAddresses.free(ec2, subnet, takenHere, 1);
                if (free.isEmpty()) {
                    throw invalidRequest("Subnet '" + subnet.subnetId + "' has no free IP address left");
                }
                ip = free.get(0);
            } else {
                long address;
                try {
                    address = Ipv4Block.address(ip);
                } catch (IllegalArgumentException e) {
                    throw invalidRequest("IP address '" + ip + "' is not an IPv4 address");
                }
                if (!SubnetAddresses.assignable(subnet, address)) {
                    throw invalidRequest("IP address '" + ip + "' is either not in subnet '" + subnet.subnetId
                            + "' CIDR range or is reserved");
                }
                if (takenHere.contains(address) || SubnetAddresses.inUse(ec2, subnet).contains(address)) {
                    throw new ServiceException(400, "ResourceExistsException", "The IP address '" + ip
                            + "' in subnet '" + subnet.subnetId + "' is already in use");
                }
            }
            takenHere.add(Ipv4Block.address(ip));
            addresses.add(new ResolverEndpointData.EndpointAddress(ResolverIds.next("rni-"), subnet.subnetId, ip));
        }
        return List.copyOf(addresses);
    }

    private ObjectNode wrap(ObjectNode endpoint) {
        ObjectNode outer = json.createObjectNode();
        outer.set("ResolverEndpoint", endpoint);
        return outer;
    }
}
