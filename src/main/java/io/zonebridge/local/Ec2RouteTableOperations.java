package io.zonebridge.local;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2 route tables: CreateRouteTable, DescribeRouteTables, CreateRoute (to a gateway, NAT gateway, instance,
 * peering connection or transit gateway) and AssociateRouteTable. Every VPC has a
 * main route table; each table has the VPC's {@code local} route. A destination already routed is
 * {@code RouteAlreadyExists}; a subnet already associated explicitly is {@code Resource.AlreadyAssociated}.
 * Call under {@link Ec2State}'s lock.
 */
final class Ec2RouteTableOperations {

    /** Creates the VPC's main route table. */
    static void createMain(Ec2Region region, VpcData vpc) {
        RouteTableData table = newTable(region, vpc);
        table.associations.add(new RouteTableData.Association(Ec2Region.newId("rtbassoc"), null, true));
        region.routeTables.put(table.routeTableId, table);
    }

    private static RouteTableData newTable(Ec2Region region, VpcData vpc) {
        RouteTableData table = new RouteTableData(Ec2Region.newId("rtb"), vpc.vpcId, region.account);
        table.routes.add(new RouteTableData.Route(vpc.cidr.toString(), null, "local", null, null, null, null,
                "CreateRouteTable"));
        if (vpc.ipv6Cidr != null) {
            table.routes.add(new RouteTableData.Route(null, vpc.ipv6Cidr, "local", null, null, null, null,
                    "CreateRouteTable"));
        }
        return table;
    }

    String createRouteTable(Ec2Region region, Ec2Params params, String requestId) {
        VpcData vpc = Ec2VpcOperations.vpc(region, params.required("VpcId"));
        RouteTableData table = newTable(region, vpc);
        table.tags.putAll(Ec2VpcOperations.specifiedTags(params, "route-table"));
        region.routeTables.put(table.routeTableId, table);
        XmlWriter xml = Ec2Xml.response("CreateRouteTable", requestId);
        item(xml.start("routeTable"), table);
        return xml.end().finish();
    }

    String createRoute(Ec2Region region, Ec2State state, Ec2Params params, String requestId) {
        RouteTableData table = table(region, params.required("RouteTableId"));
        String cidr = params.get("DestinationCidrBlock") == null ? null
                : Ipv4Block.parse(params.get("DestinationCidrBlock"), "destinationCidrBlock").toString();
        String ipv6 = params.get("DestinationIpv6CidrBlock");
        if ((cidr == null) == (ipv6 == null)) {
            throw new ServiceException(400, "InvalidParameterCombination",
                    "Exactly one of destinationCidrBlock and destinationIpv6CidrBlock must be given");
        }
        String gateway = params.get("GatewayId");
        String nat = params.get("NatGatewayId");
        String instance = params.get("InstanceId");
        String peering = params.get("VpcPeeringConnectionId");
        String transitGateway = params.get("TransitGatewayId");
        long targets = java.util.stream.Stream.of(gateway, nat, instance, peering, transitGateway)
                .filter(t -> t != null).count();
        if (targets != 1) {
            throw new ServiceException(400, "InvalidParameterCombination",
                    "The request must contain exactly one of gatewayId, natGatewayId, instanceId, "
                            + "vpcPeeringConnectionId, transitGatewayId");
        }
        if (transitGateway != null && !region.transitGateways.containsKey(transitGateway)) {
            throw new ServiceException(400, "InvalidTransitGatewayID.NotFound", "Transit Gateway " + transitGateway
                    + " was deleted or does not exist.");
        }
        if (instance != null && !region.instances.containsKey(instance)) {
            throw new ServiceException(400, "InvalidInstanceID.NotFound", "The instance ID '" + instance
                    + "' does not exist");
        }
        if (peering != null && !state.peerings().containsKey(peering)) {
            throw new ServiceException(400, "InvalidVpcPeeringConnectionID.NotFound",
                    "The vpcPeeringConnection ID '" + peering + "' does not exist");
        }
        for (RouteTableData.Route route : table.routes) {
            if (cidr != null && cidr.equals(route.destinationCidr())
                    || ipv6 != null && ipv6.equals(route.destinationIpv6Cidr())) {
                throw new ServiceException(400, "RouteAlreadyExists", "The route identified by "
                        + (cidr != null ? cidr : ipv6) + " already exists.");
            }
        }
        table.routes.add(new RouteTableData.Route(cidr, ipv6, gateway, nat, instance, peering, transitGateway,
                "CreateRoute"));
        return Ec2Xml.response("CreateRoute", requestId).element("return", true).finish();
    }

