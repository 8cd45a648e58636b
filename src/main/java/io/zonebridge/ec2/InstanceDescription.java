package io.zonebridge.ec2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What DescribeInstances says about one instance, as far as DNS needs it.
 *
 * @param instanceId     instance id
 * @param state          current state
 * @param vpcId          VPC, or {@code null} (terminated instances lose it)
 * @param subnetId       subnet, or {@code null}
 * @param privateIpv4    private IPv4 addresses, the primary one of the primary interface first
 * @param publicIpv4     public IPv4 address, or {@code null}
 * @param ipv6           IPv6 addresses of all interfaces
 * @param privateDnsName EC2's private DNS name ({@code ip-10-0-1-25.ec2.internal}), or {@code null}
 * @param tags           tags, key to value
 */
public record InstanceDescription(String instanceId, InstanceState state, String vpcId, String subnetId,
                                  List<String> privateIpv4, String publicIpv4, List<String> ipv6,
                                  String privateDnsName, Map<String, String> tags) {

    public InstanceDescription {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(state, "state");
        privateIpv4 = List.copyOf(privateIpv4);
        ipv6 = List.copyOf(ipv6);
        tags = Map.copyOf(tags);
        publicIpv4 = blankToNull(publicIpv4);
        privateDnsName = blankToNull(privateDnsName);
        vpcId = blankToNull(vpcId);
        subnetId = blankToNull(subnetId);
    }

    /** The primary private IPv4 address, if any. */
    public Optional<String> primaryPrivateIpv4() {
        return privateIpv4.isEmpty() ? Optional.empty() : Optional.of(privateIpv4.get(0));
    }

    /** The tag's value when present and not blank. */
    public Optional<String> tag(String key) {
        String v = tags.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The same instance with {@code extra} tags laid over its own. */
    public InstanceDescription withTags(Map<String, String> extra) {
        Map<String, String> merged = new HashMap<>(tags);
        merged.putAll(extra);
        return new InstanceDescription(instanceId, state, vpcId, subnetId, privateIpv4, publicIpv4, ipv6,
                privateDnsName, merged);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
