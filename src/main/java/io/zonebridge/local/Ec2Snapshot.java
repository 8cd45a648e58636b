package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persisted form of the emulated EC2 (one {@link Region} per account and region, and the VPC peering
 * connections) for the state file, and its restoration. An instance caught in a passing state (pending, stopping,
 * shutting-down) is restored in the state it was heading for: the emulator that would have moved it is gone.
 *
 * @param regions  every account's and region's resources
 * @param peerings VPC peering connections
 */
record Ec2Snapshot(List<Region> regions, List<Peering> peerings) {

    /** One account's resources in one region. */
    record Region(String account, String region, long publicPool, List<Vpc> vpcs, List<Subnet> subnets,
                  List<DhcpOptions> dhcpOptions, List<Instance> instances, List<SecurityGroup> securityGroups,
                  List<NetworkAcl> networkAcls, List<RouteTable> routeTables,
                  List<InternetGateway> internetGateways, List<TransitGateway> transitGateways,
                  List<TransitGatewayAttachment> transitGatewayAttachments) {
    }

    record Vpc(String vpcId, String ownerId, String cidr, String ipv6Cidr, String dhcpOptionsId,
               boolean enableDnsSupport, boolean enableDnsHostnames, Map<String, String> tags) {
    }

    record Subnet(String subnetId, String vpcId, String ownerId, String cidr, String ipv6Cidr,
                  String availabilityZone, boolean mapPublicIpOnLaunch, List<String> interfaceAddresses,
                  Map<String, String> tags) {
    }

    record DhcpOptions(String dhcpOptionsId, String ownerId, Map<String, List<String>> configurations,
                       Map<String, String> tags) {
    }

    record Instance(String instanceId, String reservationId, String ownerId, String imageId, String instanceType,
                    String subnetId, String networkInterfaceId, String privateIp, String publicIp,
                    List<String> ipv6Addresses, long launchMillis, Ec2InstanceState state, long stateSinceMillis,
                    Map<String, String> tags) {
    }

    record SecurityGroup(String groupId, String groupName, String description, String vpcId, String ownerId,
                         List<SecurityGroupData.Rule> ingress, List<SecurityGroupData.Rule> egress,
                         Map<String, String> tags) {
    }

    record NetworkAcl(String networkAclId, String vpcId, String ownerId, boolean defaultAcl,
                      List<NetworkAclData.Entry> entries, Map<String, String> associations,
                      Map<String, String> tags) {
    }

    record RouteTable(String routeTableId, String vpcId, String ownerId, List<RouteTableData.Route> routes,
                      List<RouteTableData.Association> associations, Map<String, String> tags) {
    }

    record InternetGateway(String internetGatewayId, String ownerId, String vpcId, Map<String, String> tags) {
    }

    record TransitGateway(String transitGatewayId, String ownerId, String description, long createdMillis,
                          Map<String, String> tags) {
    }

    record TransitGatewayAttachment(String attachmentId, String transitGatewayId, String vpcId, String ownerId,
                                    List<String> subnetIds, long createdMillis, Map<String, String> tags) {
    }

    record Peering(String id, VpcPeeringData.Side requester, VpcPeeringData.Side accepter, String status,
                   String message, Map<String, String> tags) {
    }

