package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * EC2 security groups of VPCs: CreateSecurityGroup, DescribeSecurityGroups, Authorize/RevokeSecurityGroupIngress
 * and Authorize/RevokeSecurityGroupEgress. A new group allows all egress; every VPC has its {@code default} group
 * (ingress from itself, all egress). A rule already there is {@code InvalidPermission.Duplicate} and the whole
 * call changes nothing; revoking a missing rule is {@code InvalidPermission.NotFound}. Call under
 * {@link Ec2State}'s lock.
 */
final class Ec2SecurityGroupOperations {

    /** Creates the VPC's {@code default} group. */
    static void createDefault(Ec2Region region, VpcData vpc) {
        SecurityGroupData group = new SecurityGroupData(Ec2Region.newId("sg"), "default", "default VPC security group",
                vpc.vpcId, region.account);
        group.ingress.add(new SecurityGroupData.Rule("-1", null, null, null, null, group.groupId));
        group.egress.add(new SecurityGroupData.Rule("-1", null, null, "0.0.0.0/0", null, null));
        region.securityGroups.put(group.groupId, group);
    }

    String createSecurityGroup(Ec2Region region, Ec2Params params, String requestId) {
        String name = params.required("GroupName");
        String description = params.required("GroupDescription");
        String vpcId = params.get("VpcId");
        if (vpcId == null) {
            throw new ServiceException(400, "VPCIdNotSpecified", "No default VPC for this user");
        }
        Ec2VpcOperations.vpc(region, vpcId);
        if (name.toLowerCase(Locale.ROOT).startsWith("sg-")) {
            throw new ServiceException(400, "InvalidParameterValue", "Group names may not be in the format sg-*.");
        }
        for (SecurityGroupData other : region.securityGroups.values()) {
            if (other.vpcId.equals(vpcId) && other.groupName.equals(name)) {
                throw new ServiceException(400, "InvalidGroup.Duplicate", "The security group '" + name
                        + "' already exists for VPC '" + vpcId + "'");
            }
        }
        SecurityGroupData group = new SecurityGroupData(Ec2Region.newId("sg"), name, description, vpcId,
                region.account);
        group.egress.add(new SecurityGroupData.Rule("-1", null, null, "0.0.0.0/0", null, null));
        group.tags.putAll(Ec2VpcOperations.specifiedTags(params, "security-group"));
        region.securityGroups.put(group.groupId, group);
        return Ec2Xml.response("CreateSecurityGroup", requestId).element("return", true)
                .element("groupId", group.groupId).finish();
    }

    String describeSecurityGroups(Ec2Region region, Ec2Params params, String requestId) {
        List<SecurityGroupData> groups = new ArrayList<>();
        for (String id : params.list("GroupId")) {
            groups.add(group(region, id));
        }
        if (params.list("GroupId").isEmpty()) {
            groups.addAll(region.securityGroups.values());
        }
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeSecurityGroups", requestId).start("securityGroupInfo");
        for (SecurityGroupData g : groups) {
            if (filters.matches(name -> switch (name) {
                case "group-id" -> List.of(g.groupId);
                case "group-name" -> List.of(g.groupName);
                case "vpc-id" -> List.of(g.vpcId);
                case "owner-id" -> List.of(g.ownerId);
                case "description" -> List.of(g.description);
                default -> null;
            }, g.tags)) {
                xml.start("item").element("ownerId", g.ownerId).element("groupId", g.groupId)
                        .element("groupName", g.groupName).element("groupDescription", g.description)
                        .element("vpcId", g.vpcId);
                permissions(xml, "ipPermissions", g.ingress, g.ownerId);
                permissions(xml, "ipPermissionsEgress", g.egress, g.ownerId);
                Ec2Xml.tagSet(xml, g.tags);
                xml.end();
            }
        }
        return xml.end().finish();
    }

