package io.zonebridge.ec2;

import io.zonebridge.route53.RecordNameCodec;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes a VPC with EC2 DescribeVpcs, DescribeVpcAttribute ({@code enableDnsSupport},
 * {@code enableDnsHostnames}) and DescribeDhcpOptions ({@code domain-name}). A VPC EC2 does not know
 * ({@code InvalidVpcID.NotFound}) is absent, not an error.
 */
public final class VpcDescriber {

    private final Ec2Client ec2;

    public VpcDescriber(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** The VPC, or empty when EC2 does not know it. */
    public Optional<VpcDescription> describe(String vpcId) {
        Optional<Vpc> vpc;
        try {
            vpc = ec2.describeVpcsPaginator(r -> r.vpcIds(vpcId)).vpcs().stream()
                    .filter(v -> vpcId.equals(v.vpcId())).findFirst();
        } catch (Ec2Exception e) {
            if (e.awsErrorDetails() != null && "InvalidVpcID.NotFound".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
        if (vpc.isEmpty()) {
            return Optional.empty();
        }
        boolean support = Boolean.TRUE.equals(ec2.describeVpcAttribute(r -> r.vpcId(vpcId)
                .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value());
        boolean hostnames = Boolean.TRUE.equals(ec2.describeVpcAttribute(r -> r.vpcId(vpcId)
                .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value());
        return Optional.of(new VpcDescription(vpcId, support, hostnames, domainNames(vpc.get().dhcpOptionsId())));
    }

    private List<String> domainNames(String dhcpOptionsId) {
        List<String> names = new ArrayList<>();
        if (dhcpOptionsId == null || dhcpOptionsId.isBlank() || "default".equals(dhcpOptionsId)) {
            return names;
        }
        for (DhcpOptions options : ec2.describeDhcpOptionsPaginator(r -> r.dhcpOptionsIds(dhcpOptionsId)).dhcpOptions()) {
            for (DhcpConfiguration c : options.dhcpConfigurations()) {
                if (!"domain-name".equals(c.key())) {
                    continue;
                }
                c.values().forEach(v -> {
                    for (String name : v.value().trim().split("\\s+")) {
                        if (!name.isEmpty()) {
                            names.add(RecordNameCodec.canonical(name));
                        }
                    }
                });
            }
        }
        return names;
    }
}
