package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One emulated attachment of a VPC to a transit gateway of the same account (accepted automatically):
 * {@code pending} for the EC2 transition time after its creation, then {@code available} (guarded by
 * {@link Ec2State}'s lock).
 */
public final class TransitGatewayAttachmentData {
    final String attachmentId;
    final String transitGatewayId;
    final String vpcId;
    final String ownerId;
    final List<String> subnetIds;
    final long createdMillis;
    final Map<String, String> tags = new LinkedHashMap<>();

    TransitGatewayAttachmentData(String attachmentId, String transitGatewayId, String vpcId, String ownerId,
                                 List<String> subnetIds, long createdMillis) {
        this.attachmentId = attachmentId;
        this.transitGatewayId = transitGatewayId;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.subnetIds = List.copyOf(subnetIds);
        this.createdMillis = createdMillis;
    }

    /** {@code pending} until {@code transitionMillis} after creation, then {@code available}. */
    String state(long nowMillis, long transitionMillis) {
        return nowMillis - createdMillis >= transitionMillis ? "available" : "pending";
    }
}