    String authorize(Ec2Region region, Ec2Params params, String requestId, boolean egress) {
        SecurityGroupData group = group(region, params.required("GroupId"));
        List<SecurityGroupData.Rule> rules = rules(region, params);
        List<SecurityGroupData.Rule> target = egress ? group.egress : group.ingress;
        for (SecurityGroupData.Rule rule : rules) {
            if (target.contains(rule)) {
                throw new ServiceException(400, "InvalidPermission.Duplicate", "the specified rule \"peer: "
                        + peer(rule) + ", " + protocolName(rule.protocol()) + (rule.fromPort() == null ? ""
                        : ", from port: " + rule.fromPort() + ", to port: " + rule.toPort()) + ", ALLOW\" already exists");
            }
        }
        target.addAll(rules);
        return Ec2Xml.response(egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroupIngress", requestId)
                .element("return", true).finish();
    }

    String revoke(Ec2Region region, Ec2Params params, String requestId, boolean egress) {
        SecurityGroupData group = group(region, params.required("GroupId"));
        List<SecurityGroupData.Rule> rules = rules(region, params);
        List<SecurityGroupData.Rule> target = egress ? group.egress : group.ingress;
        if (!target.containsAll(rules)) {
            throw new ServiceException(400, "InvalidPermission.NotFound",
                    "The specified rule does not exist in this security group.");
        }
        target.removeAll(rules);
        return Ec2Xml.response(egress ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroupIngress", requestId)
                .element("return", true).finish();
    }

    private static SecurityGroupData group(Ec2Region region, String id) {
        SecurityGroupData group = region.securityGroups.get(id);
        if (group == null) {
            throw new ServiceException(400, "InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
        }
        return group;
    }

    /** The rules of {@code IpPermissions.N}: one per source. */
    private static List<SecurityGroupData.Rule> rules(Ec2Region region, Ec2Params params) {
        List<SecurityGroupData.Rule> rules = new ArrayList<>();
        List<Ec2Params> permissions = params.members("IpPermissions");
        if (permissions.isEmpty()) {
            throw new ServiceException(400, "MissingParameter", "The request must contain the parameter ipPermissions");
        }
        for (Ec2Params p : permissions) {
            String protocol = protocol(p.required("IpProtocol"));
            Integer from = protocol.equals("-1") ? null : p.integer("FromPort", -1);
            Integer to = protocol.equals("-1") ? null : p.integer("ToPort", -1);
            if (from != null && !protocol.equals("icmp") && (from < 0 || to < from || to > 65535)) {
                throw new ServiceException(400, "InvalidParameterValue", "Invalid port range: " + from + " to " + to);
            }
            int before = rules.size();
            for (Ec2Params range : p.members("IpRanges")) {
                rules.add(new SecurityGroupData.Rule(protocol, from, to,
                        Ipv4Block.parse(range.required("CidrIp"), "cidrIp").toString(), null, null));
            }
            for (Ec2Params range : p.members("Ipv6Ranges")) {
                rules.add(new SecurityGroupData.Rule(protocol, from, to, null, range.required("CidrIpv6"), null));
            }
            for (Ec2Params pair : p.members("Groups")) {
                String groupId = pair.required("GroupId");
                group(region, groupId);
                rules.add(new SecurityGroupData.Rule(protocol, from, to, null, null, groupId));
            }
            if (rules.size() == before) {
                throw new ServiceException(400, "MissingParameter",
                        "Either ipRanges, ipv6Ranges or groups must be given for each permission");
            }
        }
        return rules;
    }

    private static String protocol(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> "-1";
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            default -> throw new ServiceException(400, "InvalidParameterValue",
                    "Invalid value '" + text + "' for IP protocol. Unknown protocol.");
        };
    }

    private static String protocolName(String protocol) {
        return protocol.equals("-1") ? "ALL" : protocol.toUpperCase(Locale.ROOT);
    }

    private static String peer(SecurityGroupData.Rule rule) {
        return rule.cidr() != null ? rule.cidr() : rule.ipv6Cidr() != null ? rule.ipv6Cidr() : rule.groupId();
    }

    /** Writes the rules grouped as EC2 answers them: one item per protocol and port range. */
    private static void permissions(XmlWriter xml, String element, List<SecurityGroupData.Rule> rules, String owner) {
        Map<String, List<SecurityGroupData.Rule>> grouped = new LinkedHashMap<>();
        rules.forEach(r -> grouped.computeIfAbsent(r.protocol() + "/" + r.fromPort() + "/" + r.toPort(),
                k -> new ArrayList<>()).add(r));
        xml.start(element);
        grouped.values().forEach(list -> {
            SecurityGroupData.Rule first = list.get(0);
            xml.start("item").element("ipProtocol", first.protocol()).element("fromPort", first.fromPort())
                    .element("toPort", first.toPort()).start("groups");
            list.stream().filter(r -> r.groupId() != null).forEach(r -> xml.start("item")
                    .element("groupId", r.groupId()).element("userId", owner).end());
            xml.end().start("ipRanges");
            list.stream().filter(r -> r.cidr() != null).forEach(r -> xml.start("item").element("cidrIp", r.cidr()).end());
            xml.end().start("ipv6Ranges");
            list.stream().filter(r -> r.ipv6Cidr() != null).forEach(r -> xml.start("item")
                    .element("cidrIpv6", r.ipv6Cidr()).end());
            xml.end().start("prefixListIds").end().end();
        });
        xml.end();
    }
}
