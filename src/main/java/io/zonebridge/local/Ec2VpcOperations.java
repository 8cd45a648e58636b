package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2 VPCs, subnets and DHCP options: CreateVpc, DescribeVpcs, DescribeVpcAttribute, ModifyVpcAttribute
 * ({@code enableDnsSupport}, {@code enableDnsHostnames}), CreateSubnet, DescribeSubnets, CreateDhcpOptions,
 * DescribeDhcpOptions, AssociateDhcpOptions. A new VPC has DNS support on and DNS host names off, as a
 * non-default VPC in AWS, and comes with its default security group, default network ACL and main route table. Call under {@link Ec2State}'s lock.
 */
final class Ec2VpcOperations {

    String createVpc(Ec2Region region, Ec2Params params, String requestId) {
        Ipv4Block cidr = Ipv4Block.parse(params.required("CidrBlock"), "cidrBlock");
        if (cidr.prefix() < 16 || cidr.prefix() > 28) {
            throw new ServiceException(400, "InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
        }
        String ipv6 = params.bool("AmazonProvidedIpv6CidrBlock", false)
                ? "2600:1f18:" + Ec2Region.hexGroup() + ":" + Ec2Region.hexGroup().substring(0, 2) + "00::/56" : null;
        VpcData vpc = new VpcData(Ec2Region.newId("vpc"), region.account, cidr, ipv6, "default");
        vpc.tags.putAll(specifiedTags(params, "vpc"));
        region.vpcs.put(vpc.vpcId, vpc);
        Ec2SecurityGroupOperations.createDefault(region, vpc);
        Ec2NetworkAclOperations.createDefault(region, vpc);
        Ec2RouteTableOperations.createMain(region, vpc);
        XmlWriter xml = Ec2Xml.response("CreateVpc", requestId);
        vpcItem(xml.start("vpc"), vpc, "pending");
        return xml.end().finish();
    }

    String describeVpcs(Ec2Region region, Ec2Params params, String requestId) {
        List<VpcData> vpcs = select(region.vpcs, params.list("VpcId"), "InvalidVpcID.NotFound", "vpc");
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeVpcs", requestId).start("vpcSet");
        for (VpcData vpc : vpcs) {
            if (filters.matches(name -> switch (name) {
                case "vpc-id" -> List.of(vpc.vpcId);
                case "cidr", "cidr-block", "cidr-block-association.cidr-block" -> List.of(vpc.cidr.toString());
                case "dhcp-options-id" -> List.of(vpc.dhcpOptionsId);
                case "state" -> List.of("available");
                case "is-default" -> List.of("false");
                case "owner-id" -> List.of(vpc.ownerId);
                default -> null;
            }, vpc.tags)) {
                vpcItem(xml.start("item"), vpc, "available");
            }
        }
        return xml.end().finish();
    }

    String describeVpcAttribute(Ec2Region region, Ec2Params params, String requestId) {
        VpcData vpc = vpc(region, params.required("VpcId"));
        String attribute = params.required("Attribute");
        Boolean value = switch (attribute) {
            case "enableDnsSupport" -> vpc.enableDnsSupport;
            case "enableDnsHostnames" -> vpc.enableDnsHostnames;
            default -> throw new ServiceException(400, "InvalidParameterValue", "Value (" + attribute
                    + ") for parameter attribute is invalid. Unknown attribute.");
        };
        return Ec2Xml.response("DescribeVpcAttribute", requestId).element("vpcId", vpc.vpcId)
                .start(attribute).element("value", value).end().finish();
    }

    String modifyVpcAttribute(Ec2Region region, Ec2Params params, String requestId) {
        VpcData vpc = vpc(region, params.required("VpcId"));
        String support = params.get("EnableDnsSupport.Value");
        String hostnames = params.get("EnableDnsHostnames.Value");
        if ((support == null) == (hostnames == null)) {
            throw new ServiceException(400, "InvalidParameterCombination",
                    "Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames");
        }
        if (support != null) {
            vpc.enableDnsSupport = params.bool("EnableDnsSupport.Value", true);
        } else {
            vpc.enableDnsHostnames = params.bool("EnableDnsHostnames.Value", false);
        }
        return Ec2Xml.response("ModifyVpcAttribute", requestId).element("return", true).finish();
    }

    String createSubnet(Ec2Region region, Ec2Params params, String requestId) {
        VpcData vpc = vpc(region, params.required("VpcId"));
        Ipv4Block cidr = Ipv4Block.parse(params.required("CidrBlock"), "cidrBlock");
        if (!vpc.cidr.encloses(cidr) || cidr.prefix() > 28) {
            throw new ServiceException(400, "InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
        }
        for (SubnetData other : region.subnets.values()) {
            if (other.vpcId.equals(vpc.vpcId) && other.cidr.overlaps(cidr)) {
                throw new ServiceException(400, "InvalidSubnet.Conflict", "The CIDR '" + cidr
                        + "' conflicts with another subnet");
            }
        }
        String ipv6 = params.get("Ipv6CidrBlock");
        if (ipv6 != null && (vpc.ipv6Cidr == null || !ipv6.endsWith("::/64")
                || !ipv6.startsWith(vpc.ipv6Cidr.substring(0, vpc.ipv6Cidr.length() - "00::/56".length())))) {
            throw new ServiceException(400, "InvalidSubnet.Range", "The IPv6 CIDR '" + ipv6 + "' is invalid.");
        }
        String zone = params.get("AvailabilityZone") == null ? region.region + "a" : params.get("AvailabilityZone");
        SubnetData subnet = new SubnetData(Ec2Region.newId("subnet"), vpc.vpcId, region.account, cidr, ipv6, zone);
        subnet.tags.putAll(specifiedTags(params, "subnet"));
        region.subnets.put(subnet.subnetId, subnet);
        Ec2NetworkAclOperations.associateNewSubnet(region, subnet);
        XmlWriter xml = Ec2Xml.response("CreateSubnet", requestId);
        subnetItem(xml.start("subnet"), region, subnet);
        return xml.end().finish();
    }

    String describeSubnets(Ec2Region region, Ec2Params params, String requestId) {
        List<SubnetData> subnets = select(region.subnets, params.list("SubnetId"), "InvalidSubnetID.NotFound",
                "subnet");
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeSubnets", requestId).start("subnetSet");
        for (SubnetData subnet : subnets) {
            if (filters.matches(name -> switch (name) {
                case "subnet-id" -> List.of(subnet.subnetId);
                case "vpc-id" -> List.of(subnet.vpcId);
                case "cidr-block", "cidr", "cidrBlock" -> List.of(subnet.cidr.toString());
                case "availability-zone" -> List.of(subnet.availabilityZone);
                case "state" -> List.of("available");
                case "owner-id" -> List.of(subnet.ownerId);
                default -> null;
            }, subnet.tags)) {
                subnetItem(xml.start("item"), region, subnet);
            }
        }
        return xml.end().finish();
    }

    String createDhcpOptions(Ec2Region region, Ec2Params params, String requestId) {
        Map<String, List<String>> configurations = new LinkedHashMap<>();
        for (Ec2Params configuration : params.members("DhcpConfiguration")) {
            String key = configuration.get("Key");
            List<String> values = configuration.list("Value");
            if (key == null || values.isEmpty()) {
                throw new ServiceException(400, "InvalidParameterValue",
                        "Value for parameter DhcpConfiguration is invalid: each needs a Key and a Value");
            }
            if (!List.of("domain-name", "domain-name-servers", "ntp-servers", "netbios-name-servers",
                    "netbios-node-type", "ipv6-address-preferred-lease-time").contains(key)) {
                throw new ServiceException(400, "InvalidParameterValue", "Value (" + key
                        + ") for parameter name is invalid. Unknown DHCP option");
            }
            configurations.put(key, List.copyOf(values));
        }
        if (configurations.isEmpty()) {
            throw new ServiceException(400, "MissingParameter",
                    "The request must contain the parameter dhcpConfiguration");
        }
        DhcpOptionsData options = new DhcpOptionsData(Ec2Region.newId("dopt"), region.account, configurations);
        options.tags.putAll(specifiedTags(params, "dhcp-options"));
        region.dhcpOptions.put(options.dhcpOptionsId, options);
        XmlWriter xml = Ec2Xml.response("CreateDhcpOptions", requestId);
        dhcpItem(xml.start("dhcpOptions"), options);
        return xml.end().finish();
    }

    String describeDhcpOptions(Ec2Region region, Ec2Params params, String requestId) {
        List<DhcpOptionsData> selected = select(region.dhcpOptions, params.list("DhcpOptionsId"),
                "InvalidDhcpOptionID.NotFound", "dhcpOption");
        Ec2Filters filters = new Ec2Filters(params);
        XmlWriter xml = Ec2Xml.response("DescribeDhcpOptions", requestId).start("dhcpOptionsSet");
        for (DhcpOptionsData options : selected) {
            if (filters.matches(name -> switch (name) {
                case "dhcp-options-id" -> List.of(options.dhcpOptionsId);
                case "key" -> List.copyOf(options.configurations.keySet());
                case "value" -> options.configurations.values().stream().flatMap(List::stream).toList();
                case "owner-id" -> List.of(options.ownerId);
                default -> null;
            }, options.tags)) {
                dhcpItem(xml.start("item"), options);
            }
        }
        return xml.end().finish();
    }

    String associateDhcpOptions(Ec2Region region, Ec2Params params, String requestId) {
        String optionsId = params.required("DhcpOptionsId");
        VpcData vpc = vpc(region, params.required("VpcId"));
        if (!optionsId.equals("default") && !region.dhcpOptions.containsKey(optionsId)) {
            throw new ServiceException(400, "InvalidDhcpOptionID.NotFound", "The dhcpOption ID '" + optionsId
                    + "' does not exist");
        }
        vpc.dhcpOptionsId = optionsId;
        return Ec2Xml.response("AssociateDhcpOptions", requestId).element("return", true).finish();
    }

    /** The VPC, or {@code InvalidVpcID.NotFound}. */
    static VpcData vpc(Ec2Region region, String vpcId) {
        VpcData vpc = region.vpcs.get(vpcId);
        if (vpc == null) {
            throw new ServiceException(400, "InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
        }
        return vpc;
    }

    /** The tags of {@code TagSpecification.N} entries for {@code resourceType}. */
    static Map<String, String> specifiedTags(Ec2Params params, String resourceType) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Ec2Params spec : params.members("TagSpecification")) {
            if (resourceType.equals(spec.get("ResourceType"))) {
                tags.putAll(spec.tags("Tag"));
            }
        }
        return tags;
    }

    /** Every resource, or those {@code ids} names (each must exist, or {@code code} names the first missing). */
    static <T> List<T> select(Map<String, T> all, List<String> ids, String code, String noun) {
        if (ids.isEmpty()) {
            return new ArrayList<>(all.values());
        }
        List<T> selected = new ArrayList<>();
        for (String id : ids) {
            T resource = all.get(id);
            if (resource == null) {
                throw new ServiceException(400, code, "The " + noun + " ID '" + id + "' does not exist");
            }
            if (!selected.contains(resource)) {
                selected.add(resource);
            }
        }
        return selected;
    }

    private static void vpcItem(XmlWriter xml, VpcData vpc, String state) {
        xml.element("vpcId", vpc.vpcId).element("ownerId", vpc.ownerId).element("state", state)
                .element("cidrBlock", vpc.cidr.toString())
                .start("cidrBlockAssociationSet").start("item")
                .element("associationId", "vpc-cidr-assoc-" + vpc.vpcId.substring(4))
                .element("cidrBlock", vpc.cidr.toString())
                .start("cidrBlockState").element("state", "associated").end().end().end()
                .start("ipv6CidrBlockAssociationSet");
        if (vpc.ipv6Cidr != null) {
            xml.start("item").element("associationId", "vpc-cidr-assoc-6" + vpc.vpcId.substring(5))
                    .element("ipv6CidrBlock", vpc.ipv6Cidr)
                    .start("ipv6CidrBlockState").element("state", "associated").end()
                    .element("networkBorderGroup", "us-east-1").element("ipv6Pool", "Amazon").end();
        }
        xml.end().element("dhcpOptionsId", vpc.dhcpOptionsId).element("instanceTenancy", "default")
                .element("isDefault", false);
        Ec2Xml.tagSet(xml, vpc.tags);
        xml.end();
    }

    private static void subnetItem(XmlWriter xml, Ec2Region region, SubnetData subnet) {
        long used = SubnetAddresses.inUse(region, subnet).size();
        xml.element("subnetId", subnet.subnetId)
                .element("subnetArn", "arn:aws:ec2:" + region.region + ":" + subnet.ownerId + ":subnet/"
                        + subnet.subnetId)
                .element("state", "available").element("ownerId", subnet.ownerId).element("vpcId", subnet.vpcId)
                .element("cidrBlock", subnet.cidr.toString()).start("ipv6CidrBlockAssociationSet");
        if (subnet.ipv6Cidr != null) {
            xml.start("item").element("associationId", "subnet-cidr-assoc-" + subnet.subnetId.substring(7))
                    .element("ipv6CidrBlock", subnet.ipv6Cidr)
                    .start("ipv6CidrBlockState").element("state", "associated").end().end();
        }
        xml.end().element("availableIpAddressCount", subnet.cidr.size() - 5 - used)
                .element("availabilityZone", subnet.availabilityZone).element("defaultForAz", false)
                .element("mapPublicIpOnLaunch", subnet.mapPublicIpOnLaunch)
                .element("assignIpv6AddressOnCreation", false);
        Ec2Xml.tagSet(xml, subnet.tags);
        xml.end();
    }

    private static void dhcpItem(XmlWriter xml, DhcpOptionsData options) {
        xml.element("dhcpOptionsId", options.dhcpOptionsId).element("ownerId", options.ownerId)
                .start("dhcpConfigurationSet");
        options.configurations.forEach((key, values) -> {
            xml.start("item").element("key", key).start("valueSet");
            values.forEach(v -> xml.start("item").element("value", v).end());
            xml.end().end();
        });
        xml.end();
        Ec2Xml.tagSet(xml, options.tags);
        xml.end();
    }
}
