package io.zonebridge.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReasonCode;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's EC2 network resources through the real SDK: security groups and their rules, network ACLs and
 * their entries, route tables, routes and associations, and VPC peering within and across accounts.
 */
class Ec2NetworkConformanceTest {
    private final LocalAwsServer server = new LocalAwsServer();
    private Ec2Client ec2;
    private Ec2Client other;

    @BeforeEach
    void start() {
        server.start(0);
        ec2 = client("111111111111");
        other = client("222222222222");
    }

    private Ec2Client client(String account) {
        return Ec2Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "s")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        ec2.close();
        other.close();
        server.stop();
    }

    private static String code(Ec2Exception e) {
        return e.awsErrorDetails().errorCode();
    }

    @Test
    void securityGroupsHoldIngressAndEgressRules() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        List<SecurityGroup> defaults = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id")
                .values(vpc).build())).securityGroups();
        assertEquals(1, defaults.size());
        assertEquals("default", defaults.get(0).groupName());
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web servers")).groupId();
        IpPermission ssh = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(ssh));
        assertEquals("InvalidPermission.Duplicate", code(assertThrows(Ec2Exception.class,
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(ssh)))));
        assertEquals("InvalidGroup.Duplicate", code(assertThrows(Ec2Exception.class,
                () -> ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("again")))));
        SecurityGroup described = ec2.describeSecurityGroups(r -> r.groupIds(sg)).securityGroups().get(0);
        assertEquals(vpc, described.vpcId());
        assertEquals(22, described.ipPermissions().get(0).fromPort());
        assertEquals("10.0.0.0/8", described.ipPermissions().get(0).ipRanges().get(0).cidrIp());
        assertEquals("-1", described.ipPermissionsEgress().get(0).ipProtocol(), "a new group allows all egress");

        IpPermission allOut = IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
        ec2.revokeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(allOut));
        assertTrue(ec2.describeSecurityGroups(r -> r.groupIds(sg)).securityGroups().get(0).ipPermissionsEgress()
                .isEmpty());
        assertEquals("InvalidPermission.NotFound", code(assertThrows(Ec2Exception.class,
                () -> ec2.revokeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(allOut)))));
        assertEquals("InvalidGroup.NotFound", code(assertThrows(Ec2Exception.class,
                () -> ec2.describeSecurityGroups(r -> r.groupIds("sg-0123456789abcdef0")))));
    }

    @Test
    void networkAclsHaveNumberedEntriesAndTheDefaultOneServesNewSubnets() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.2.1.0/24")).subnet().subnetId();
        NetworkAcl defaultAcl = ec2.describeNetworkAcls(r -> r.filters(Filter.builder().name("association.subnet-id")
                .values(subnet).build())).networkAcls().get(0);
        assertTrue(defaultAcl.isDefault());
        assertEquals(4, defaultAcl.entries().size(), "allow 100 and the final deny, each way");
        String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
        ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(110).protocol("6").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("10.0.0.0/8").portRange(p -> p.from(53).to(53)));
        assertEquals("NetworkAclEntryAlreadyExists", code(assertThrows(Ec2Exception.class,
                () -> ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(110).protocol("-1")
                        .ruleAction(RuleAction.DENY).egress(false).cidrBlock("0.0.0.0/0")))));
        ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(110).protocol("-1").ruleAction(RuleAction.DENY)
                .egress(true).cidrBlock("0.0.0.0/0"));
        List<NetworkAclEntry> entries = ec2.describeNetworkAcls(r -> r.networkAclIds(acl)).networkAcls().get(0).entries();
        NetworkAclEntry dns = entries.stream().filter(e -> !e.egress() && e.ruleNumber() == 110).findFirst().orElseThrow();
        assertEquals(53, dns.portRange().from());
        assertEquals(RuleAction.ALLOW, dns.ruleAction());
        assertEquals(4, entries.size());
    }

    @Test
    void routeTablesRoutesAndAssociations() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.3.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.3.1.0/24")).subnet().subnetId();
        RouteTable main = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("association.main")
                .values("true").build(), Filter.builder().name("vpc-id").values(vpc).build())).routeTables().get(0);
        assertEquals("local", main.routes().get(0).gatewayId());
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId("igw-0123456789abcdef0"));
        assertEquals("RouteAlreadyExists", code(assertThrows(Ec2Exception.class, () -> ec2.createRoute(r -> r
                .routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId("igw-0123456789abcdef1")))));
        String association = ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet)).associationId();
        assertTrue(association.startsWith("rtbassoc-"));
        assertEquals("Resource.AlreadyAssociated", code(assertThrows(Ec2Exception.class,
                () -> ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet)))));
        RouteTable described = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("association.subnet-id")
                .values(subnet).build())).routeTables().get(0);
        assertEquals(table, described.routeTableId());
        assertEquals(2, described.routes().size());
    }

    @Test
    void peeringAcrossAccountsIsAcceptedByThePeerAndOverlapsFail() {
        String mine = ec2.createVpc(r -> r.cidrBlock("10.4.0.0/16")).vpc().vpcId();
        String theirs = other.createVpc(r -> r.cidrBlock("10.5.0.0/16")).vpc().vpcId();
        String overlapping = other.createVpc(r -> r.cidrBlock("10.4.0.0/20")).vpc().vpcId();
        VpcPeeringConnection created = ec2.createVpcPeeringConnection(r -> r.vpcId(mine).peerVpcId(theirs)
                .peerOwnerId("222222222222")).vpcPeeringConnection();
        assertEquals(VpcPeeringConnectionStateReasonCode.PENDING_ACCEPTANCE, created.status().code());
        assertNull(created.accepterVpcInfo().cidrBlock());
        assertEquals("OperationNotPermitted", code(assertThrows(Ec2Exception.class,
                () -> ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(created.vpcPeeringConnectionId())))));
        VpcPeeringConnection accepted = other.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(
                created.vpcPeeringConnectionId())).vpcPeeringConnection();
        assertEquals(VpcPeeringConnectionStateReasonCode.ACTIVE, accepted.status().code());
        assertEquals("10.5.0.0/16", ec2.describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds(
                created.vpcPeeringConnectionId())).vpcPeeringConnections().get(0).accepterVpcInfo().cidrBlock());
        VpcPeeringConnection failed = ec2.createVpcPeeringConnection(r -> r.vpcId(mine).peerVpcId(overlapping)
                .peerOwnerId("222222222222")).vpcPeeringConnection();
        assertEquals(VpcPeeringConnectionStateReasonCode.FAILED, failed.status().code());
        assertEquals(2, other.describeVpcPeeringConnections().vpcPeeringConnections().size());
        String peeringId = created.vpcPeeringConnectionId();
        String table = ec2.createRouteTable(r -> r.vpcId(mine)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("10.5.0.0/16").vpcPeeringConnectionId(peeringId));
        assertEquals(1, ec2.describeRouteTables(r -> r.filters(Filter.builder()
                .name("route.vpc-peering-connection-id").values(peeringId).build())).routeTables().size());
    }
}
