package io.zonebridge.ec2;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.NewDhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds EC2 test scenery in the emulator through the SDK: VPCs with DHCP options, subnets, tagged instances; state
 * changes wait (SDK waiters) until the instance is in the state asked for.
 */
final class Ec2Sandbox {

    private final Ec2Client ec2;
    private final Ec2Waiter waiter;

    Ec2Sandbox(Ec2Client ec2) {
        this.ec2 = ec2;
        this.waiter = Ec2Waiter.builder().client(ec2).overrideConfiguration(c -> c.maxAttempts(200)
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(25)))).build();
    }

    /** A VPC with DNS support and host names as given, and DHCP options with {@code domainName} (null: none). */
    String vpc(String cidr, String domainName, boolean dnsSupport, boolean dnsHostnames) {
        String vpc = ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
        if (domainName != null) {
            String options = ec2.createDhcpOptions(r -> r.dhcpConfigurations(NewDhcpConfiguration.builder()
                    .key("domain-name").values(domainName).build())).dhcpOptions().dhcpOptionsId();
            ec2.associateDhcpOptions(r -> r.vpcId(vpc).dhcpOptionsId(options));
        }
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(AttributeBooleanValue.builder().value(dnsSupport).build()));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(dnsHostnames).build()));
        return vpc;
    }

    String subnet(String vpc, String cidr) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr)).subnet().subnetId();
    }

    /** Runs one instance in the subnet with the private address and tags given, with a public address. */
    String run(String subnet, String privateIp, Map<String, String> tags) {
        String id = ec2.runInstances(r -> {
            r.imageId("ami-12345678").minCount(1).maxCount(1).instanceType("t3.micro")
                    .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet)
                            .privateIpAddress(privateIp).associatePublicIpAddress(true).build());
            if (!tags.isEmpty()) {
                r.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                        .build());
            }
        }).instances().get(0).instanceId();
        waiter.waitUntilInstanceRunning(r -> r.instanceIds(id)).matched().response().orElseThrow();
        return id;
    }

    void tag(String instanceId, Map<String, String> tags) {
        ec2.createTags(r -> r.resources(instanceId)
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    }

    void untag(String instanceId, List<String> keys) {
        ec2.deleteTags(r -> r.resources(instanceId).tags(keys.stream().map(k -> Tag.builder().key(k).build()).toList()));
    }

    void stop(String instanceId) {
        ec2.stopInstances(r -> r.instanceIds(instanceId));
        waiter.waitUntilInstanceStopped(r -> r.instanceIds(instanceId)).matched().response().orElseThrow();
    }

    void start(String instanceId) {
        ec2.startInstances(r -> r.instanceIds(instanceId));
        waiter.waitUntilInstanceRunning(r -> r.instanceIds(instanceId)).matched().response().orElseThrow();
    }

    void terminateAll(List<String> instanceIds) {
        for (int from = 0; from < instanceIds.size(); from += 500) {
            List<String> chunk = instanceIds.subList(from, Math.min(instanceIds.size(), from + 500));
            ec2.terminateInstances(r -> r.instanceIds(chunk));
        }
    }

    void terminate(String instanceId) {
        ec2.terminateInstances(r -> r.instanceIds(List.of(instanceId)));
        waiter.waitUntilInstanceTerminated(r -> r.instanceIds(instanceId)).matched().response().orElseThrow();
    }
}
