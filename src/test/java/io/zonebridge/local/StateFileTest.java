package io.zonebridge.local;

import io.zonebridge.app.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.AutodefinedReverseFlag;
import software.amazon.awssdk.services.route53resolver.model.ResolverAutodefinedReverseStatus;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.route53resolver.model.IpAddressRequest;
import software.amazon.awssdk.services.route53resolver.model.ResolverEndpointDirection;
import software.amazon.awssdk.services.route53resolver.model.RuleTypeOption;
import software.amazon.awssdk.services.route53resolver.model.TargetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.zonebridge.local.Route53Fixture.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional state file: a local run survives a restart. */
class StateFileTest {

    @Test
    void zonesRecordsCallerReferencesAndResolverConfigsSurviveARestart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("state.json");
        LocalRoute53Options options = LocalRoute53Options.defaults().withStateFile(file);
        LocalAwsServer first = new LocalAwsServer(options);
        first.start(0);
        String zoneId;
        List<ResourceRecordSet> before;
        try (Route53Client r53 = Route53Fixture.client(first, "AKIASTATE");
             Route53ResolverClient resolver = ResolverConformanceTest.client(first, "AKIASTATE")) {
            zoneId = r53.createHostedZone(b -> b.name("persist.example.org").callerReference("persist-1"))
                    .hostedZone().id();
            Route53Fixture.create(r53, zoneId, Route53Fixture.set("*.persist.example.org", "A", 60, "192.0.2.1"),
                    Route53Fixture.set("txt.persist.example.org", "TXT", 300, "\"a b\" \"c\""));
            resolver.updateResolverConfig(b -> b.resourceId("vpc-0abc").autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE));
            before = r53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets();
        } finally {
            first.stop();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "only the state file, no temporary files left");
        }
        LocalAwsServer second = new LocalAwsServer(options);
        second.start(0);
        try (Route53Client r53 = Route53Fixture.client(second, "AKIASTATE");
             Route53ResolverClient resolver = ResolverConformanceTest.client(second, "AKIASTATE")) {
            assertEquals(before, r53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets());
            assertEquals(4L, r53.getHostedZone(b -> b.id(zoneId)).hostedZone().resourceRecordSetCount());
            assertAwsError(409, "HostedZoneAlreadyExists",
                    "A hosted zone has already been created with the specified caller reference.",
                    () -> r53.createHostedZone(b -> b.name("again.example.org").callerReference("persist-1")));
            assertEquals(ResolverAutodefinedReverseStatus.DISABLED,
                    resolver.getResolverConfig(b -> b.resourceId("vpc-0abc")).resolverConfig().autodefinedReverse());
        } finally {
            second.stop();
        }
    }

    /** Everything doctor reads, as the SDK describes it, in one list to compare before and after a restart. */
    private static List<Object> described(Ec2Client ec2, Route53ResolverClient resolver, String endpointId) {
        return List.of(ec2.describeVpcs().vpcs(), ec2.describeSubnets().subnets(),
                ec2.describeDhcpOptions().dhcpOptions(), ec2.describeSecurityGroups().securityGroups(),
                ec2.describeNetworkAcls().networkAcls(), ec2.describeRouteTables().routeTables(),
                ec2.describeInternetGateways().internetGateways(),
                ec2.describeVpcPeeringConnections().vpcPeeringConnections(),
                ec2.describeTransitGateways().transitGateways(),
                ec2.describeTransitGatewayVpcAttachments().transitGatewayVpcAttachments(),
                ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                        .map(i -> i.instanceId() + " " + i.privateIpAddress() + " " + i.state().nameAsString())
                        .toList(),
                resolver.listResolverRules().resolverRules(),
                resolver.listResolverRuleAssociations().resolverRuleAssociations(),
                resolver.listResolverEndpoints().resolverEndpoints(),
                resolver.listResolverEndpointIpAddresses(r -> r.resolverEndpointId(endpointId)).ipAddresses(),
                resolver.listResolverConfigs(r -> { }).resolverConfigs());
    }

    private static boolean settled(Ec2Client ec2, Route53ResolverClient resolver) {
        return ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                .allMatch(i -> i.state().nameAsString().equals("running"))
                && resolver.listResolverEndpoints().resolverEndpoints().stream()
                .allMatch(e -> e.statusAsString().equals("OPERATIONAL")
                        && resolver.listResolverEndpointIpAddresses(r -> r.resolverEndpointId(e.id())).ipAddresses()
                        .stream().allMatch(a -> a.statusAsString().equals("ATTACHED")));
    }

    private static Ec2Client ec2(LocalAwsServer server, String accessKey) {
        return Ec2Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "s")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Test
    void ec2AndResolverRulesAssociationsAndEndpointsSurviveARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        LocalRoute53Options options = LocalRoute53Options.defaults().withPendingMillis(0).withStateFile(file);
        LocalAwsServer first = new LocalAwsServer(options).withEc2Timings(new Ec2Timings(0, 3_600_000));
        first.start(0);
        List<Object> before;
        String endpointId;
        String subnet;
        String group;
        try (Ec2Client ec2 = ec2(first, "AKIASTATEEC2");
             Route53ResolverClient resolver = ResolverConformanceTest.client(first, "AKIASTATEEC2")) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(true)
                    .build()));
            String peer = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
            String peerSubnet = ec2.createSubnet(r -> r.vpcId(peer).cidrBlock("10.1.1.0/24")).subnet().subnetId();
            String options2 = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name")
                    .values("corp.example"))).dhcpOptions().dhcpOptionsId();
            ec2.associateDhcpOptions(r -> r.vpcId(vpc).dhcpOptionsId(options2));
            group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("resolver").description("out")).groupId();
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(IpPermission.builder()
                    .ipProtocol("udp").fromPort(53).toPort(53).ipRanges(IpRange.builder().cidrIp("192.0.2.0/24")
                            .build()).build()));
            String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
            ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("17").egress(true)
                    .portRange(p -> p.from(53).to(53)).cidrBlock("192.0.2.0/24").ruleAction(RuleAction.ALLOW));
            String association = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("association.subnet-id")
                    .values(subnet))).networkAcls().get(0).associations().get(0).networkAclAssociationId();
            ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(acl));
            String gateway = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));
            String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("192.0.2.0/24").gatewayId(gateway));
            ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
            String pcx = ec2.createVpcPeeringConnection(r -> r.vpcId(vpc).peerVpcId(peer)).vpcPeeringConnection()
                    .vpcPeeringConnectionId();
            ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx));
            String tgw = ec2.createTransitGateway(r -> r.description("hub")).transitGateway().transitGatewayId();
            ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(tgw).vpcId(vpc).subnetIds(subnet));
            ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(tgw).vpcId(peer).subnetIds(peerSubnet));
            ec2.runInstances(r -> r.imageId("ami-12345678").minCount(1).maxCount(1).subnetId(subnet));
            endpointId = resolver.createResolverEndpoint(r -> r.creatorRequestId("persisted")
                    .direction(ResolverEndpointDirection.OUTBOUND).securityGroupIds(group)
                    .ipAddresses(IpAddressRequest.builder().subnetId(subnet).build(),
                            IpAddressRequest.builder().subnetId(subnet).build())).resolverEndpoint().id();
            String endpoint = endpointId;
            String rule = resolver.createResolverRule(r -> r.creatorRequestId("persisted-rule")
                    .ruleType(RuleTypeOption.FORWARD).domainName("3.0.10.in-addr.arpa").resolverEndpointId(endpoint)
                    .targetIps(TargetAddress.builder().ip("192.0.2.10").build())).resolverRule().id();
            resolver.associateResolverRule(r -> r.resolverRuleId(rule).vpcId(vpc));
            resolver.updateResolverConfig(r -> r.resourceId(vpc).autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE));
            // what the restart must keep is the settled state: the instance running, the endpoints operational
            Eventually.assertWithin(Duration.ofSeconds(10), () -> settled(ec2, resolver),
                    () -> "instance running and endpoints operational: " + described(ec2, resolver, endpoint));
            before = described(ec2, resolver, endpointId);
        } finally {
            first.stop();
        }
        LocalAwsServer second = new LocalAwsServer(options).withEc2Timings(new Ec2Timings(0, 3_600_000));
        second.start(0);
        try (Ec2Client ec2 = ec2(second, "AKIASTATEEC2");
             Route53ResolverClient resolver = ResolverConformanceTest.client(second, "AKIASTATEEC2")) {
            assertEquals(before, described(ec2, resolver, endpointId));
            assertTrue(before.stream().allMatch(part -> !((List<?>) part).isEmpty()), before.toString());
            String next = resolver.createResolverEndpoint(r -> r.creatorRequestId(UUID.randomUUID().toString())
                    .direction(ResolverEndpointDirection.INBOUND).securityGroupIds(group)
                    .ipAddresses(IpAddressRequest.builder().subnetId(subnet).build(),
                            IpAddressRequest.builder().subnetId(subnet).build())).resolverEndpoint().id();
            assertEquals(List.of("10.0.1.7", "10.0.1.8"), resolver.listResolverEndpointIpAddresses(r -> r
                    .resolverEndpointId(next)).ipAddresses().stream().map(a -> a.ip()).toList(),
                    "the instance (10.0.1.4) and the first endpoint (10.0.1.5-6) still hold their addresses");
        } finally {
            second.stop();
        }
    }

    @Test
    void failedBatchIsNotWrittenToTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("state.json");
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withStateFile(file));
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "AKIASTATE")) {
            String zoneId = Route53Fixture.publicZone(r53, "fail.example.org");
            String saved = Files.readString(file);
            assertThrows(RuntimeException.class, () -> Route53Fixture.create(r53, zoneId,
                    Route53Fixture.set("ok.fail.example.org", "A", 60, "192.0.2.1"),
                    Route53Fixture.set("bad.fail.example.org", "A", 60, "999.0.2.1")));
            assertEquals(saved, Files.readString(file));
        } finally {
            server.stop();
        }
    }

    @Test
    void unreadableStateFileStopsStartWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ not json");
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withStateFile(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> server.start(0));
        assertTrue(e.getMessage().startsWith("cannot read emulator state file " + file), e.getMessage());
        assertEquals(-1, server.port());
    }

    @Test
    void aFileFromBeforeEventBridgeStsAndOrganizationsStillLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("old.json");
        Files.writeString(file, "{\"version\":1,\"accounts\":[{\"accountId\":\"111111111111\",\"zones\":[],"
                + "\"callerReferences\":[\"ref-1\"],\"changes\":[],\"resolverConfigs\":[]}]}");
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withStateFile(file));
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "111111111111")) {
            assertAwsError(409, "HostedZoneAlreadyExists",
                    "A hosted zone has already been created with the specified caller reference.",
                    () -> r53.createHostedZone(b -> b.name("old.example.org").callerReference("ref-1")));
            r53.createHostedZone(b -> b.name("new.example.org").callerReference("ref-2"));
        } finally {
            server.stop();
        }
        String saved = Files.readString(file);
        assertTrue(saved.contains("\"organizations\"") && saved.contains("\"sessions\""), saved);
    }
}
