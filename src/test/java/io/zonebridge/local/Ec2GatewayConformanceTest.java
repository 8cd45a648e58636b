package io.zonebridge.local;

import io.zonebridge.app.Eventually;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.TransitGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.TransitGatewayVpcAttachment;

/**
 * The emulator's EC2 gateways through the real SDK: transit gateways (pending, then available) with VPC
 * attachments, their filters and routes through them, internet gateways and their attachment, and moving a subnet to another network
 * ACL; each with EC2's error codes.
 */
class Ec2GatewayConformanceTest {
    /** Long enough that a busy machine still sees the pending states; the test waits for their end. */
    private static final long TRANSITION_MILLIS = 2000;
    private final LocalAwsServer server = new LocalAwsServer()
            .withEc2Timings(new Ec2Timings(TRANSITION_MILLIS, 3_600_000));
    private Ec2Client ec2;

    @BeforeEach
    void start() {
        server.start(0);
        ec2 = Ec2Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAGATEWAYS", "s")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        ec2.close();
        server.stop();
    }

    private static String errorCode(Supplier<?> call) {
        return assertThrows(Ec2Exception.class, call::get).awsErrorDetails().errorCode();
    }

    private String vpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    private String subnet(String vpc, String cidr, String zone) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    @Test
    void transitGatewayAttachesVpcsOnceItIsAvailable() throws InterruptedException {
        String vpc = vpc("10.0.0.0/16");
        String other = vpc("10.1.0.0/16");
        String a = subnet(vpc, "10.0.1.0/24", "us-east-1a");
        String b = subnet(vpc, "10.0.2.0/24", "us-east-1a");
        String c = subnet(other, "10.1.1.0/24", "us-east-1b");
        var created = ec2.createTransitGateway(r -> r.description("hub")).transitGateway();
        assertTrue(created.transitGatewayId().matches("tgw-[0-9a-f]{17}"), created.transitGatewayId());
        assertEquals("pending", created.stateAsString());
        assertEquals(64512L, created.options().amazonSideAsn());
        String gateway = created.transitGatewayId();
        assertEquals("IncorrectState", errorCode(() -> ec2.createTransitGatewayVpcAttachment(r -> r
                .transitGatewayId(gateway).vpcId(vpc).subnetIds(a))));
        Eventually.assertWithin(Duration.ofSeconds(10), () -> "available".equals(ec2.describeTransitGateways(
                r -> r.transitGatewayIds(gateway)).transitGateways().get(0).stateAsString()),
                () -> "the transit gateway becomes available");

        assertEquals("DuplicateSubnetsInSameZone", errorCode(() -> ec2.createTransitGatewayVpcAttachment(r -> r
                .transitGatewayId(gateway).vpcId(vpc).subnetIds(a, b))));
        assertEquals("InvalidParameterValue", errorCode(() -> ec2.createTransitGatewayVpcAttachment(r -> r
                .transitGatewayId(gateway).vpcId(vpc).subnetIds(c))));
        assertEquals("InvalidTransitGatewayID.NotFound", errorCode(() -> ec2.createTransitGatewayVpcAttachment(r -> r
                .transitGatewayId("tgw-0123456789abcdef0").vpcId(vpc).subnetIds(a))));
        assertEquals("InvalidSubnetID.NotFound", errorCode(() -> ec2.createTransitGatewayVpcAttachment(r -> r
                .transitGatewayId(gateway).vpcId(vpc).subnetIds("subnet-0123456789abcdef0"))));

        TransitGatewayVpcAttachment attachment = ec2.createTransitGatewayVpcAttachment(r -> r
                .transitGatewayId(gateway).vpcId(vpc).subnetIds(a)).transitGatewayVpcAttachment();
        assertEquals("pending", attachment.stateAsString());
        assertEquals(List.of(a), attachment.subnetIds());
        ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(gateway).vpcId(other).subnetIds(c));
        assertEquals("DuplicateTransitGatewayAttachment", errorCode(() -> ec2.createTransitGatewayVpcAttachment(
                r -> r.transitGatewayId(gateway).vpcId(vpc).subnetIds(a))));
        assertTrue(ec2.describeTransitGatewayVpcAttachmentsPaginator(r -> r.filters(
                f -> f.name("state").values("available"))).transitGatewayVpcAttachments().stream().toList().isEmpty());
        Eventually.assertWithin(Duration.ofSeconds(10), () -> ec2.describeTransitGatewayVpcAttachments(r -> r.filters(
                f -> f.name("transit-gateway-id").values(gateway), f -> f.name("state").values("available")))
                .transitGatewayVpcAttachments().size() == 2, () -> "both attachments become available");

