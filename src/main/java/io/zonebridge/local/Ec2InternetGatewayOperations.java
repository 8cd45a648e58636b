package io.zonebridge.local;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2 internet gateways: CreateInternetGateway, AttachInternetGateway (one VPC per gateway, one gateway per VPC:
 * {@code Resource.AlreadyAssociated}) and DescribeInternetGateways. Call under {@link Ec2State}'s lock.
 */
final class Ec2InternetGatewayOperations {

    String createInternetGateway(Ec2Region region, Ec2Params params, String requestId) {
        InternetGatewayData gateway = new InternetGatewayData(Ec2Region.newId("igw"), region.account);
        gateway.tags.putAll(Ec2VpcOperations.specifiedTags(params, "internet-gateway"));
        region.internetGateways.put(gateway.internetGatewayId, gateway);
        XmlWriter xml = Ec2Xml.response("CreateInternetGateway", requestId);
        item(xml.start("internetGateway"), gateway);
        return xml.end().finish();
    }

    String attachInternetGateway(Ec2Region region, Ec2Params params, String requestId) {
        InternetGatewayData gateway = gateway(region, params.required("InternetGatewayId"));
        VpcData vpc = Ec2VpcOperations.vpc(region, params.required("VpcId"));
        if (gateway.vpcId != null) {
            throw new ServiceException(400, "Resource.AlreadyAssociated", "resource "
                    + gateway.internetGatewayId + " is already attached to network " + gateway.vpcId);
        }
        for (InternetGatewayData other : region.internetGateways.values()) {
            if (vpc.vpcId.equals(other.vpcId)) {
                throw new ServiceException(400, "Resource.AlreadyAssociated", "resource " + vpc.vpcId
                        + " already has an internet gateway attached");
            }
        }
        gateway.vpcId = vpc.vpcId;
        return Ec2Xml.response("AttachInternetGateway", requestId).element("return", true).finish();
    }

    String describeInternetGateways(Ec2Region region, Ec2Params params, String requestId) {
        List<InternetGatewayData> gateways = new ArrayList<>();
        for (String id : params.list("InternetGatewayId")) {
            gateways.add(gateway(region, id));
        }
        if (params.list("InternetGatewayId").isEmpty()) {
            gateways.addAll(region.internetGateways.values());
        }
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeInternetGateways", requestId).start("internetGatewaySet");
        for (InternetGatewayData g : gateways) {
            if (filters.matches(name -> switch (name) {
                case "internet-gateway-id" -> List.of(g.internetGatewayId);
                case "attachment.vpc-id" -> g.vpcId == null ? List.of() : List.of(g.vpcId);
                case "attachment.state" -> g.vpcId == null ? List.of() : List.of("available");
                case "owner-id" -> List.of(g.ownerId);
                default -> null;
            }, g.tags)) {
                item(xml.start("item"), g);
            }
        }
        return xml.end().finish();
    }

    private static InternetGatewayData gateway(Ec2Region region, String id) {
        InternetGatewayData gateway = region.internetGateways.get(id);
        if (gateway == null) {
            throw new ServiceException(400, "InvalidInternetGatewayID.NotFound", "The internetGateway ID '" + id
                    + "' does not exist");
        }
        return gateway;
    }

    private static void item(XmlWriter xml, InternetGatewayData g) {
        xml.element("internetGatewayId", g.internetGatewayId).element("ownerId", g.ownerId).start("attachmentSet");
        if (g.vpcId != null) {
            xml.start("item").element("vpcId", g.vpcId).element("state", "available").end();
        }
        xml.end();
        Ec2Xml.tagSet(xml, g.tags);
        xml.end();
    }
}
