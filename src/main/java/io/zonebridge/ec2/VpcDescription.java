package io.zonebridge.ec2;

import java.util.List;
import java.util.Objects;

/**
 * What DNS needs to know about a VPC.
 *
 * @param vpcId          VPC id
 * @param dnsSupport     {@code enableDnsSupport}: the Amazon resolver answers in the VPC
 * @param dnsHostnames   {@code enableDnsHostnames}: instances get DNS host names, and private hosted zones resolve
 * @param dhcpDomainNames the {@code domain-name} values of the VPC's DHCP options (space-separated values split),
 *                       canonical (lower case, trailing dot); empty when none
 */
public record VpcDescription(String vpcId, boolean dnsSupport, boolean dnsHostnames, List<String> dhcpDomainNames) {

    public VpcDescription {
        Objects.requireNonNull(vpcId, "vpcId");
        dhcpDomainNames = List.copyOf(dhcpDomainNames);
    }
}
