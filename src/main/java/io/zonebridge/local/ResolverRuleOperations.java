package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Route 53 Resolver rules and their VPC associations: CreateResolverRule, GetResolverRule, ListResolverRules (with
 * the built-in {@code Internet Resolver} rule every account sees), DeleteResolverRule (refused while associated),
 * AssociateResolverRule (one rule per domain name and VPC), DisassociateResolverRule, ListResolverRuleAssociations.
 */
final class ResolverRuleOperations {
    /** The recursive rule for {@code .} that Resolver defines in every account and region. */
    static final String INTERNET_RULE_ID = "rslvr-autodefined-rr-internet-resolver";
    private static final List<String> RULE_TYPES = List.of("FORWARD", "SYSTEM", "RECURSIVE");
    private static final List<String> PROTOCOLS = List.of("Do53", "DoH", "DoH-FIPS");

    private final ObjectMapper json = new ObjectMapper();
    private final EmulatorState state;
    private final ResolverResources.Store store;
    private final LongSupplier clock;
    private final long pendingMillis;

    ResolverRuleOperations(EmulatorState state, ResolverResources.Store store, LongSupplier clock, long pendingMillis) {
        this.state = state;
        this.store = store;
        this.clock = clock;
        this.pendingMillis = pendingMillis;
    }

    JsonNode create(Caller caller, JsonNode request) {
        String creatorRequestId = required(request, "CreatorRequestId", "creatorRequestId");
        String ruleType = required(request, "RuleType", "ruleType");
        if (!RULE_TYPES.contains(ruleType)) {
            throw validation("Value '" + ruleType + "' at 'ruleType' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: " + RULE_TYPES);
        }
        String domainName = domainName(required(request, "DomainName", "domainName"));
        List<ResolverRuleData.RuleTargetData> targets = targets(request.path("TargetIps"));
        String endpointId = request.path("ResolverEndpointId").asText(null);
        if (ruleType.equals("RECURSIVE")) {
            throw invalidRequest("Cannot create a RECURSIVE rule: Resolver defines the only one");
        }
        if (ruleType.equals("SYSTEM") && (!targets.isEmpty() || endpointId != null)) {
            throw invalidRequest("Cannot specify resolver endpoint ID and target IP for SYSTEM type resolver rule");
        }
        if (ruleType.equals("FORWARD") && (targets.isEmpty() || endpointId == null)) {
            throw invalidRequest("A FORWARD rule needs TargetIps and a ResolverEndpointId");
        }
        return state.mutate(() -> {
            ResolverResources resources = store.of(caller);
            if (endpointId != null) {
                ResolverEndpointData endpoint = resources.endpoints().get(endpointId);
                if (endpoint == null) {
                    throw notFound("Resolver endpoint with ID '" + endpointId + "' does not exist.");
                }
                if (!endpoint.direction().equals("OUTBOUND")) {
                    throw invalidRequest("Resolver endpoint '" + endpointId + "' is not an OUTBOUND endpoint");
                }
            }
            if (resources.rules().values().stream().anyMatch(r -> r.creatorRequestId().equals(creatorRequestId))) {
                throw new ServiceException(400, "ResourceExistsException", "Resolver rule with creator request ID '"
                        + creatorRequestId + "' already exists");
            }
            String id = ResolverIds.next("rslvr-rr-");
            ResolverRuleData rule = new ResolverRuleData(id, creatorRequestId,
                    ResolverIds.arn(caller, "resolver-rule", id), domainName, ruleType,
                    request.path("Name").asText(null), targets, endpointId, caller.account(),
                    ResolverIds.time(clock.getAsLong()));
            resources.rules().put(id, rule);
            return wrap("ResolverRule", rule.render(json, "COMPLETE", "Successfully created Resolver Rule"));
        });
    }

    JsonNode get(Caller caller, JsonNode request) {
        String id = required(request, "ResolverRuleId", "resolverRuleId");
        return state.read(() -> wrap("ResolverRule", render(rule(caller, id))));
    }

