package io.zonebridge.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A Route 53 Resolver rule of one account and region.
 *
 * @param id                 {@code rslvr-rr-} id
 * @param creatorRequestId   the client's idempotency token
 * @param arn                rule ARN
 * @param domainName         lower case, with a trailing dot ({@code .} for the whole name space)
 * @param ruleType           FORWARD, SYSTEM or RECURSIVE
 * @param name               friendly name, or null
 * @param targetIps          forwarding targets (FORWARD only)
 * @param resolverEndpointId outbound endpoint (FORWARD only), or null
 * @param ownerId            owning account
 * @param creationTime       ISO-8601 creation time
 */
public record ResolverRuleData(String id, String creatorRequestId, String arn, String domainName, String ruleType,
                               String name, List<RuleTargetData> targetIps, String resolverEndpointId, String ownerId,
                               String creationTime) {

    /** The rule as Resolver answers it, with {@code status}. */
    public ObjectNode render(ObjectMapper json, String status, String statusMessage) {
        ObjectNode node = json.createObjectNode();
        node.put("Id", id).put("CreatorRequestId", creatorRequestId).put("Arn", arn).put("DomainName", domainName)
                .put("Status", status).put("StatusMessage", statusMessage).put("RuleType", ruleType);
        if (name != null) {
            node.put("Name", name);
        }
        if (!targetIps.isEmpty()) {
            var targets = node.putArray("TargetIps");
            targetIps.forEach(t -> targets.addObject().put("Ip", t.ip()).put("Port", t.port())
                    .put("Protocol", t.protocol()));
        }
        if (resolverEndpointId != null) {
            node.put("ResolverEndpointId", resolverEndpointId);
        }
        node.put("OwnerId", ownerId).put("ShareStatus", "NOT_SHARED");
        if (creationTime != null) {
            node.put("CreationTime", creationTime).put("ModificationTime", creationTime);
        }
        return node;
    }

    /**
     * One forwarding target of a rule.
     *
     * @param ip       IPv4 address
     * @param port     port (53 unless given)
     * @param protocol Do53, DoH or DoH-FIPS
     */
    public record RuleTargetData(String ip, int port, String protocol) {
    }
}
