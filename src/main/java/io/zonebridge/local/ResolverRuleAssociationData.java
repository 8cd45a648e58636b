package io.zonebridge.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The association of a Resolver rule with a VPC.
 *
 * @param id              {@code rslvr-rrassoc-} id
 * @param resolverRuleId  the rule
 * @param name            friendly name, or null
 * @param vpcId           the VPC
 * @param settledAtMillis time at which the association leaves CREATING for COMPLETE
 */
public record ResolverRuleAssociationData(String id, String resolverRuleId, String name, String vpcId,
                                          long settledAtMillis) {

    /** CREATING until the association settles, then COMPLETE. */
    public String status(long nowMillis) {
        return nowMillis >= settledAtMillis ? "COMPLETE" : "CREATING";
    }

    /** The association as Resolver answers it, with {@code status}. */
    public ObjectNode render(ObjectMapper json, String status, String statusMessage) {
        ObjectNode node = json.createObjectNode().put("Id", id).put("ResolverRuleId", resolverRuleId);
        if (name != null) {
            node.put("Name", name);
        }
        return node.put("VPCId", vpcId).put("Status", status).put("StatusMessage", statusMessage);
    }
}