        List<TransitGatewayVpcAttachment> ofVpc = ec2.describeTransitGatewayVpcAttachmentsPaginator(r -> r.filters(
                f -> f.name("vpc-id").values(vpc), f -> f.name("state").values("available")))
                .transitGatewayVpcAttachments().stream().toList();
        assertEquals(List.of(attachment.transitGatewayAttachmentId()),
                ofVpc.stream().map(TransitGatewayVpcAttachment::transitGatewayAttachmentId).toList());
        assertEquals(List.of(vpc, other), ec2.describeTransitGatewayVpcAttachments(r -> r.filters(
                f -> f.name("transit-gateway-id").values(gateway))).transitGatewayVpcAttachments().stream()
                .map(TransitGatewayVpcAttachment::vpcId).toList());
        List<TransitGatewayAttachment> generic = ec2.describeTransitGatewayAttachments(r -> r.filters(
                f -> f.name("resource-id").values(other))).transitGatewayAttachments();
        assertEquals(1, generic.size());
        assertEquals("vpc", generic.get(0).resourceTypeAsString());
        assertEquals(gateway, generic.get(0).transitGatewayId());
        assertEquals("InvalidParameterValue", errorCode(() -> ec2.describeTransitGatewayVpcAttachments(r -> r
                .filters(f -> f.name("colour").values("blue")))));

        String table = ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(vpc))).routeTables()
                .get(0).routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("192.0.2.0/24").transitGatewayId(gateway));
        assertEquals(List.of(gateway), ec2.describeRouteTables(r -> r.filters(f -> f.name("route.transit-gateway-id")
                .values(gateway))).routeTables().get(0).routes().stream().map(route -> route.transitGatewayId())
                .filter(id -> id != null).toList());
        assertEquals("InvalidTransitGatewayID.NotFound", errorCode(() -> ec2.createRoute(r -> r.routeTableId(table)
                .destinationCidrBlock("198.51.100.0/24").transitGatewayId("tgw-0123456789abcdef0"))));
    }

    @Test
    void internetGatewayAttachesToOneVpc() {
        String vpc = vpc("10.0.0.0/16");
        String gateway = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        assertTrue(gateway.matches("igw-[0-9a-f]{17}"), gateway);
        ec2.attachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));
        assertEquals("Resource.AlreadyAssociated", errorCode(() -> ec2.attachInternetGateway(r -> r
                .internetGatewayId(gateway).vpcId(vpc))));
        String second = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        assertEquals("Resource.AlreadyAssociated", errorCode(() -> ec2.attachInternetGateway(r -> r
                .internetGatewayId(second).vpcId(vpc))));
        assertEquals("InvalidInternetGatewayID.NotFound", errorCode(() -> ec2.attachInternetGateway(r -> r
                .internetGatewayId("igw-0123456789abcdef0").vpcId(vpc))));
        var attached = ec2.describeInternetGateways(r -> r.filters(f -> f.name("attachment.vpc-id").values(vpc)))
                .internetGateways();
        assertEquals(List.of(gateway), attached.stream().map(g -> g.internetGatewayId()).toList());
        assertEquals("available", attached.get(0).attachments().get(0).stateAsString());
    }

    @Test
    void subnetMovesToAnotherNetworkAclOfItsVpc() {
        String vpc = vpc("10.0.0.0/16");
        String subnet = subnet(vpc, "10.0.1.0/24", "us-east-1a");
        String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
        String association = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("association.subnet-id")
                .values(subnet))).networkAcls().get(0).associations().get(0).networkAclAssociationId();
        String moved = ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(acl))
                .newAssociationId();
        var now = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("association.subnet-id").values(subnet)))
                .networkAcls();
        assertEquals(List.of(acl), now.stream().map(a -> a.networkAclId()).toList());
        assertEquals(moved, now.get(0).associations().get(0).networkAclAssociationId());
        assertEquals("InvalidAssociationID.NotFound", errorCode(() -> ec2.replaceNetworkAclAssociation(r -> r
                .associationId(association).networkAclId(acl))));
        String otherAcl = ec2.createNetworkAcl(r -> r.vpcId(vpc("10.1.0.0/16"))).networkAcl().networkAclId();
        assertEquals("InvalidParameterValue", errorCode(() -> ec2.replaceNetworkAclAssociation(r -> r
                .associationId(moved).networkAclId(otherAcl))));
    }
}
