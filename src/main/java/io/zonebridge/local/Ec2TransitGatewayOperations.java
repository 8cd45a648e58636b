package io.zonebridge.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * EC2 transit gateways of one account: CreateTransitGateway, DescribeTransitGateways,
 * CreateTransitGatewayVpcAttachment, DescribeTransitGatewayVpcAttachments and DescribeTransitGatewayAttachments.
 * A gateway and an attachment are {@code pending} for {@link Ec2Timings#transitionMillis()}, then
 * {@code available}; attaching to a gateway still pending is EC2's {@code IncorrectState}, a second attachment of
 * the same VPC {@code DuplicateTransitGatewayAttachment}, two subnets of one zone
 * {@code DuplicateSubnetsInSameZone}. Attachments are accepted automatically (same account). Call under
 * {@link Ec2State}'s lock.
 */
final class Ec2TransitGatewayOperations {
    private final Ec2Timings timings;
    private final LongSupplier clock;

    Ec2TransitGatewayOperations(Ec2Timings timings, LongSupplier clock) {
        this.timings = timings;
        this.clock = clock;
    }

    String createTransitGateway(Ec2Region region, Ec2Params params, String requestId) {
        TransitGatewayData gateway = new TransitGatewayData(Ec2Region.newId("tgw"), region.account,
                params.get("Description"), clock.getAsLong());
        gateway.tags.putAll(Ec2VpcOperations.specifiedTags(params, "transit-gateway"));
        region.transitGateways.put(gateway.transitGatewayId, gateway);
        XmlWriter xml = Ec2Xml.response("CreateTransitGateway", requestId);
        gatewayItem(xml.start("transitGateway"), region, gateway);
        return xml.end().finish();
    }

    String describeTransitGateways(Ec2Region region, Ec2Params params, String requestId) {
        List<TransitGatewayData> gateways = new ArrayList<>();
        for (String id : params.list("TransitGatewayIds")) {
            gateways.add(gateway(region, id));
        }
        if (params.list("TransitGatewayIds").isEmpty()) {
            gateways.addAll(region.transitGateways.values());
        }
        Ec2Filters filters = new Ec2Filters(params);
        long now = clock.getAsLong();
        XmlWriter xml = Ec2Xml.response("DescribeTransitGateways", requestId).start("transitGatewaySet");
        for (TransitGatewayData g : gateways) {
            if (filters.matches(name -> switch (name) {
                case "transit-gateway-id" -> List.of(g.transitGatewayId);
                case "owner-id" -> List.of(g.ownerId);
                case "state" -> List.of(g.state(now, timings.transitionMillis()));
                default -> null;
            }, g.tags)) {
                gatewayItem(xml.start("item"), region, g);
            }
        }
        return xml.end().finish();
    }

    String createTransitGatewayVpcAttachment(Ec2Region region, Ec2Params params, String requestId) {
        TransitGatewayData gateway = gateway(region, params.required("TransitGatewayId"));
        VpcData vpc = Ec2VpcOperations.vpc(region, params.required("VpcId"));
        List<String> subnetIds = params.list("SubnetIds");
        if (subnetIds.isEmpty()) {
            throw new ServiceException(400, "MissingParameter", "The request must contain the parameter SubnetIds");
        }
        Set<String> zones = new HashSet<>();
        for (String subnetId : subnetIds) {
            SubnetData subnet = region.subnets.get(subnetId);
            if (subnet == null) {
                throw new ServiceException(400, "InvalidSubnetID.NotFound", "The subnet ID '" + subnetId
                        + "' does not exist");
            }
            if (!subnet.vpcId.equals(vpc.vpcId)) {
                throw new ServiceException(400, "InvalidParameterValue", "Subnet " + subnetId
                        + " does not belong to VPC " + vpc.vpcId);
            }
            if (!zones.add(subnet.availabilityZone)) {
                throw new ServiceException(400, "DuplicateSubnetsInSameZone", "Duplicate Subnets for same AZ");
            }
        }
        long now = clock.getAsLong();
        if (!gateway.state(now, timings.transitionMillis()).equals("available")) {
            throw new ServiceException(400, "IncorrectState", gateway.transitGatewayId + " is in invalid state");
        }
        for (TransitGatewayAttachmentData other : region.transitGatewayAttachments.values()) {
            if (other.transitGatewayId.equals(gateway.transitGatewayId) && other.vpcId.equals(vpc.vpcId)) {
                throw new ServiceException(400, "DuplicateTransitGatewayAttachment", gateway.transitGatewayId
                        + " has non-deleted Transit Gateway Attachments with same VPC ID.");
            }
        }
        TransitGatewayAttachmentData attachment = new TransitGatewayAttachmentData(Ec2Region.newId("tgw-attach"),
                gateway.transitGatewayId, vpc.vpcId, region.account, subnetIds, now);
        attachment.tags.putAll(Ec2VpcOperations.specifiedTags(params, "transit-gateway-attachment"));
        region.transitGatewayAttachments.put(attachment.attachmentId, attachment);
        XmlWriter xml = Ec2Xml.response("CreateTransitGatewayVpcAttachment", requestId);
        vpcAttachmentItem(xml.start("transitGatewayVpcAttachment"), attachment, now);
        return xml.end().finish();
    }

    String describeTransitGatewayVpcAttachments(Ec2Region region, Ec2Params params, String requestId) {
        long now = clock.getAsLong();
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeTransitGatewayVpcAttachments", requestId)
                .start("transitGatewayVpcAttachments");
        for (TransitGatewayAttachmentData a : attachments(region, params)) {
            if (filters.matches(name -> switch (name) {
                case "transit-gateway-attachment-id" -> List.of(a.attachmentId);
                case "transit-gateway-id" -> List.of(a.transitGatewayId);
                case "vpc-id" -> List.of(a.vpcId);
                case "state" -> List.of(a.state(now, timings.transitionMillis()));
                default -> null;
            }, a.tags)) {
                vpcAttachmentItem(xml.start("item"), a, now);
            }
        }
        return xml.end().finish();
    }

    String describeTransitGatewayAttachments(Ec2Region region, Ec2Params params, String requestId) {
        long now = clock.getAsLong();
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeTransitGatewayAttachments", requestId)
                .start("transitGatewayAttachments");
        for (TransitGatewayAttachmentData a : attachments(region, params)) {
            String state = a.state(now, timings.transitionMillis());
            if (filters.matches(name -> switch (name) {
                case "transit-gateway-attachment-id" -> List.of(a.attachmentId);
                case "transit-gateway-id" -> List.of(a.transitGatewayId);
                case "resource-id" -> List.of(a.vpcId);
                case "resource-type" -> List.of("vpc");
                case "resource-owner-id", "transit-gateway-owner-id" -> List.of(a.ownerId);
                case "state" -> List.of(state);
                default -> null;
            }, a.tags)) {
                xml.start("item").element("transitGatewayAttachmentId", a.attachmentId)
                        .element("transitGatewayId", a.transitGatewayId).element("transitGatewayOwnerId", a.ownerId)
                        .element("resourceOwnerId", a.ownerId).element("resourceType", "vpc")
                        .element("resourceId", a.vpcId).element("state", state)
                        .element("creationTime", Ec2Xml.time(a.createdMillis));
                Ec2Xml.tagSet(xml, a.tags);
                xml.end();
            }
        }
        return xml.end().finish();
    }

    private static List<TransitGatewayAttachmentData> attachments(Ec2Region region, Ec2Params params) {
        List<String> ids = params.list("TransitGatewayAttachmentIds");
        if (ids.isEmpty()) {
            return new ArrayList<>(region.transitGatewayAttachments.values());
        }
        List<TransitGatewayAttachmentData> selected = new ArrayList<>();
        for (String id : ids) {
            TransitGatewayAttachmentData attachment = region.transitGatewayAttachments.get(id);
            if (attachment == null) {
                throw new ServiceException(400, "InvalidTransitGatewayAttachmentID.NotFound",
                        "Transit Gateway Attachment " + id + " was deleted or does not exist.");
            }
            selected.add(attachment);
        }
        return selected;
    }

    private static TransitGatewayData gateway(Ec2Region region, String id) {
        TransitGatewayData gateway = region.transitGateways.get(id);
        if (gateway == null) {
            throw new ServiceException(400, "InvalidTransitGatewayID.NotFound", "Transit Gateway " + id
                    + " was deleted or does not exist.");
        }
        return gateway;
    }

    private void gatewayItem(XmlWriter xml, Ec2Region region, TransitGatewayData g) {
        xml.element("transitGatewayId", g.transitGatewayId)
                .element("transitGatewayArn", "arn:aws:ec2:" + region.region + ":" + g.ownerId
                        + ":transit-gateway/" + g.transitGatewayId)
                .element("state", g.state(clock.getAsLong(), timings.transitionMillis()))
                .element("ownerId", g.ownerId).element("description", g.description)
                .element("creationTime", Ec2Xml.time(g.createdMillis))
                .start("options").element("amazonSideAsn", 64512).element("autoAcceptSharedAttachments", "disable")
                .element("defaultRouteTableAssociation", "enable").element("defaultRouteTablePropagation", "enable")
                .element("vpnEcmpSupport", "enable").element("dnsSupport", "enable")
                .element("multicastSupport", "disable").end();
        Ec2Xml.tagSet(xml, g.tags);
        xml.end();
    }

    private void vpcAttachmentItem(XmlWriter xml, TransitGatewayAttachmentData a, long now) {
        xml.element("transitGatewayAttachmentId", a.attachmentId).element("transitGatewayId", a.transitGatewayId)
                .element("vpcId", a.vpcId).element("vpcOwnerId", a.ownerId)
                .element("state", a.state(now, timings.transitionMillis())).start("subnetIds");
        a.subnetIds.forEach(s -> xml.element("item", s));
        xml.end().element("creationTime", Ec2Xml.time(a.createdMillis))
                .start("options").element("dnsSupport", "enable").element("ipv6Support", "disable")
                .element("applianceModeSupport", "disable").end();
        Ec2Xml.tagSet(xml, a.tags);
        xml.end();
    }
}
