package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One emulated VPC security group with its ingress and egress rules (guarded by {@link Ec2State}'s lock). */
public final class SecurityGroupData {
    /**
     * One rule: protocol ({@code tcp}, {@code udp}, {@code icmp} or {@code -1}), port range (null for all) and one
     * source or destination: an IPv4 CIDR, an IPv6 CIDR or a security group id.
     */
    record Rule(String protocol, Integer fromPort, Integer toPort, String cidr, String ipv6Cidr, String groupId) {
    }

    final String groupId;
    final String groupName;
    final String description;
    final String vpcId;
    final String ownerId;
    final List<Rule> ingress = new ArrayList<>();
    final List<Rule> egress = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    SecurityGroupData(String groupId, String groupName, String description, String vpcId, String ownerId) {
        this.groupId = groupId;
        this.groupName = groupName;
        this.description = description;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
    }
}
