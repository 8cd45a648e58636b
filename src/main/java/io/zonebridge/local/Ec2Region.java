package io.zonebridge.local;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The EC2 resources of one account in one region, in creation order, and the region's generator of EC2-shaped
 * ids ({@code i-} and 17 hex digits, ...). Guarded by the lock of {@link Ec2State}.
 */
public final class Ec2Region {
    private static final SecureRandom RANDOM = new SecureRandom();
    final String account;
    final String region;
    final Map<String, Ec2InstanceData> instances = new LinkedHashMap<>();
    final Map<String, VpcData> vpcs = new LinkedHashMap<>();
    final Map<String, SubnetData> subnets = new LinkedHashMap<>();
    final Map<String, DhcpOptionsData> dhcpOptions = new LinkedHashMap<>();
    final Map<String, SecurityGroupData> securityGroups = new LinkedHashMap<>();
    final Map<String, NetworkAclData> networkAcls = new LinkedHashMap<>();
    final Map<String, RouteTableData> routeTables = new LinkedHashMap<>();
    final Map<String, InternetGatewayData> internetGateways = new LinkedHashMap<>();
    final Map<String, TransitGatewayData> transitGateways = new LinkedHashMap<>();
    final Map<String, TransitGatewayAttachmentData> transitGatewayAttachments = new LinkedHashMap<>();
    /** The next address of the region's public pool (an unsigned value), kept in the state file. */
    long publicPool = Ipv4Block.address("3.80.0.10");

    Ec2Region(String account, String region) {
        this.account = account;
        this.region = region;
    }

    /** A new id {@code prefix-} and 17 hex digits. */
    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 17; i++) {
            id.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return id.toString();
    }

    /** A random hex group of four digits, never starting with 0. */
    static String hexGroup() {
        return Integer.toHexString(0x1000 + RANDOM.nextInt(0xF000));
    }

    /** The next public IPv4 address of this region's pool. */
    String nextPublicAddress() {
        return Ipv4Block.dotted(publicPool++);
    }

    /** The private DNS name EC2 gives {@code address} in this region. */
    String privateDnsName(String address) {
        String host = "ip-" + address.replace('.', '-');
        return region.equals("us-east-1") ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }

    /** The public DNS name EC2 gives {@code address} in this region. */
    String publicDnsName(String address) {
        String host = "ec2-" + address.replace('.', '-');
        return region.equals("us-east-1") ? host + ".compute-1.amazonaws.com"
                : host + "." + region + ".compute.amazonaws.com";
    }
}
