package io.zonebridge.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A Route 53 Resolver endpoint: its network interfaces (one per address) in subnets, behind security groups.
 *
 * @param id               {@code rslvr-in-} or {@code rslvr-out-} id
 * @param creatorRequestId the client's idempotency token
 * @param arn              endpoint ARN
 * @param name             friendly name, or null
 * @param securityGroupIds security groups of its interfaces
 * @param direction        INBOUND or OUTBOUND
 * @param addresses        its addresses
 * @param hostVpcId        the VPC of its subnets
 * @param creationTime     ISO-8601 creation time
 * @param settledAtMillis  time at which it leaves CREATING for OPERATIONAL
 */
public record ResolverEndpointData(String id, String creatorRequestId, String arn, String name,
                                   List<String> securityGroupIds, String direction, List<EndpointAddress> addresses,
                                   String hostVpcId, String creationTime, long settledAtMillis) {

    /** CREATING until the endpoint settles, then OPERATIONAL. */
    public String status(long nowMillis) {
        return nowMillis >= settledAtMillis ? "OPERATIONAL" : "CREATING";
    }

    /** The endpoint as Resolver answers it, with {@code status}. */
    public ObjectNode render(ObjectMapper json, String status) {
        ObjectNode node = json.createObjectNode().put("Id", id).put("CreatorRequestId", creatorRequestId)
                .put("Arn", arn);
        if (name != null) {
            node.put("Name", name);
        }
        var groups = node.putArray("SecurityGroupIds");
        securityGroupIds.forEach(groups::add);
        node.put("Direction", direction).put("IpAddressCount", addresses.size());
        node.put("HostVPCId", hostVpcId);
        node.put("Status", status).put("StatusMessage", status.equals("OPERATIONAL")
                ? "This Resolver Endpoint is operational." : "Creating the Resolver Endpoint");
        node.put("CreationTime", creationTime).put("ModificationTime", creationTime)
                .put("ResolverEndpointType", "IPV4");
        node.putArray("Protocols").add("Do53");
        return node;
    }

    /**
     * One address of an endpoint.
     *
     * @param ipId     {@code rni-} id of its interface
     * @param subnetId its subnet
     * @param ip       its IPv4 address
     */
    public record EndpointAddress(String ipId, String subnetId, String ip) {

        /** The address as ListResolverEndpointIpAddresses answers it. */
        public ObjectNode render(ObjectMapper json, String creationTime, boolean attached) {
            return json.createObjectNode().put("IpId", ipId).put("SubnetId", subnetId).put("Ip", ip)
                    .put("Status", attached ? "ATTACHED" : "CREATING")
                    .put("StatusMessage", attached ? "This IP address is operational." : "Creating the IP address")
                    .put("CreationTime", creationTime).put("ModificationTime", creationTime);
        }
    }
}
