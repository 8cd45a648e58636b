package io.zonebridge.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * EC2 network ACLs: CreateNetworkAcl, DescribeNetworkAcls, CreateNetworkAclEntry and ReplaceNetworkAclAssociation
 * (a subnet moves to another ACL of its VPC under a new association id). Every VPC has a default
 * ACL allowing all traffic (entries 100 and the final deny, each way) that every new subnet is associated with;
 * a created ACL has only the final denies. An entry number already used in that direction is
 * {@code NetworkAclEntryAlreadyExists}. Call under {@link Ec2State}'s lock.
 */
final class Ec2NetworkAclOperations {

    /** Creates the VPC's default ACL. */
    static void createDefault(Ec2Region region, VpcData vpc) {
        NetworkAclData acl = new NetworkAclData(Ec2Region.newId("acl"), vpc.vpcId, region.account, true);
        acl.entries.add(new NetworkAclData.Entry(100, "-1", "allow", false, "0.0.0.0/0", null, null, null));
        acl.entries.add(new NetworkAclData.Entry(100, "-1", "allow", true, "0.0.0.0/0", null, null, null));
        region.networkAcls.put(acl.networkAclId, acl);
    }

    /** Associates a new subnet with its VPC's default ACL. */
    static void associateNewSubnet(Ec2Region region, SubnetData subnet) {
        region.networkAcls.values().stream().filter(a -> a.isDefault && a.vpcId.equals(subnet.vpcId)).findFirst()
                .ifPresent(acl -> acl.associations.put(Ec2Region.newId("aclassoc"), subnet.subnetId));
    }

    String createNetworkAcl(Ec2Region region, Ec2Params params, String requestId) {
        VpcData vpc = Ec2VpcOperations.vpc(region, params.required("VpcId"));
        NetworkAclData acl = new NetworkAclData(Ec2Region.newId("acl"), vpc.vpcId, region.account, false);
        acl.tags.putAll(Ec2VpcOperations.specifiedTags(params, "network-acl"));
        region.networkAcls.put(acl.networkAclId, acl);
        XmlWriter xml = Ec2Xml.response("CreateNetworkAcl", requestId);
        item(xml.start("networkAcl"), acl);
        return xml.end().finish();
    }

    String createNetworkAclEntry(Ec2Region region, Ec2Params params, String requestId) {
        NetworkAclData acl = acl(region, params.required("NetworkAclId"));
        int number = params.integer("RuleNumber", -1);
        if (number < 1 || number > 32766) {
            throw new ServiceException(400, "InvalidParameterValue", "Value (" + number
                    + ") for parameter ruleNumber is invalid. Expected a value between 1 and 32766.");
        }
        boolean egress = params.bool("Egress", false);
        String action = params.required("RuleAction").toLowerCase(Locale.ROOT);
        if (!action.equals("allow") && !action.equals("deny")) {
            throw new ServiceException(400, "InvalidParameterValue", "Value (" + action
                    + ") for parameter ruleAction is invalid. Expected: 'allow' or 'deny'.");
        }
        String protocol = params.required("Protocol");
        String cidr = params.get("CidrBlock") == null ? null
                : Ipv4Block.parse(params.get("CidrBlock"), "cidrBlock").toString();
        String ipv6 = params.get("Ipv6CidrBlock");
        if ((cidr == null) == (ipv6 == null)) {
            throw new ServiceException(400, "InvalidParameterCombination",
                    "Exactly one of cidrBlock and ipv6CidrBlock must be given");
        }
        Integer from = params.get("PortRange.From") == null ? null : params.integer("PortRange.From", 0);
        Integer to = params.get("PortRange.To") == null ? null : params.integer("PortRange.To", 0);
        if ((protocol.equals("6") || protocol.equals("17")) && (from == null || to == null)) {
            throw new ServiceException(400, "InvalidParameterValue",
                    "TCP and UDP entries need a port range (PortRange.From and PortRange.To)");
        }
        for (NetworkAclData.Entry entry : acl.entries) {
            if (entry.ruleNumber() == number && entry.egress() == egress) {
                throw new ServiceException(400, "NetworkAclEntryAlreadyExists", "The network acl entry identified by "
                        + number + " already exists.");
            }
        }
        acl.entries.add(new NetworkAclData.Entry(number, protocol, action, egress, cidr, ipv6, from, to));
        return Ec2Xml.response("CreateNetworkAclEntry", requestId).element("return", true).finish();
    }

