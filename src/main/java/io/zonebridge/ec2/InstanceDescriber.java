package io.zonebridge.ec2;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceIpv6Address;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Describes instances with EC2 DescribeInstances (the SDK paginator) into {@link InstanceDescription}s,
 * many per call. An instance EC2 no longer knows is absent, not an error.
 */
public final class InstanceDescriber {

    /** Filter values per DescribeInstances call (the API's limit for one filter). */
    public static final int IDS_PER_CALL = 200;

    private final Ec2Client ec2;

    public InstanceDescriber(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** The instance, or empty when EC2 does not know it (any more). */
    public Optional<InstanceDescription> describe(String instanceId) {
        return Optional.ofNullable(describeAll(List.of(instanceId)).get(instanceId));
    }

    /**
     * The instances EC2 knows among {@code instanceIds}, by id, in as few calls as the API allows: an
     * {@code instance-id} filter of up to {@value #IDS_PER_CALL} values per call (unlike the InstanceIds parameter,
     * a filter does not fail the whole call when one instance is unknown), pages read with the SDK paginator.
     */
    public Map<String, InstanceDescription> describeAll(Collection<String> instanceIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(instanceIds));
        Map<String, InstanceDescription> found = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL));
            ec2.describeInstancesPaginator(r -> r.filters(Filter.builder().name("instance-id").values(chunk).build()))
                    .reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .forEach(i -> found.put(i.instanceId(), toDescription(i)));
        }
        return found;
    }

    static InstanceDescription toDescription(Instance i) {
        Set<String> privateIps = new LinkedHashSet<>();
        List<String> ipv6 = new ArrayList<>();
        if (i.privateIpAddress() != null) {
            privateIps.add(i.privateIpAddress());
        }
        List<InstanceNetworkInterface> enis = new ArrayList<>(i.networkInterfaces());
        enis.sort(Comparator.comparing(n -> n.attachment() == null || n.attachment().deviceIndex() == null
                ? Integer.MAX_VALUE : n.attachment().deviceIndex()));
        for (InstanceNetworkInterface eni : enis) {
            List<InstancePrivateIpAddress> addrs = new ArrayList<>(eni.privateIpAddresses());
            addrs.sort(Comparator.comparing(a -> !Boolean.TRUE.equals(a.primary())));
            for (InstancePrivateIpAddress a : addrs) {
                if (a.privateIpAddress() != null) {
                    privateIps.add(a.privateIpAddress());
                }
            }
            for (InstanceIpv6Address a : eni.ipv6Addresses()) {
                if (a.ipv6Address() != null && !ipv6.contains(a.ipv6Address())) {
                    ipv6.add(a.ipv6Address());
                }
            }
        }
        if (i.ipv6Address() != null && !ipv6.contains(i.ipv6Address())) {
            ipv6.add(0, i.ipv6Address());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : i.tags()) {
            tags.put(t.key(), t.value() == null ? "" : t.value());
        }
        return new InstanceDescription(i.instanceId(), InstanceState.fromEventName(i.state().nameAsString()),
                i.vpcId(), i.subnetId(), new ArrayList<>(privateIps), i.publicIpAddress(), ipv6,
                i.privateDnsName(), tags);
    }
}
