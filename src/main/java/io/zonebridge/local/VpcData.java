package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** One emulated VPC: CIDR blocks, DHCP options and the DNS attributes (guarded by {@link Ec2State}'s lock). */
public final class VpcData {
    final String vpcId;
    final String ownerId;
    final Ipv4Block cidr;
    final String ipv6Cidr;
    final Map<String, String> tags = new LinkedHashMap<>();
    String dhcpOptionsId;
    boolean enableDnsSupport = true;
    boolean enableDnsHostnames = false;

    VpcData(String vpcId, String ownerId, Ipv4Block cidr, String ipv6Cidr, String dhcpOptionsId) {
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.cidr = cidr;
        this.ipv6Cidr = ipv6Cidr;
        this.dhcpOptionsId = dhcpOptionsId;
    }
}