    /** The snapshot of {@code ec2} (call under the emulator state's lock). */
    static Ec2Snapshot of(Ec2State ec2) {
        List<Region> regions = new ArrayList<>();
        for (Ec2Region r : ec2.regions()) {
            regions.add(new Region(r.account, r.region, r.publicPool,
                    r.vpcs.values().stream().map(v -> new Vpc(v.vpcId, v.ownerId, v.cidr.toString(), v.ipv6Cidr,
                            v.dhcpOptionsId, v.enableDnsSupport, v.enableDnsHostnames, copy(v.tags))).toList(),
                    r.subnets.values().stream().map(s -> new Subnet(s.subnetId, s.vpcId, s.ownerId,
                            s.cidr.toString(), s.ipv6Cidr, s.availabilityZone, s.mapPublicIpOnLaunch,
                            List.copyOf(s.interfaceAddresses), copy(s.tags))).toList(),
                    r.dhcpOptions.values().stream().map(d -> new DhcpOptions(d.dhcpOptionsId, d.ownerId,
                            new LinkedHashMap<>(d.configurations), copy(d.tags))).toList(),
                    r.instances.values().stream().map(i -> new Instance(i.instanceId, i.reservationId, i.ownerId,
                            i.imageId, i.instanceType, i.subnetId, i.networkInterfaceId, i.privateIp, i.publicIp,
                            i.ipv6Addresses, i.launchMillis, i.state, i.stateSinceMillis, copy(i.tags))).toList(),
                    r.securityGroups.values().stream().map(g -> new SecurityGroup(g.groupId, g.groupName,
                            g.description, g.vpcId, g.ownerId, List.copyOf(g.ingress), List.copyOf(g.egress),
                            copy(g.tags))).toList(),
                    r.networkAcls.values().stream().map(a -> new NetworkAcl(a.networkAclId, a.vpcId, a.ownerId,
                            a.isDefault, List.copyOf(a.entries), copy(a.associations), copy(a.tags))).toList(),
                    r.routeTables.values().stream().map(t -> new RouteTable(t.routeTableId, t.vpcId, t.ownerId,
                            List.copyOf(t.routes), List.copyOf(t.associations), copy(t.tags))).toList(),
                    r.internetGateways.values().stream().map(g -> new InternetGateway(g.internetGatewayId,
                            g.ownerId, g.vpcId, copy(g.tags))).toList(),
                    r.transitGateways.values().stream().map(g -> new TransitGateway(g.transitGatewayId, g.ownerId,
                            g.description, g.createdMillis, copy(g.tags))).toList(),
                    r.transitGatewayAttachments.values().stream().map(a -> new TransitGatewayAttachment(
                            a.attachmentId, a.transitGatewayId, a.vpcId, a.ownerId, a.subnetIds, a.createdMillis,
                            copy(a.tags))).toList()));
        }
        List<Peering> peerings = ec2.peerings().values().stream().map(p -> new Peering(p.id, p.requester,
                p.accepter, p.status, p.message, copy(p.tags))).toList();
        return new Ec2Snapshot(regions, peerings);
    }