    String replaceNetworkAclAssociation(Ec2Region region, Ec2Params params, String requestId) {
        String associationId = params.required("AssociationId");
        NetworkAclData target = acl(region, params.required("NetworkAclId"));
        NetworkAclData current = region.networkAcls.values().stream()
                .filter(a -> a.associations.containsKey(associationId)).findFirst()
                .orElseThrow(() -> new ServiceException(400, "InvalidAssociationID.NotFound",
                        "The association ID '" + associationId + "' does not exist"));
        if (!current.vpcId.equals(target.vpcId)) {
            throw new ServiceException(400, "InvalidParameterValue", "Network ACL " + target.networkAclId
                    + " and the association " + associationId + " belong to different networks");
        }
        String subnetId = current.associations.remove(associationId);
        String newId = Ec2Region.newId("aclassoc");
        target.associations.put(newId, subnetId);
        return Ec2Xml.response("ReplaceNetworkAclAssociation", requestId).element("newAssociationId", newId)
                .finish();
    }

    String describeNetworkAcls(Ec2Region region, Ec2Params params, String requestId) {
        List<NetworkAclData> acls = new ArrayList<>();
        for (String id : params.list("NetworkAclId")) {
            acls.add(acl(region, id));
        }
        if (params.list("NetworkAclId").isEmpty()) {
            acls.addAll(region.networkAcls.values());
        }
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeNetworkAcls", requestId).start("networkAclSet");
        for (NetworkAclData acl : acls) {
            if (filters.matches(name -> switch (name) {
                case "network-acl-id" -> List.of(acl.networkAclId);
                case "vpc-id" -> List.of(acl.vpcId);
                case "default" -> List.of(Boolean.toString(acl.isDefault));
                case "association.subnet-id" -> List.copyOf(acl.associations.values());
                case "owner-id" -> List.of(acl.ownerId);
                default -> null;
            }, acl.tags)) {
                item(xml.start("item"), acl);
            }
        }
        return xml.end().finish();
    }

    private static NetworkAclData acl(Ec2Region region, String id) {
        NetworkAclData acl = region.networkAcls.get(id);
        if (acl == null) {
            throw new ServiceException(400, "InvalidNetworkAclID.NotFound", "The networkAcl ID '" + id
                    + "' does not exist");
        }
        return acl;
    }

    private static void item(XmlWriter xml, NetworkAclData acl) {
        xml.element("networkAclId", acl.networkAclId).element("vpcId", acl.vpcId).element("ownerId", acl.ownerId)
                .element("default", acl.isDefault).start("entrySet");
        acl.entries.stream().sorted(Comparator.comparing(NetworkAclData.Entry::egress)
                .thenComparing(NetworkAclData.Entry::ruleNumber)).forEach(e -> {
                    xml.start("item").element("ruleNumber", e.ruleNumber()).element("protocol", e.protocol())
                            .element("ruleAction", e.action()).element("egress", e.egress())
                            .element("cidrBlock", e.cidr()).element("ipv6CidrBlock", e.ipv6Cidr());
                    if (e.fromPort() != null) {
                        xml.start("portRange").element("from", e.fromPort()).element("to", e.toPort()).end();
                    }
                    xml.end();
                });
        xml.end().start("associationSet");
        acl.associations.forEach((id, subnet) -> xml.start("item").element("networkAclAssociationId", id)
                .element("networkAclId", acl.networkAclId).element("subnetId", subnet).end());
        xml.end();
        Ec2Xml.tagSet(xml, acl.tags);
        xml.end();
    }
}
