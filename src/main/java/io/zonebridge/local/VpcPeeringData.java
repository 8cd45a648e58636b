package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One emulated VPC peering connection between a requester and an accepter VPC, possibly of two accounts or
 * regions; visible to both owners (guarded by {@link Ec2State}'s lock).
 */
public final class VpcPeeringData {
    /** One side of the connection. */
    record Side(String ownerId, String vpcId, String cidr, String region) {
    }

    final String id;
    final Side requester;
    final Side accepter;
    final Map<String, String> tags = new LinkedHashMap<>();
    String status = "pending-acceptance";
    String message;

    VpcPeeringData(String id, Side requester, Side accepter) {
        this.id = id;
        this.requester = requester;
        this.accepter = accepter;
        this.message = "Pending Acceptance by " + accepter.ownerId();
    }
}
