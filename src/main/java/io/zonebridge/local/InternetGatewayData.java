package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** One emulated internet gateway and the VPC it is attached to, if any (guarded by {@link Ec2State}'s lock). */
public final class InternetGatewayData {
    final String internetGatewayId;
    final String ownerId;
    final Map<String, String> tags = new LinkedHashMap<>();
    String vpcId;

    InternetGatewayData(String internetGatewayId, String ownerId) {
        this.internetGatewayId = internetGatewayId;
        this.ownerId = ownerId;
    }
}