    /** Puts the snapshot's resources into {@code ec2} (call under the emulator state's lock). */
    void restoreInto(Ec2State ec2) {
        for (Region saved : listOrEmpty(regions)) {
            Ec2Region r = ec2.region(saved.account(), saved.region());
            r.publicPool = saved.publicPool();
            for (Vpc v : listOrEmpty(saved.vpcs())) {
                VpcData vpc = new VpcData(v.vpcId(), v.ownerId(), Ipv4Block.parse(v.cidr(), "cidr"), v.ipv6Cidr(),
                        v.dhcpOptionsId());
                vpc.enableDnsSupport = v.enableDnsSupport();
                vpc.enableDnsHostnames = v.enableDnsHostnames();
                vpc.tags.putAll(v.tags());
                r.vpcs.put(vpc.vpcId, vpc);
            }
            for (Subnet s : listOrEmpty(saved.subnets())) {
                SubnetData subnet = new SubnetData(s.subnetId(), s.vpcId(), s.ownerId(),
                        Ipv4Block.parse(s.cidr(), "cidr"), s.ipv6Cidr(), s.availabilityZone());
                subnet.mapPublicIpOnLaunch = s.mapPublicIpOnLaunch();
                subnet.interfaceAddresses.addAll(s.interfaceAddresses());
                subnet.tags.putAll(s.tags());
                r.subnets.put(subnet.subnetId, subnet);
            }
            for (DhcpOptions d : listOrEmpty(saved.dhcpOptions())) {
                DhcpOptionsData options = new DhcpOptionsData(d.dhcpOptionsId(), d.ownerId(),
                        new LinkedHashMap<>(d.configurations()));
                options.tags.putAll(d.tags());
                r.dhcpOptions.put(options.dhcpOptionsId, options);
            }
            for (Instance i : listOrEmpty(saved.instances())) {
                SubnetData subnet = r.subnets.get(i.subnetId());
                if (subnet == null) {
                    throw new IllegalStateException("instance " + i.instanceId() + " is in subnet " + i.subnetId()
                            + ", which the state file does not hold");
                }
                Ec2InstanceData instance = new Ec2InstanceData(i.instanceId(), i.reservationId(), i.ownerId(),
                        i.imageId(), i.instanceType(), subnet, i.networkInterfaceId(), i.privateIp(), i.publicIp(),
                        i.ipv6Addresses(), i.launchMillis());
                instance.state = settled(i.state());
                instance.stateSinceMillis = i.stateSinceMillis();
                instance.tags.putAll(i.tags());
                r.instances.put(instance.instanceId, instance);
            }
            for (SecurityGroup g : listOrEmpty(saved.securityGroups())) {
                SecurityGroupData group = new SecurityGroupData(g.groupId(), g.groupName(), g.description(),
                        g.vpcId(), g.ownerId());
                group.ingress.addAll(g.ingress());
                group.egress.addAll(g.egress());
                group.tags.putAll(g.tags());
                r.securityGroups.put(group.groupId, group);
            }
            for (NetworkAcl a : listOrEmpty(saved.networkAcls())) {
                NetworkAclData acl = new NetworkAclData(a.networkAclId(), a.vpcId(), a.ownerId(), a.defaultAcl());
                acl.entries.clear();
                acl.entries.addAll(a.entries());
                acl.associations.putAll(a.associations());
                acl.tags.putAll(a.tags());
                r.networkAcls.put(acl.networkAclId, acl);
            }
            for (RouteTable t : listOrEmpty(saved.routeTables())) {
                RouteTableData table = new RouteTableData(t.routeTableId(), t.vpcId(), t.ownerId());
                table.routes.addAll(t.routes());
                table.associations.addAll(t.associations());
                table.tags.putAll(t.tags());
                r.routeTables.put(table.routeTableId, table);
            }
            for (InternetGateway g : listOrEmpty(saved.internetGateways())) {
                InternetGatewayData gateway = new InternetGatewayData(g.internetGatewayId(), g.ownerId());
                gateway.vpcId = g.vpcId();
                gateway.tags.putAll(g.tags());
                r.internetGateways.put(gateway.internetGatewayId, gateway);
            }
            for (TransitGateway g : listOrEmpty(saved.transitGateways())) {
                TransitGatewayData gateway = new TransitGatewayData(g.transitGatewayId(), g.ownerId(),
                        g.description(), g.createdMillis());
                gateway.tags.putAll(g.tags());
                r.transitGateways.put(gateway.transitGatewayId, gateway);
            }
            for (TransitGatewayAttachment a : listOrEmpty(saved.transitGatewayAttachments())) {
                TransitGatewayAttachmentData attachment = new TransitGatewayAttachmentData(a.attachmentId(),
                        a.transitGatewayId(), a.vpcId(), a.ownerId(), a.subnetIds(), a.createdMillis());
                attachment.tags.putAll(a.tags());
                r.transitGatewayAttachments.put(attachment.attachmentId, attachment);
            }
        }
        for (Peering p : listOrEmpty(peerings)) {
            VpcPeeringData peering = new VpcPeeringData(p.id(), p.requester(), p.accepter());
            peering.status = p.status();
            peering.message = p.message();
            peering.tags.putAll(p.tags());
            ec2.peerings().put(peering.id, peering);
        }
    }

    private static Ec2InstanceState settled(Ec2InstanceState state) {
        return switch (state) {
            case PENDING -> Ec2InstanceState.RUNNING;
            case STOPPING -> Ec2InstanceState.STOPPED;
            case SHUTTING_DOWN -> Ec2InstanceState.TERMINATED;
            default -> state;
        };
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return new LinkedHashMap<>(map);
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
