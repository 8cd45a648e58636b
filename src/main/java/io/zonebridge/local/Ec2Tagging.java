package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2 CreateTags and DeleteTags on instances, VPCs, subnets, DHCP options, security groups, network ACLs,
 * route tables, internet gateways, transit gateways and their attachments. Every resource must exist (or the
 * call fails with the resource type's {@code .NotFound} code and changes nothing); at most 50 tags a resource.
 */
final class Ec2Tagging {
    static final int MAX_TAGS = 50;

    private Ec2Tagging() {
    }

    /** CreateTags: the tags are set (a key already present takes the new value). */
    static String createTags(Ec2Region region, Ec2Params params, String requestId) {
        List<String> ids = resourceIds(params);
        Map<String, String> tags = params.tags("Tag");
        if (tags.isEmpty()) {
            throw new ServiceException(400, "MissingParameter", "The request must contain the parameter Tag");
        }
        List<Map<String, String>> targets = new ArrayList<>();
        for (String id : ids) {
            Map<String, String> current = tagsOf(region, id);
            Map<String, String> after = new LinkedHashMap<>(current);
            after.putAll(tags);
            if (after.size() > MAX_TAGS) {
                throw new ServiceException(400, "TagLimitExceeded",
                        "The maximum number of Tags for a resource has been reached.");
            }
            targets.add(current);
        }
        targets.forEach(t -> t.putAll(tags));
        return Ec2Xml.response("CreateTags", requestId).element("return", true).finish();
    }

    /** DeleteTags: each key goes, or only when its value matches when a value is given. */
    static String deleteTags(Ec2Region region, Ec2Params params, String requestId) {
        List<String> ids = resourceIds(params);
        List<Ec2Params> tags = params.members("Tag");
        List<Map<String, String>> targets = new ArrayList<>();
        for (String id : ids) {
            targets.add(tagsOf(region, id));
        }
        for (Map<String, String> target : targets) {
            if (tags.isEmpty()) {
                target.clear();
            }
            for (Ec2Params tag : tags) {
                String key = tag.get("Key");
                String value = tag.get("Value");
                if (key != null && (value == null || value.equals(target.get(key)))) {
                    target.remove(key);
                }
            }
        }
        return Ec2Xml.response("DeleteTags", requestId).element("return", true).finish();
    }

    /** The tags of DeleteTags as CloudTrail records them: key → value, null where no value was given. */
    static Map<String, String> deletedTags(Ec2Params params) {
        Map<String, String> tags = new LinkedHashMap<>();
        params.members("Tag").forEach(tag -> tags.put(tag.get("Key"), tag.get("Value")));
        return tags;
    }

    static List<String> resourceIds(Ec2Params params) {
        List<String> ids = params.list("ResourceId");
        if (ids.isEmpty()) {
            throw new ServiceException(400, "MissingParameter", "The request must contain the parameter ResourceId");
        }
        return ids;
    }

    private static Map<String, String> tagsOf(Ec2Region region, String id) {
        Map<String, String> tags = null;
        String type;
        if (id.startsWith("i-")) {
            type = "InvalidInstanceID.NotFound|instance";
            Ec2InstanceData instance = region.instances.get(id);
            tags = instance == null ? null : instance.tags;
        } else if (id.startsWith("vpc-")) {
            type = "InvalidVpcID.NotFound|vpc";
            VpcData vpc = region.vpcs.get(id);
            tags = vpc == null ? null : vpc.tags;
        } else if (id.startsWith("subnet-")) {
            type = "InvalidSubnetID.NotFound|subnet";
            SubnetData subnet = region.subnets.get(id);
            tags = subnet == null ? null : subnet.tags;
        } else if (id.startsWith("dopt-")) {
            type = "InvalidDhcpOptionID.NotFound|dhcpOption";
            DhcpOptionsData options = region.dhcpOptions.get(id);
            tags = options == null ? null : options.tags;
        } else if (id.startsWith("sg-")) {
            type = "InvalidGroup.NotFound|security group";
            SecurityGroupData group = region.securityGroups.get(id);
            tags = group == null ? null : group.tags;
        } else if (id.startsWith("acl-")) {
            type = "InvalidNetworkAclID.NotFound|networkAcl";
            NetworkAclData acl = region.networkAcls.get(id);
            tags = acl == null ? null : acl.tags;
        } else if (id.startsWith("tgw-attach-")) {
            type = "InvalidTransitGatewayAttachmentID.NotFound|transitGatewayAttachment";
            TransitGatewayAttachmentData attachment = region.transitGatewayAttachments.get(id);
            tags = attachment == null ? null : attachment.tags;
        } else if (id.startsWith("tgw-")) {
            type = "InvalidTransitGatewayID.NotFound|transitGateway";
            TransitGatewayData gateway = region.transitGateways.get(id);
            tags = gateway == null ? null : gateway.tags;
        } else if (id.startsWith("igw-")) {
            type = "InvalidInternetGatewayID.NotFound|internetGateway";
            InternetGatewayData gateway = region.internetGateways.get(id);
            tags = gateway == null ? null : gateway.tags;
        } else if (id.startsWith("rtb-")) {
            type = "InvalidRouteTableID.NotFound|routeTable";
            RouteTableData table = region.routeTables.get(id);
            tags = table == null ? null : table.tags;
        } else {
            throw new ServiceException(400, "InvalidID", "The ID '" + id + "' is not valid");
        }
        if (tags == null) {
            String[] codeAndNoun = type.split("\\|");
            throw new ServiceException(400, codeAndNoun[0],
                    "The " + codeAndNoun[1] + " ID '" + id + "' does not exist");
        }
        return tags;
    }
}
