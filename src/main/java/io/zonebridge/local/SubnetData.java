package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One emulated subnet of a VPC (guarded by {@link Ec2State}'s lock). */
public final class SubnetData {
    final String subnetId;
    final String vpcId;
    final String ownerId;
    final Ipv4Block cidr;
    final String ipv6Cidr;
    final String availabilityZone;
    final Map<String, String> tags = new LinkedHashMap<>();
    /** Private addresses held by network interfaces other than instances' (Resolver endpoints'). */
    final Set<String> interfaceAddresses = new LinkedHashSet<>();
    boolean mapPublicIpOnLaunch;

    SubnetData(String subnetId, String vpcId, String ownerId, Ipv4Block cidr, String ipv6Cidr,
               String availabilityZone) {
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.cidr = cidr;
        this.ipv6Cidr = ipv6Cidr;
        this.availabilityZone = availabilityZone;
    }
}
