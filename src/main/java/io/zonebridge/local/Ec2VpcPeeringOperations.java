package io.zonebridge.local;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2 VPC peering: CreateVpcPeeringConnection (same or another account and region; the peer VPC must exist),
 * AcceptVpcPeeringConnection (only by the accepter's owner, while pending) and DescribeVpcPeeringConnections
 * (a connection is visible to both owners). Overlapping CIDR blocks make the connection {@code failed}, as in
 * AWS. Call under {@link Ec2State}'s lock.
 */
final class Ec2VpcPeeringOperations {

    String create(Ec2State state, Ec2Region region, Ec2Params params, String requestId) {
        VpcData vpc = Ec2VpcOperations.vpc(region, params.required("VpcId"));
        String peerOwner = params.get("PeerOwnerId") == null ? region.account : params.get("PeerOwnerId");
        String peerRegion = params.get("PeerRegion") == null ? region.region : params.get("PeerRegion");
        String peerVpcId = params.required("PeerVpcId");
        VpcData peer = state.region(peerOwner, peerRegion).vpcs.get(peerVpcId);
        if (peer == null) {
            throw new ServiceException(400, "InvalidVpcID.NotFound", "The vpc ID '" + peerVpcId + "' does not exist");
        }
        VpcPeeringData peering = new VpcPeeringData(Ec2Region.newId("pcx"),
                new VpcPeeringData.Side(region.account, vpc.vpcId, vpc.cidr.toString(), region.region),
                new VpcPeeringData.Side(peerOwner, peer.vpcId, peer.cidr.toString(), peerRegion));
        if (vpc.cidr.overlaps(peer.cidr)) {
            peering.status = "failed";
            peering.message = "Overlapping CIDR range";
        }
        peering.tags.putAll(Ec2VpcOperations.specifiedTags(params, "vpc-peering-connection"));
        state.peerings().put(peering.id, peering);
        XmlWriter xml = Ec2Xml.response("CreateVpcPeeringConnection", requestId);
        item(xml.start("vpcPeeringConnection"), peering);
        return xml.end().finish();
    }

    String accept(Ec2State state, Ec2Region region, Ec2Params params, String requestId) {
        VpcPeeringData peering = visible(state, region, params.required("VpcPeeringConnectionId"));
        if (!peering.accepter.ownerId().equals(region.account) || !peering.accepter.region().equals(region.region)) {
            throw new ServiceException(400, "OperationNotPermitted", "User " + region.account
                    + " cannot accept peering " + peering.id);
        }
        if (!peering.status.equals("pending-acceptance")) {
            throw new ServiceException(400, "InvalidStateTransition", "Invalid state transition for "
                    + peering.id + ", attempted to transition from " + peering.status + " to active");
        }
        peering.status = "active";
        peering.message = "Active";
        XmlWriter xml = Ec2Xml.response("AcceptVpcPeeringConnection", requestId);
        item(xml.start("vpcPeeringConnection"), peering);
        return xml.end().finish();
    }

    String describe(Ec2State state, Ec2Region region, Ec2Params params, String requestId) {
        List<VpcPeeringData> selected = new ArrayList<>();
        for (String id : params.list("VpcPeeringConnectionId")) {
            selected.add(visible(state, region, id));
        }
        if (params.list("VpcPeeringConnectionId").isEmpty()) {
            state.peerings().values().stream().filter(p -> visibleTo(p, region)).forEach(selected::add);
        }
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeVpcPeeringConnections", requestId).start("vpcPeeringConnectionSet");
        for (VpcPeeringData p : selected) {
            if (filters.matches(name -> switch (name) {
                case "vpc-peering-connection-id" -> List.of(p.id);
                case "status-code" -> List.of(p.status);
                case "requester-vpc-info.vpc-id" -> List.of(p.requester.vpcId());
                case "accepter-vpc-info.vpc-id" -> List.of(p.accepter.vpcId());
                case "requester-vpc-info.owner-id" -> List.of(p.requester.ownerId());
                case "accepter-vpc-info.owner-id" -> List.of(p.accepter.ownerId());
                default -> null;
            }, p.tags)) {
                item(xml.start("item"), p);
            }
        }
        return xml.end().finish();
    }

    private static boolean visibleTo(VpcPeeringData p, Ec2Region region) {
        return p.requester.ownerId().equals(region.account) && p.requester.region().equals(region.region)
                || p.accepter.ownerId().equals(region.account) && p.accepter.region().equals(region.region);
    }

    private static VpcPeeringData visible(Ec2State state, Ec2Region region, String id) {
        VpcPeeringData peering = state.peerings().get(id);
        if (peering == null || !visibleTo(peering, region)) {
            throw new ServiceException(400, "InvalidVpcPeeringConnectionID.NotFound",
                    "The vpcPeeringConnection ID '" + id + "' does not exist");
        }
        return peering;
    }

    private static void item(XmlWriter xml, VpcPeeringData p) {
        xml.element("vpcPeeringConnectionId", p.id);
        side(xml, "requesterVpcInfo", p.requester, true);
        side(xml, "accepterVpcInfo", p.accepter, p.status.equals("active"));
        xml.start("status").element("code", p.status).element("message", p.message).end();
        Ec2Xml.tagSet(xml, p.tags);
        xml.end();
    }

    private static void side(XmlWriter xml, String element, VpcPeeringData.Side side, boolean withCidr) {
        xml.start(element).element("ownerId", side.ownerId()).element("vpcId", side.vpcId())
                .element("cidrBlock", withCidr ? side.cidr() : null).element("region", side.region()).end();
    }
}