    JsonNode list(Caller caller, JsonNode request) {
        return state.read(() -> {
            List<ResolverRuleData> rules = new ArrayList<>();
            rules.add(internetRule(caller));
            rules.addAll(store.of(caller).rules().values());
            Map<String, Function<ResolverRuleData, String>> fields = Map.of(
                    "CreatorRequestId", ResolverRuleData::creatorRequestId,
                    "DomainName", ResolverRuleData::domainName,
                    "Name", ResolverRuleData::name,
                    "ResolverEndpointId", ResolverRuleData::resolverEndpointId,
                    "Status", r -> "COMPLETE",
                    "Type", ResolverRuleData::ruleType);
            ObjectNode answer = json.createObjectNode();
            ResolverListing.page(request, ResolverListing.filter(request, rules, fields), answer, "ResolverRules",
                    this::render);
            return answer;
        });
    }

    JsonNode delete(Caller caller, JsonNode request) {
        String id = required(request, "ResolverRuleId", "resolverRuleId");
        return state.mutate(() -> {
            ResolverRuleData rule = rule(caller, id);
            if (id.equals(INTERNET_RULE_ID)) {
                throw invalidRequest("Cannot delete the autodefined rule '" + id + "'");
            }
            ResolverResources resources = store.of(caller);
            if (resources.associations().values().stream().anyMatch(a -> a.resolverRuleId().equals(id))) {
                throw new ServiceException(400, "ResourceInUseException",
                        "Please disassociate this resolver rule from VPC first before deleting");
            }
            resources.rules().remove(id);
            return wrap("ResolverRule", rule.render(json, "DELETING", "Deleting Resolver Rule"));
        });
    }

    JsonNode associate(Caller caller, JsonNode request) {
        String ruleId = required(request, "ResolverRuleId", "resolverRuleId");
        String vpcId = vpc(required(request, "VPCId", "vPCId"));
        return state.mutate(() -> {
            ResolverRuleData rule = rule(caller, ruleId);
            if (ruleId.equals(INTERNET_RULE_ID)) {
                throw invalidRequest("Cannot associate the autodefined rule '" + ruleId + "'");
            }
            ResolverResources resources = store.of(caller);
            for (ResolverRuleAssociationData existing : resources.associations().values()) {
                ResolverRuleData other = resources.rules().get(existing.resolverRuleId());
                if (existing.vpcId().equals(vpcId) && other.domainName().equals(rule.domainName())) {
                    throw invalidRequest("Cannot associate rules with same domain name with same VPC. Conflict with "
                            + "resolver rule '" + other.id() + "'");
                }
            }
            String id = ResolverIds.next("rslvr-rrassoc-");
            ResolverRuleAssociationData association = new ResolverRuleAssociationData(id, ruleId,
                    request.path("Name").asText(null), vpcId, clock.getAsLong() + pendingMillis);
            resources.associations().put(id, association);
            return wrap("ResolverRuleAssociation", association.render(json, "CREATING",
                    "[Trace id: " + ResolverIds.next("1-") + "] Creating the association."));
        });
    }

    JsonNode disassociate(Caller caller, JsonNode request) {
        String ruleId = required(request, "ResolverRuleId", "resolverRuleId");
        String vpcId = vpc(required(request, "VPCId", "vPCId"));
        return state.mutate(() -> {
            rule(caller, ruleId);
            ResolverResources resources = store.of(caller);
            ResolverRuleAssociationData association = resources.associations().values().stream()
                    .filter(a -> a.resolverRuleId().equals(ruleId) && a.vpcId().equals(vpcId)).findFirst()
                    .orElseThrow(() -> notFound("Resolver Rule Association between Resolver Rule '" + ruleId
                            + "' and VPC '" + vpcId + "' does not exist"));
            resources.associations().remove(association.id());
            return wrap("ResolverRuleAssociation", association.render(json, "DELETING", "Deleting Association"));
        });
    }