    String associateRouteTable(Ec2Region region, Ec2Params params, String requestId) {
        RouteTableData table = table(region, params.required("RouteTableId"));
        String subnetId = params.required("SubnetId");
        SubnetData subnet = region.subnets.get(subnetId);
        if (subnet == null) {
            throw new ServiceException(400, "InvalidSubnetID.NotFound", "The subnet ID '" + subnetId
                    + "' does not exist");
        }
        if (!subnet.vpcId.equals(table.vpcId)) {
            throw new ServiceException(400, "InvalidParameterValue", "Route table " + table.routeTableId
                    + " and subnet " + subnetId + " belong to different networks");
        }
        for (RouteTableData other : region.routeTables.values()) {
            if (other.associations.stream().anyMatch(a -> subnetId.equals(a.subnetId()))) {
                throw new ServiceException(400, "Resource.AlreadyAssociated", "the specified association for route "
                        + "table " + other.routeTableId + " conflicts with an existing association");
            }
        }
        String id = Ec2Region.newId("rtbassoc");
        table.associations.add(new RouteTableData.Association(id, subnetId, false));
        return Ec2Xml.response("AssociateRouteTable", requestId).element("associationId", id)
                .start("associationState").element("state", "associated").end().finish();
    }

    String describeRouteTables(Ec2Region region, Ec2Params params, String requestId) {
        List<RouteTableData> tables = new ArrayList<>();
        for (String id : params.list("RouteTableId")) {
            tables.add(table(region, id));
        }
        if (params.list("RouteTableId").isEmpty()) {
            tables.addAll(region.routeTables.values());
        }
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeRouteTables", requestId).start("routeTableSet");
        for (RouteTableData t : tables) {
            if (filters.matches(name -> switch (name) {
                case "route-table-id" -> List.of(t.routeTableId);
                case "vpc-id" -> List.of(t.vpcId);
                case "association.subnet-id" -> t.associations.stream().map(RouteTableData.Association::subnetId)
                        .filter(s -> s != null).toList();
                case "association.main" -> List.of(Boolean.toString(t.associations.stream()
                        .anyMatch(RouteTableData.Association::main)));
                case "route.transit-gateway-id" -> t.routes.stream()
                        .map(RouteTableData.Route::transitGatewayId).filter(s -> s != null).toList();
                case "route.vpc-peering-connection-id" -> t.routes.stream()
                        .map(RouteTableData.Route::vpcPeeringConnectionId).filter(s -> s != null).toList();
                case "owner-id" -> List.of(t.ownerId);
                default -> null;
            }, t.tags)) {
                item(xml.start("item"), t);
            }
        }
        return xml.end().finish();
    }

    private static RouteTableData table(Ec2Region region, String id) {
        RouteTableData table = region.routeTables.get(id);
        if (table == null) {
            throw new ServiceException(400, "InvalidRouteTableID.NotFound", "The routeTable ID '" + id
                    + "' does not exist");
        }
        return table;
    }

    private static void item(XmlWriter xml, RouteTableData t) {
        xml.element("routeTableId", t.routeTableId).element("vpcId", t.vpcId).element("ownerId", t.ownerId)
                .start("routeSet");
        t.routes.forEach(r -> xml.start("item").element("destinationCidrBlock", r.destinationCidr())
                .element("destinationIpv6CidrBlock", r.destinationIpv6Cidr()).element("gatewayId", r.gatewayId())
                .element("natGatewayId", r.natGatewayId()).element("instanceId", r.instanceId())
                .element("vpcPeeringConnectionId", r.vpcPeeringConnectionId())
                .element("transitGatewayId", r.transitGatewayId()).element("state", "active")
                .element("origin", r.origin()).end());
        xml.end().start("associationSet");
        t.associations.forEach(a -> xml.start("item").element("routeTableAssociationId", a.associationId())
                .element("routeTableId", t.routeTableId).element("subnetId", a.subnetId()).element("main", a.main())
                .start("associationState").element("state", "associated").end().end());
        xml.end().start("propagatingVgwSet").end();
        Ec2Xml.tagSet(xml, t.tags);
        xml.end();
    }
}
