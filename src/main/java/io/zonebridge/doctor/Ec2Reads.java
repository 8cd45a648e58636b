package io.zonebridge.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionVpcInfo;

/**
 * Every EC2 read doctor makes, in doctor's own terms: the VPC's CIDRs and DNS host names, the VPCs connected to it
 * (active peering connections, transit gateway attachments), security group egress, a subnet's network ACL and
 * routes. Read-only.
 */
public final class Ec2Reads {

    private final Ec2Client ec2;

    /** Reads through {@code ec2} (the caller closes it). */
    public Ec2Reads(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * The VPC's associated IPv4 CIDRs (primary first) and whether DNS host names are on.
     *
     * @throws IllegalArgumentException when EC2 does not know the VPC
     */
    public VpcFacts vpc(String vpcId) {
        Vpc vpc = describeVpc(vpcId);
        boolean hostnames = Boolean.TRUE.equals(ec2.describeVpcAttribute(r -> r.vpcId(vpcId)
                .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value());
        return new VpcFacts(vpcId, cidrs(vpc), hostnames);
    }

    /** VPCs connected to {@code vpcId} by an active peering connection or a shared transit gateway. */
    public List<ConnectedVpc> connectedVpcs(String vpcId) {
        List<ConnectedVpc> connected = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String side : List.of("requester-vpc-info.vpc-id", "accepter-vpc-info.vpc-id")) {
            // the filters narrow the listing; the checks below decide (not every EC2 implementation filters)
            for (VpcPeeringConnection peering : ec2.describeVpcPeeringConnectionsPaginator(r -> r.filters(
                    filter(side, vpcId), filter("status-code", "active"))).vpcPeeringConnections()) {
                boolean requester = vpcId.equals(peering.requesterVpcInfo().vpcId());
                boolean accepter = vpcId.equals(peering.accepterVpcInfo().vpcId());
                if (!(requester || accepter) || !"active".equals(peering.status().codeAsString())
                        || !seen.add(peering.vpcPeeringConnectionId())) {
                    continue;
                }
                VpcPeeringConnectionVpcInfo other = requester ? peering.accepterVpcInfo() : peering.requesterVpcInfo();
                List<String> cidrs = new ArrayList<>();
                other.cidrBlockSet().forEach(c -> cidrs.add(c.cidrBlock()));
                if (cidrs.isEmpty() && other.cidrBlock() != null) {
                    cidrs.add(other.cidrBlock());
                }
                connected.add(new ConnectedVpc(other.vpcId(), List.copyOf(new LinkedHashSet<>(cidrs)),
                        "peering " + peering.vpcPeeringConnectionId()));
            }
        }
        Set<String> gateways = new LinkedHashSet<>();
        ec2.describeTransitGatewayVpcAttachmentsPaginator(r -> r.filters(filter("vpc-id", vpcId),
                        filter("state", "available")))
                .transitGatewayVpcAttachments().stream().filter(a -> vpcId.equals(a.vpcId()))
                .forEach(a -> gateways.add(a.transitGatewayId()));
        for (String gateway : gateways) {
            ec2.describeTransitGatewayVpcAttachmentsPaginator(r -> r.filters(filter("transit-gateway-id", gateway),
                            filter("state", "available")))
                    .transitGatewayVpcAttachments().stream()
                    .filter(a -> gateway.equals(a.transitGatewayId()) && !vpcId.equals(a.vpcId()))
                    .forEach(a -> connected.add(new ConnectedVpc(a.vpcId(), cidrs(describeVpc(a.vpcId())),
                            "transit gateway " + gateway)));
        }
        return connected;
    }

    /** The egress rules of the security groups, one per CIDR (rules naming groups or prefix lists: CIDR null). */
    public List<PortRule> securityGroupEgress(List<String> groupIds) {
        List<PortRule> rules = new ArrayList<>();
        for (SecurityGroup group : ec2.describeSecurityGroupsPaginator(r -> r.groupIds(groupIds)).securityGroups()) {
            for (IpPermission permission : group.ipPermissionsEgress()) {
                permission.ipRanges().forEach(range -> rules.add(PortRule.of(0, permission.ipProtocol(),
                        permission.fromPort(), permission.toPort(), range.cidrIp(), true)));
                if (permission.ipRanges().isEmpty()) {
                    rules.add(PortRule.of(0, permission.ipProtocol(), permission.fromPort(), permission.toPort(),
                            null, true));
                }
            }
        }
        return rules;
    }

    /** The network ACL of the subnet: its id, inbound and outbound IPv4 entries in rule-number order. */
    public NetworkAclRules networkAcl(String subnetId) {
        List<NetworkAcl> acls = ec2.describeNetworkAclsPaginator(r -> r.filters(
                filter("association.subnet-id", subnetId))).networkAcls().stream().toList();
        if (acls.isEmpty()) {
            String vpcId = subnet(subnetId).vpcId();
            acls = ec2.describeNetworkAclsPaginator(r -> r.filters(filter("vpc-id", vpcId),
                    filter("default", "true"))).networkAcls().stream().toList();
        }
        if (acls.isEmpty()) {
            throw new IllegalStateException("EC2 has no network ACL for subnet " + subnetId);
        }
        NetworkAcl acl = acls.get(0);
        List<PortRule> inbound = new ArrayList<>();
        List<PortRule> outbound = new ArrayList<>();
        acl.entries().stream().filter(e -> e.cidrBlock() != null)
                .sorted(Comparator.comparing(NetworkAclEntry::ruleNumber))
                .forEach(e -> (Boolean.TRUE.equals(e.egress()) ? outbound : inbound).add(PortRule.of(e.ruleNumber(),
                        e.protocol(), e.portRange() == null ? null : e.portRange().from(),
                        e.portRange() == null ? null : e.portRange().to(), e.cidrBlock(),
                        "allow".equals(e.ruleActionAsString()))));
        return new NetworkAclRules(acl.networkAclId(), inbound, outbound);
    }

    /** The routes of the subnet's route table (its own, else the VPC's main table). */
    public SubnetRoutes routes(String subnetId) {
        List<RouteTable> tables = ec2.describeRouteTablesPaginator(r -> r.filters(
                filter("association.subnet-id", subnetId))).routeTables().stream().toList();
        if (tables.isEmpty()) {
            String vpcId = subnet(subnetId).vpcId();
            tables = ec2.describeRouteTablesPaginator(r -> r.filters(filter("vpc-id", vpcId),
                    filter("association.main", "true"))).routeTables().stream().toList();
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("EC2 has no route table for subnet " + subnetId);
        }
        RouteTable table = tables.get(0);
        List<SubnetRoutes.Route> routes = new ArrayList<>();
        table.routes().stream().filter(r -> r.destinationCidrBlock() != null).forEach(r -> routes.add(
                new SubnetRoutes.Route(r.destinationCidrBlock(), firstNonNull(r.gatewayId(), r.transitGatewayId(),
                        r.vpcPeeringConnectionId(), r.natGatewayId(), r.networkInterfaceId(), r.instanceId(),
                        r.localGatewayId(), r.carrierGatewayId(), r.coreNetworkArn()),
                        !"blackhole".equals(r.stateAsString()))));
        return new SubnetRoutes(table.routeTableId(), routes);
    }

    private Subnet subnet(String subnetId) {
        return ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0);
    }