    JsonNode listAssociations(Caller caller, JsonNode request) {
        return state.read(() -> {
            long now = clock.getAsLong();
            List<ResolverRuleAssociationData> associations = List.copyOf(store.of(caller).associations().values());
            Map<String, Function<ResolverRuleAssociationData, String>> fields = Map.of(
                    "Name", ResolverRuleAssociationData::name,
                    "ResolverRuleId", ResolverRuleAssociationData::resolverRuleId,
                    "Status", a -> a.status(now),
                    "VPCId", ResolverRuleAssociationData::vpcId);
            ObjectNode answer = json.createObjectNode();
            ResolverListing.page(request, ResolverListing.filter(request, associations, fields), answer,
                    "ResolverRuleAssociations", a -> a.render(json, a.status(now), a.status(now).equals("COMPLETE")
                            ? "" : "Creating the association."));
            return answer;
        });
    }

    private ObjectNode render(ResolverRuleData rule) {
        return rule.render(json, "COMPLETE", rule.id().equals(INTERNET_RULE_ID) ? ""
                : "Successfully created Resolver Rule");
    }

    private ResolverRuleData rule(Caller caller, String id) {
        if (id.equals(INTERNET_RULE_ID)) {
            return internetRule(caller);
        }
        ResolverRuleData rule = store.of(caller).rules().get(id);
        if (rule == null) {
            throw notFound("Resolver rule with ID '" + id + "' does not exist.");
        }
        return rule;
    }

    private static ResolverRuleData internetRule(Caller caller) {
        return new ResolverRuleData(INTERNET_RULE_ID, "", "arn:aws:route53resolver:" + caller.region()
                + ":" + caller.account() + ":autodefined-rule/" + INTERNET_RULE_ID, ".", "RECURSIVE",
                "Internet Resolver", List.of(), null, "Route 53 Resolver", null);
    }

    private static List<ResolverRuleData.RuleTargetData> targets(JsonNode array) {
        List<ResolverRuleData.RuleTargetData> targets = new ArrayList<>();
        for (JsonNode target : array) {
            String ip = target.path("Ip").asText(null);
            if (ip == null || !isIpv4(ip)) {
                throw new ServiceException(400, "InvalidParameterException", "Invalid IP address: '" + ip + "'");
            }
            int port = target.path("Port").asInt(53);
            if (port < 0 || port > 65535) {
                throw validation("Value '" + port + "' at 'targetIps.member.port' failed to satisfy constraint: "
                        + "Member must have value between 0 and 65535");
            }
            String protocol = target.path("Protocol").asText("Do53");
            if (!PROTOCOLS.contains(protocol)) {
                throw validation("Value '" + protocol + "' at 'targetIps.member.protocol' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: " + PROTOCOLS);
            }
            targets.add(new ResolverRuleData.RuleTargetData(ip, port, protocol));
        }
        return List.copyOf(targets);
    }

    private static boolean isIpv4(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            return InetAddress.getByName(text) instanceof Inet4Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String domainName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".")) {
            name = name + ".";
        }
        if (name.length() > 256 || !(name.equals(".") || name.matches("([a-z0-9_*]([a-z0-9_-]{0,62})\\.)+"))) {
            throw validation("Value '" + raw + "' at 'domainName' failed to satisfy constraint: Member must be a "
                    + "valid domain name of at most 256 characters");
        }
        return name;
    }

    private static String vpc(String id) {
        if (!id.matches("vpc-[0-9a-f]{1,17}")) {
            throw new ServiceException(400, "InvalidParameterException", "The vpc ID '" + id + "' does not exist");
        }
        return id;
    }

    private ObjectNode wrap(String name, ObjectNode inner) {
        ObjectNode outer = json.createObjectNode();
        outer.set(name, inner);
        return outer;
    }

    /** A required string member, or the ValidationException AWS answers when it is missing. */
    static String required(JsonNode request, String member, String constraintName) {
        String value = request.path(member).asText(null);
        if (value == null || value.isEmpty()) {
            throw validation("Value null at '" + constraintName + "' failed to satisfy constraint: Member must not "
                    + "be null");
        }
        return value;
    }

    static ServiceException validation(String detail) {
        return new ServiceException(400, "ValidationException", "1 validation error detected: " + detail);
    }

    static ServiceException invalidRequest(String message) {
        return new ServiceException(400, "InvalidRequestException", message);
    }

    static ServiceException notFound(String message) {
        return new ServiceException(400, "ResourceNotFoundException", message);
    }
}
