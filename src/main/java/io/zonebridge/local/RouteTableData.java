package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One emulated route table: routes and subnet (or main) associations (guarded by {@link Ec2State}'s lock). */
public final class RouteTableData {
    /** One route: a destination and exactly one target; {@code origin} CreateRouteTable for the local route. */
    record Route(String destinationCidr, String destinationIpv6Cidr, String gatewayId, String natGatewayId,
                 String instanceId, String vpcPeeringConnectionId, String transitGatewayId, String origin) {
    }

    /** One association: a subnet, or the VPC's main association (subnet null). */
    record Association(String associationId, String subnetId, boolean main) {
    }

    final String routeTableId;
    final String vpcId;
    final String ownerId;
    final List<Route> routes = new ArrayList<>();
    final List<Association> associations = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    RouteTableData(String routeTableId, String vpcId, String ownerId) {
        this.routeTableId = routeTableId;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
    }
}