    private Vpc describeVpc(String vpcId) {
        List<Vpc> vpcs = ec2.describeVpcs(r -> r.filters(filter("vpc-id", vpcId))).vpcs();
        if (vpcs.isEmpty()) {
            throw new IllegalArgumentException("EC2 knows no VPC " + vpcId + " in this account and region");
        }
        return vpcs.get(0);
    }

    private static List<String> cidrs(Vpc vpc) {
        Set<String> cidrs = new LinkedHashSet<>();
        cidrs.add(vpc.cidrBlock());
        for (VpcCidrBlockAssociation association : vpc.cidrBlockAssociationSet()) {
            if (association.cidrBlockState() == null
                    || "associated".equals(association.cidrBlockState().stateAsString())) {
                cidrs.add(association.cidrBlock());
            }
        }
        return List.copyOf(cidrs);
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return "unknown";
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    /**
     * A VPC as doctor needs it.
     *
     * @param vpcId        its id
     * @param cidrs        associated IPv4 CIDRs, primary first
     * @param dnsHostnames whether {@code enableDnsHostnames} is on (Resolver defines reverse rules only then)
     */
    public record VpcFacts(String vpcId, List<String> cidrs, boolean dnsHostnames) {
    }

    /**
     * A VPC connected to the one diagnosed.
     *
     * @param vpcId its id
     * @param cidrs its IPv4 CIDRs
     * @param via   how it is connected, e.g. {@code peering pcx-...}
     */
    public record ConnectedVpc(String vpcId, List<String> cidrs, String via) {
    }

    /**
     * A network ACL's IPv4 entries in evaluation order.
     *
     * @param aclId    its id
     * @param inbound  ingress entries
     * @param outbound egress entries
     */
    public record NetworkAclRules(String aclId, List<PortRule> inbound, List<PortRule> outbound) {
    }

    /**
     * A subnet's route table.
     *
     * @param routeTableId its id
     * @param routes       its IPv4 routes
     */
    public record SubnetRoutes(String routeTableId, List<Route> routes) {

        /**
         * One route.
         *
         * @param destination destination CIDR
         * @param target      gateway, peering, interface ... id ({@code local} for the VPC)
         * @param active      false for a blackhole route
         */
        public record Route(String destination, String target, boolean active) {
        }
    }
}
