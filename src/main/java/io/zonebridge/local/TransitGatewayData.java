package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One emulated transit gateway: {@code pending} for the EC2 transition time after its creation, then
 * {@code available} (guarded by {@link Ec2State}'s lock).
 */
public final class TransitGatewayData {
    final String transitGatewayId;
    final String ownerId;
    final String description;
    final long createdMillis;
    final Map<String, String> tags = new LinkedHashMap<>();

    TransitGatewayData(String transitGatewayId, String ownerId, String description, long createdMillis) {
        this.transitGatewayId = transitGatewayId;
        this.ownerId = ownerId;
        this.description = description;
        this.createdMillis = createdMillis;
    }

    /** {@code pending} until {@code transitionMillis} after creation, then {@code available}. */
    String state(long nowMillis, long transitionMillis) {
        return nowMillis - createdMillis >= transitionMillis ? "available" : "pending";
    }
}
