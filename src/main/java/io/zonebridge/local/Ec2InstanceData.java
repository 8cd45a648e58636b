package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One emulated EC2 instance (mutable; guarded by the lock of {@link Ec2State}). */
public final class Ec2InstanceData {
    final String instanceId;
    final String reservationId;
    final String ownerId;
    final String imageId;
    final String instanceType;
    final String subnetId;
    final String vpcId;
    final String availabilityZone;
    final String networkInterfaceId;
    final String privateIp;
    final String publicIp;
    final List<String> ipv6Addresses;
    final long launchMillis;
    final Map<String, String> tags = new LinkedHashMap<>();
    Ec2InstanceState state = Ec2InstanceState.PENDING;
    long stateSinceMillis;

    Ec2InstanceData(String instanceId, String reservationId, String ownerId, String imageId, String instanceType,
                    SubnetData subnet, String networkInterfaceId, String privateIp, String publicIp,
                    List<String> ipv6Addresses, long launchMillis) {
        this.instanceId = instanceId;
        this.reservationId = reservationId;
        this.ownerId = ownerId;
        this.imageId = imageId;
        this.instanceType = instanceType;
        this.subnetId = subnet.subnetId;
        this.vpcId = subnet.vpcId;
        this.availabilityZone = subnet.availabilityZone;
        this.networkInterfaceId = networkInterfaceId;
        this.privateIp = privateIp;
        this.publicIp = publicIp;
        this.ipv6Addresses = List.copyOf(new ArrayList<>(ipv6Addresses));
        this.launchMillis = launchMillis;
        this.stateSinceMillis = launchMillis;
    }

    /** Whether the instance holds its addresses (every state but terminated). */
    boolean holdsAddresses() {
        return state != Ec2InstanceState.TERMINATED;
    }
}
