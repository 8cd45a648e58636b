package io.zonebridge.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * EC2 RunInstances, DescribeInstances, StopInstances, StartInstances and TerminateInstances. An instance passes
 * through pending, stopping and shutting-down for {@link Ec2Timings#transitionMillis()}; each state it enters is
 * emitted as its state-change event. A terminated instance stays describable for
 * {@link Ec2Timings#terminatedVisibleMillis()} and then disappears. Call under {@link Ec2State}'s lock.
 */
final class Ec2InstanceOperations {
    private static final String INSTANCE_ID = "i-([0-9a-f]{8}|[0-9a-f]{17})";
    private static final int MAX_INSTANCES_PER_CALL = 1000;
    private final Ec2State state;
    private final Ec2EventEmitter events;
    private final Ec2Timings timings;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;

    Ec2InstanceOperations(Ec2State state, Ec2EventEmitter events, Ec2Timings timings,
                          ScheduledExecutorService scheduler, LongSupplier clock) {
        this.state = state;
        this.events = events;
        this.timings = timings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Forgets instances terminated longer ago than the visible time. */
    void purge(Ec2Region region) {
        long now = clock.getAsLong();
        region.instances.values().removeIf(i -> i.state == Ec2InstanceState.TERMINATED
                && now - i.stateSinceMillis >= timings.terminatedVisibleMillis());
    }

    String runInstances(Ec2Region region, Ec2Params params, String requestId) {
        String imageId = params.required("ImageId");
        int min = params.integer("MinCount", -1);
        int max = params.integer("MaxCount", -1);
        if (min < 1 || max < min) {
            throw new ServiceException(400, "InvalidParameterValue", "Value (" + min + ") for parameter minCount"
                    + " is invalid. Expected a value between 1 and maxCount (" + max + ").");
        }
        int count = Math.min(max, MAX_INSTANCES_PER_CALL);
        if (count < min) {
            throw new ServiceException(400, "InstanceLimitExceeded",
                    "You have requested more instances (" + min + ") than your current instance limit of "
                            + MAX_INSTANCES_PER_CALL + " allows for the specified instance type.");
        }
        List<Ec2Params> interfaces = params.members("NetworkInterface");
        Ec2Params primary = interfaces.isEmpty() ? new Ec2Params(Map.of()) : interfaces.get(0);
        String subnetId = first(params.get("SubnetId"), primary.get("SubnetId"));
        if (subnetId == null) {
            throw new ServiceException(400, "VPCIdNotSpecified", "No default VPC for this user. GroupName is only "
                    + "supported for EC2-Classic and default VPC.");
        }
        SubnetData subnet = region.subnets.get(subnetId);
        if (subnet == null) {
            throw new ServiceException(400, "InvalidSubnetID.NotFound", "The subnet ID '" + subnetId
                    + "' does not exist");
        }
        String requestedIp = first(params.get("PrivateIpAddress"), primary.get("PrivateIpAddress"));
        if (requestedIp != null && count > 1) {
            throw new ServiceException(400, "InvalidParameterCombination",
                    "Cannot specify a private IP address when launching more than one instance");
        }
        int ipv6Count = Math.max(params.integer("Ipv6AddressCount", 0), primary.integer("Ipv6AddressCount", 0));
        if (ipv6Count > 0 && subnet.ipv6Cidr == null) {
            throw new ServiceException(400, "InvalidParameterValue",
                    "Subnet " + subnet.subnetId + " does not have an IPv6 CIDR block");
        }
        boolean publicIp = primary.bool("AssociatePublicIpAddress", subnet.mapPublicIpOnLaunch);
        Map<String, String> tags = new LinkedHashMap<>();
        for (Ec2Params spec : params.members("TagSpecification")) {
            if ("instance".equals(spec.get("ResourceType"))) {
                tags.putAll(spec.tags("Tag"));
            }
        }
        List<String> addresses = privateAddresses(region, subnet, requestedIp, count);
        long now = clock.getAsLong();
        String reservationId = Ec2Region.newId("r");
        List<Ec2InstanceData> launched = new ArrayList<>();
        for (String address : addresses) {
            List<String> ipv6 = new ArrayList<>();
            for (int i = 0; i < ipv6Count; i++) {
                ipv6.add(ipv6Address(subnet.ipv6Cidr));
            }
            Ec2InstanceData instance = new Ec2InstanceData(Ec2Region.newId("i"), reservationId, region.account,
                    imageId, params.get("InstanceType") == null ? "m1.small" : params.get("InstanceType"), subnet,
                    Ec2Region.newId("eni"), address, publicIp ? region.nextPublicAddress() : null, ipv6, now);
            instance.tags.putAll(tags);
            region.instances.put(instance.instanceId, instance);
            launched.add(instance);
            events.stateChanged(region.account, region.region, instance.instanceId, Ec2InstanceState.PENDING);
            transition(region, instance, Ec2InstanceState.PENDING, Ec2InstanceState.RUNNING);
        }
        XmlWriter xml = Ec2Xml.response("RunInstances", requestId).element("reservationId", reservationId)
                .element("ownerId", region.account).start("groupSet").end().start("instancesSet");
        launched.forEach(i -> instanceItem(xml, region, i));
        return xml.end().finish();
    }

    String describeInstances(Ec2Region region, Ec2Params params, String requestId) {
        purge(region);
        List<String> ids = params.list("InstanceId");
        String maxText = params.get("MaxResults");
        if (!ids.isEmpty() && maxText != null) {
            throw new ServiceException(400, "InvalidParameterCombination",
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        List<Ec2InstanceData> selected = ids.isEmpty() ? new ArrayList<>(region.instances.values())
                : existing(region, ids);
        Ec2Filters filters = new Ec2Filters(params);
        selected.removeIf(i -> !filters.matches(name -> attribute(region, i, name), i.tags));
        int from = offset(params.get("NextToken"));
        int max = maxText == null ? Integer.MAX_VALUE : params.integer("MaxResults", 1000);
        if (maxText != null && (max < 5 || max > 1000)) {
            throw new ServiceException(400, "InvalidParameterValue", "Value ( " + max + " ) for parameter "
                    + "maxResults is invalid. Expecting a value between 5 and 1000.");
        }
        int to = (int) Math.min(selected.size(), (long) from + max);
        List<Ec2InstanceData> page = from >= selected.size() ? List.of() : selected.subList(from, to);
        Map<String, List<Ec2InstanceData>> reservations = new LinkedHashMap<>();
        page.forEach(i -> reservations.computeIfAbsent(i.reservationId, r -> new ArrayList<>()).add(i));
        XmlWriter xml = Ec2Xml.response("DescribeInstances", requestId).start("reservationSet");
        reservations.forEach((reservationId, instances) -> {
            xml.start("item").element("reservationId", reservationId).element("ownerId", region.account)
                    .start("groupSet").end().start("instancesSet");
            instances.forEach(i -> instanceItem(xml, region, i));
            xml.end().end();
        });
        xml.end();
        if (to < selected.size()) {
            xml.element("nextToken", token(to));
        }
        return xml.finish();
    }

    String stopInstances(Ec2Region region, Ec2Params params, String requestId) {
        return change(region, params, requestId, "StopInstances", "stopped", Set.of(Ec2InstanceState.PENDING,
                Ec2InstanceState.RUNNING), Set.of(Ec2InstanceState.STOPPING, Ec2InstanceState.STOPPED),
                Ec2InstanceState.STOPPING, Ec2InstanceState.STOPPED);
    }

    String startInstances(Ec2Region region, Ec2Params params, String requestId) {
        return change(region, params, requestId, "StartInstances", "started", Set.of(Ec2InstanceState.STOPPED),
                Set.of(Ec2InstanceState.PENDING, Ec2InstanceState.RUNNING), Ec2InstanceState.PENDING,
                Ec2InstanceState.RUNNING);
    }

    String terminateInstances(Ec2Region region, Ec2Params params, String requestId) {
        return change(region, params, requestId, "TerminateInstances", "terminated", Set.of(Ec2InstanceState.PENDING,
                Ec2InstanceState.RUNNING, Ec2InstanceState.STOPPING, Ec2InstanceState.STOPPED),
                Set.of(Ec2InstanceState.SHUTTING_DOWN, Ec2InstanceState.TERMINATED), Ec2InstanceState.SHUTTING_DOWN,
                Ec2InstanceState.TERMINATED);
    }

    /**
     * A state change of every instance named: those in {@code from} enter {@code passing} and later
     * {@code target}; those in {@code unchanged} stay; any other is EC2's IncorrectInstanceState and nothing changes.
     */
    private String change(Ec2Region region, Ec2Params params, String requestId, String action, String verb,
                          Set<Ec2InstanceState> from, Set<Ec2InstanceState> unchanged, Ec2InstanceState passing,
                          Ec2InstanceState target) {
        purge(region);
        List<String> ids = params.list("InstanceId");
        if (ids.isEmpty()) {
            throw new ServiceException(400, "MissingParameter", "The request must contain the parameter InstanceId");
        }
        List<Ec2InstanceData> instances = existing(region, ids);
        for (Ec2InstanceData i : instances) {
            if (!from.contains(i.state) && !unchanged.contains(i.state)) {
                throw new ServiceException(400, "IncorrectInstanceState", "The instance '" + i.instanceId
                        + "' is not in a state from which it can be " + verb + ".");
            }
        }
        XmlWriter xml = Ec2Xml.response(action, requestId).start("instancesSet");
        for (Ec2InstanceData i : instances) {
            Ec2InstanceState previous = i.state;
            if (from.contains(previous)) {
                enter(region, i, passing);
                transition(region, i, passing, target);
            }
            xml.start("item").element("instanceId", i.instanceId);
            Ec2Xml.state(xml, "currentState", i.state);
            Ec2Xml.state(xml, "previousState", previous);
            xml.end();
        }
        return xml.end().finish();
    }

    private void enter(Ec2Region region, Ec2InstanceData instance, Ec2InstanceState next) {
        instance.state = next;
        instance.stateSinceMillis = clock.getAsLong();
        events.stateChanged(region.account, region.region, instance.instanceId, next);
    }

    private void transition(Ec2Region region, Ec2InstanceData instance, Ec2InstanceState from,
                            Ec2InstanceState to) {
        try {
            scheduler.schedule(() -> state.mutate(() -> {
                if (instance.state == from && region.instances.get(instance.instanceId) == instance) {
                    enter(region, instance, to);
                }
                return null;
            }), timings.transitionMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the emulator is stopping: the instance stays where it is
        }
    }

    private static List<Ec2InstanceData> existing(Ec2Region region, List<String> ids) {
        List<String> missing = new ArrayList<>();
        List<Ec2InstanceData> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!id.matches(INSTANCE_ID)) {
                throw new ServiceException(400, "InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
            }
            Ec2InstanceData instance = region.instances.get(id);
            if (instance == null) {
                missing.add(id);
            } else if (seen.add(id)) {
                found.add(instance);
            }
        }
        if (missing.size() == 1) {
            throw new ServiceException(400, "InvalidInstanceID.NotFound",
                    "The instance ID '" + missing.get(0) + "' does not exist");
        }
        if (!missing.isEmpty()) {
            throw new ServiceException(400, "InvalidInstanceID.NotFound",
                    "The instance IDs '" + String.join(", ", missing) + "' do not exist");
        }
        return found;
    }

    private static List<String> privateAddresses(Ec2Region region, SubnetData subnet, String requested, int count) {
        if (requested != null) {
            long address;
            try {
                address = Ipv4Block.address(requested);
            } catch (IllegalArgumentException e) {
                throw new ServiceException(400, "InvalidParameterValue", "Invalid value '" + requested
                        + "' for IP address");
            }
            if (!SubnetAddresses.assignable(subnet, address)) {
                throw new ServiceException(400, "InvalidParameterValue", "Address " + requested
                        + " does not fall within the subnet's address range");
            }
            if (SubnetAddresses.inUse(region, subnet).contains(address)) {
                throw new ServiceException(400, "InvalidIPAddress.InUse", "Address " + requested + " is in use.");
            }
            return List.of(requested);
        }
        List<String> addresses = SubnetAddresses.free(region, subnet, Set.of(), count);
        if (addresses.size() < count) {
            throw new ServiceException(400, "InsufficientFreeAddressesInSubnet", "There are not enough free "
                    + "addresses in subnet '" + subnet.subnetId + "' to satisfy the requested number of instances.");
        }
        return addresses;
    }

    private static String ipv6Address(String subnetCidr) {
        String[] groups = subnetCidr.substring(0, subnetCidr.indexOf("::")).split(":");
        StringBuilder address = new StringBuilder(String.join(":", groups));
        for (int i = groups.length; i < 8; i++) {
            address.append(':').append(Ec2Region.hexGroup());
        }
        return address.toString();
    }

    private static List<String> attribute(Ec2Region region, Ec2InstanceData i, String name) {
        return switch (name) {
            case "instance-id" -> List.of(i.instanceId);
            case "instance-state-name" -> List.of(i.state.wireName());
            case "instance-state-code" -> List.of(Integer.toString(i.state.code()));
            case "vpc-id" -> List.of(i.vpcId);
            case "subnet-id" -> List.of(i.subnetId);
            case "reservation-id" -> List.of(i.reservationId);
            case "image-id" -> List.of(i.imageId);
            case "instance-type" -> List.of(i.instanceType);
            case "availability-zone" -> List.of(i.availabilityZone);
            case "private-ip-address" -> List.of(i.privateIp);
            case "private-dns-name" -> List.of(region.privateDnsName(i.privateIp));
            case "ip-address" -> i.publicIp == null ? List.of() : List.of(i.publicIp);
            case "network-interface.addresses.private-ip-address" -> List.of(i.privateIp);
            case "network-interface.ipv6-addresses.ipv6-address" -> i.ipv6Addresses;
            default -> null;
        };
    }

    private static void instanceItem(XmlWriter xml, Ec2Region region, Ec2InstanceData i) {
        boolean attached = i.state != Ec2InstanceState.TERMINATED;
        boolean running = i.state == Ec2InstanceState.RUNNING || i.state == Ec2InstanceState.PENDING
                || i.state == Ec2InstanceState.STOPPING;
        VpcData vpc = region.vpcs.get(i.vpcId);
        String publicIp = running ? i.publicIp : null;
        String publicDns = publicIp != null && vpc != null && vpc.enableDnsHostnames
                ? region.publicDnsName(publicIp) : "";
        xml.start("item").element("instanceId", i.instanceId).element("imageId", i.imageId);
        Ec2Xml.state(xml, "instanceState", i.state);
        xml.element("privateDnsName", attached ? region.privateDnsName(i.privateIp) : "")
                .element("dnsName", publicDns).element("amiLaunchIndex", 0)
                .element("instanceType", i.instanceType).element("launchTime", Ec2Xml.time(i.launchMillis))
                .start("placement").element("availabilityZone", i.availabilityZone).element("tenancy", "default")
                .end();
        if (attached) {
            xml.element("subnetId", i.subnetId).element("vpcId", i.vpcId).element("privateIpAddress", i.privateIp)
                    .element("ipAddress", publicIp);
        }
        xml.element("architecture", "x86_64").element("rootDeviceType", "ebs");
        Ec2Xml.tagSet(xml, i.tags);
        xml.start("networkInterfaceSet");
        if (attached) {
            xml.start("item").element("networkInterfaceId", i.networkInterfaceId).element("subnetId", i.subnetId)
                    .element("vpcId", i.vpcId).element("ownerId", i.ownerId).element("status", "in-use")
                    .element("privateIpAddress", i.privateIp)
                    .element("privateDnsName", region.privateDnsName(i.privateIp))
                    .start("attachment").element("attachmentId", "eni-attach-" + i.networkInterfaceId.substring(4))
                    .element("deviceIndex", 0).element("status", "attached").end();
            if (publicIp != null) {
                xml.start("association").element("publicIp", publicIp).element("publicDnsName", publicDns)
                        .element("ipOwnerId", "amazon").end();
            }
            xml.start("privateIpAddressesSet").start("item").element("privateIpAddress", i.privateIp)
                    .element("privateDnsName", region.privateDnsName(i.privateIp)).element("primary", true).end()
                    .end();
            xml.start("ipv6AddressesSet");
            i.ipv6Addresses.forEach(a -> xml.start("item").element("ipv6Address", a).end());
            xml.end().end();
        }
        xml.end();
        if (attached && !i.ipv6Addresses.isEmpty()) {
            xml.element("ipv6Address", i.ipv6Addresses.get(0));
        }
        xml.end();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("instances:" + offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("instances:")) {
                return Integer.parseInt(text.substring("instances:".length()));
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new ServiceException(400, "InvalidParameterValue", "Unable to parse pagination token");
    }
}
