package io.zonebridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.Filter;
import software.amazon.awssdk.services.route53resolver.model.IpAddressRequest;
import software.amazon.awssdk.services.route53resolver.model.ResolverEndpoint;
import software.amazon.awssdk.services.route53resolver.model.ResolverEndpointDirection;
import software.amazon.awssdk.services.route53resolver.model.ResolverRule;
import software.amazon.awssdk.services.route53resolver.model.ResolverRuleAssociation;
import software.amazon.awssdk.services.route53resolver.model.RuleTypeOption;
import software.amazon.awssdk.services.route53resolver.model.TargetAddress;

/**
 * Route 53 Resolver rules, rule associations and endpoints of the emulator, through the real SDK client (shapes,
 * statuses, paging, error codes) and the real AWS CLI at /usr/bin/aws. Endpoints live in subnets and behind
 * security groups of the emulator's EC2, created first through the EC2 SDK client.
 */
class ResolverRuleConformanceTest {
    private static LocalAwsServer server;
    private static Route53ResolverClient resolver;

    @BeforeAll
    static void start() {
        server = new LocalAwsServer(LocalRoute53Options.defaults().withPendingMillis(0));
        server.start(0);
        resolver = ResolverConformanceTest.client(server, "210987654321");
    }

    @AfterAll
    static void stop() {
        resolver.close();
        server.stop();
    }

    /** A VPC of the account of {@code accessKey} with two subnets and a security group. */
    private record Network(String vpc, String subnetA, String subnetB, String group) {
    }

    private static Network network(String accessKey) {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "s")))
                .build()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
            String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24")).subnet().subnetId();
            String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("resolver").description("out"))
                    .groupId();
            return new Network(vpc, a, b, group);
        }
    }

    /** An outbound endpoint of a new network of the client's account, its addresses picked by Resolver. */
    private static String endpoint(Route53ResolverClient client, String accessKey) {
        Network network = network(accessKey);
        return client.createResolverEndpoint(r -> r.creatorRequestId(UUID.randomUUID().toString()).name("out")
                .direction(ResolverEndpointDirection.OUTBOUND).securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).build()))
                .resolverEndpoint().id();
    }

    private static String forwardRule(String domain, String endpointId) {
        return resolver.createResolverRule(r -> r.creatorRequestId(UUID.randomUUID().toString()).name("fwd")
                .ruleType(RuleTypeOption.FORWARD).domainName(domain).resolverEndpointId(endpointId)
                .targetIps(TargetAddress.builder().ip("192.0.2.10").build())).resolverRule().id();
    }

    private static String errorCode(Runnable call) {
        return assertThrows(AwsServiceException.class, call::run).awsErrorDetails().errorCode();
    }

    @Test
    void endpointIsCreatedThenOperationalWithItsAddresses() {
        Network network = network("210987654321");
        ResolverEndpoint created = resolver.createResolverEndpoint(r -> r.creatorRequestId("ep-1").name("out")
                .direction(ResolverEndpointDirection.OUTBOUND).securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).ip("10.0.1.10").build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).ip("10.0.2.10").build()))
                .resolverEndpoint();
        assertTrue(created.id().matches("rslvr-out-[0-9a-f]{17}"), created.id());
        assertEquals("CREATING", created.statusAsString());
        assertEquals(2, created.ipAddressCount());
        assertEquals(network.vpc(), created.hostVPCId());
        assertEquals("arn:aws:route53resolver:us-east-1:210987654321:resolver-endpoint/" + created.id(),
                created.arn());
        ResolverEndpoint read = resolver.getResolverEndpoint(r -> r.resolverEndpointId(created.id())).resolverEndpoint();
        assertEquals("OPERATIONAL", read.statusAsString());
        assertEquals(List.of(network.group()), read.securityGroupIds());
        assertEquals(network.vpc(), read.hostVPCId());
        var addresses = resolver.listResolverEndpointIpAddresses(r -> r.resolverEndpointId(created.id()))
                .ipAddresses();
        assertEquals(List.of(network.subnetA(), network.subnetB()), addresses.stream().map(a -> a.subnetId())
                .toList());
        assertEquals(List.of("10.0.1.10", "10.0.2.10"), addresses.stream().map(a -> a.ip()).toList());
        assertTrue(addresses.stream().allMatch(a -> a.ipId().startsWith("rni-") && a.statusAsString()
                .equals("ATTACHED")));
        assertEquals("ResourceExistsException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId("ep-1").direction(ResolverEndpointDirection.OUTBOUND)
                .securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).ip("10.0.1.11").build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).ip("10.0.2.11").build()))));
    }

    @Test
    void addressesGivenBySubnetOnlyComeFromTheSubnetAndStayTaken() {
        Network network = network("210987654321");
        ResolverEndpoint first = resolver.createResolverEndpoint(r -> r.creatorRequestId(UUID.randomUUID()
                        .toString()).direction(ResolverEndpointDirection.INBOUND).securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).build(),
                        IpAddressRequest.builder().subnetId(network.subnetA()).build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).ip("10.0.2.4").build()))
                .resolverEndpoint();
        assertEquals(network.vpc(), first.hostVPCId());
        assertEquals(List.of("10.0.1.4", "10.0.1.5", "10.0.2.4"), resolver.listResolverEndpointIpAddresses(r -> r
                .resolverEndpointId(first.id())).ipAddresses().stream().map(a -> a.ip()).toList());
        ResolverEndpoint second = resolver.createResolverEndpoint(r -> r.creatorRequestId(UUID.randomUUID()
                        .toString()).direction(ResolverEndpointDirection.OUTBOUND).securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).build())).resolverEndpoint();
        assertEquals(List.of("10.0.1.6", "10.0.2.5"), resolver.listResolverEndpointIpAddresses(r -> r
                .resolverEndpointId(second.id())).ipAddresses().stream().map(a -> a.ip()).toList());
        assertEquals("ResourceExistsException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId(UUID.randomUUID().toString()).direction(ResolverEndpointDirection.OUTBOUND)
                .securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).ip("10.0.1.5").build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).build()))));
        resolver.deleteResolverEndpoint(r -> r.resolverEndpointId(second.id()));
        ResolverEndpoint third = resolver.createResolverEndpoint(r -> r.creatorRequestId(UUID.randomUUID()
                        .toString()).direction(ResolverEndpointDirection.OUTBOUND).securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).build())).resolverEndpoint();
        assertEquals(List.of("10.0.1.6", "10.0.2.5"), resolver.listResolverEndpointIpAddresses(r -> r
                .resolverEndpointId(third.id())).ipAddresses().stream().map(a -> a.ip()).toList(),
                "a deleted endpoint's addresses are free again");
    }

    @Test
    void endpointInputErrorsAreResolversCodes() {
        Network network = network("210987654321");
        Network elsewhere = network("210987654321");
        assertEquals("InvalidRequestException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId("one-ip").direction(ResolverEndpointDirection.OUTBOUND)
                .securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).ip("10.0.1.10").build()))));
        assertEquals("InvalidParameterException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId("bad-sg").direction(ResolverEndpointDirection.OUTBOUND).securityGroupIds("group")
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).ip("10.0.1.10").build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).ip("10.0.2.10").build()))));
        AwsServiceException unknownSubnet = assertThrows(AwsServiceException.class, () -> resolver
                .createResolverEndpoint(r -> r.creatorRequestId("no-subnet")
                        .direction(ResolverEndpointDirection.OUTBOUND).securityGroupIds(network.group())
                        .ipAddresses(IpAddressRequest.builder().subnetId("subnet-0000000000000000a").build(),
                                IpAddressRequest.builder().subnetId(network.subnetB()).build())));
        assertEquals("InvalidParameterException", unknownSubnet.awsErrorDetails().errorCode());
        assertTrue(unknownSubnet.awsErrorDetails().errorMessage().contains(
                "The subnet ID 'subnet-0000000000000000a' does not exist"), unknownSubnet.getMessage());
        assertEquals("ResourceNotFoundException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId("no-group").direction(ResolverEndpointDirection.OUTBOUND)
                .securityGroupIds("sg-0000000000000000a")
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).build()))));
        assertEquals("InvalidRequestException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId("outside").direction(ResolverEndpointDirection.OUTBOUND)
                .securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).ip("10.0.2.10").build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).build()))));
        assertEquals("InvalidRequestException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId("reserved").direction(ResolverEndpointDirection.OUTBOUND)
                .securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).ip("10.0.1.1").build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).build()))));
        assertEquals("InvalidRequestException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId("two-vpcs").direction(ResolverEndpointDirection.OUTBOUND)
                .securityGroupIds(network.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).build(),
                        IpAddressRequest.builder().subnetId(elsewhere.subnetB()).build()))));
        assertEquals("InvalidRequestException", errorCode(() -> resolver.createResolverEndpoint(r -> r
                .creatorRequestId("group-elsewhere").direction(ResolverEndpointDirection.OUTBOUND)
                .securityGroupIds(elsewhere.group())
                .ipAddresses(IpAddressRequest.builder().subnetId(network.subnetA()).build(),
                        IpAddressRequest.builder().subnetId(network.subnetB()).build()))));
        assertEquals("ResourceNotFoundException", errorCode(() -> resolver.getResolverEndpoint(r -> r
                .resolverEndpointId("rslvr-out-00000000000000000"))));
    }

    @Test
    void ruleLifecycleWithAssociationAndTheInternetResolver() {
        String endpointId = endpoint(resolver, "210987654321");
        String ruleId = forwardRule("Corp.Example.com", endpointId);
        ResolverRule rule = resolver.getResolverRule(r -> r.resolverRuleId(ruleId)).resolverRule();
        assertEquals("corp.example.com.", rule.domainName());
        assertEquals("FORWARD", rule.ruleTypeAsString());
        assertEquals("COMPLETE", rule.statusAsString());
        assertEquals(53, rule.targetIps().get(0).port());
        assertEquals(endpointId, rule.resolverEndpointId());
        assertEquals("NOT_SHARED", rule.shareStatusAsString());

        ResolverRuleAssociation association = resolver.associateResolverRule(r -> r.resolverRuleId(ruleId)
                .vpcId("vpc-0123")).resolverRuleAssociation();
        assertEquals("CREATING", association.statusAsString());
        assertTrue(association.id().startsWith("rslvr-rrassoc-"), association.id());
        List<ResolverRuleAssociation> ofVpc = resolver.listResolverRuleAssociations(r -> r.filters(
                Filter.builder().name("VPCId").values("vpc-0123").build())).resolverRuleAssociations();
        assertEquals(List.of(ruleId), ofVpc.stream().map(ResolverRuleAssociation::resolverRuleId).toList());
        assertEquals("COMPLETE", ofVpc.get(0).statusAsString());

        String sameDomain = forwardRule("corp.example.com", endpointId);
        assertEquals("InvalidRequestException", errorCode(() -> resolver.associateResolverRule(r -> r
                .resolverRuleId(sameDomain).vpcId("vpc-0123"))));
        assertEquals("ResourceInUseException", errorCode(() -> resolver.deleteResolverRule(r -> r
                .resolverRuleId(ruleId))));
        assertEquals("InvalidRequestException", errorCode(() -> resolver.deleteResolverEndpoint(r -> r
                .resolverEndpointId(endpointId))));

        assertEquals("DELETING", resolver.disassociateResolverRule(r -> r.resolverRuleId(ruleId).vpcId("vpc-0123"))
                .resolverRuleAssociation().statusAsString());
        assertEquals("ResourceNotFoundException", errorCode(() -> resolver.disassociateResolverRule(r -> r
                .resolverRuleId(ruleId).vpcId("vpc-0123"))));
        assertEquals("DELETING", resolver.deleteResolverRule(r -> r.resolverRuleId(ruleId)).resolverRule()
                .statusAsString());
        assertEquals("ResourceNotFoundException", errorCode(() -> resolver.getResolverRule(r -> r
                .resolverRuleId(ruleId))));

        ResolverRule internet = resolver.getResolverRule(r -> r.resolverRuleId("rslvr-autodefined-rr-internet-resolver"))
                .resolverRule();
        assertEquals(".", internet.domainName());
        assertEquals("RECURSIVE", internet.ruleTypeAsString());
        assertEquals("Route 53 Resolver", internet.ownerId());
    }

    @Test
    void ruleInputErrorsAreResolversCodes() {
        String endpointId = endpoint(resolver, "210987654321");
        assertEquals("InvalidRequestException", errorCode(() -> resolver.createResolverRule(r -> r
                .creatorRequestId("sys").ruleType(RuleTypeOption.SYSTEM).domainName("a.example")
                .resolverEndpointId(endpointId))));
        assertEquals("InvalidRequestException", errorCode(() -> resolver.createResolverRule(r -> r
                .creatorRequestId("fwd-no-targets").ruleType(RuleTypeOption.FORWARD).domainName("a.example")
                .resolverEndpointId(endpointId))));
        assertEquals("ResourceNotFoundException", errorCode(() -> resolver.createResolverRule(r -> r
                .creatorRequestId("no-endpoint").ruleType(RuleTypeOption.FORWARD).domainName("a.example")
                .resolverEndpointId("rslvr-out-00000000000000000")
                .targetIps(TargetAddress.builder().ip("192.0.2.1").build()))));
        assertEquals("InvalidParameterException", errorCode(() -> resolver.createResolverRule(r -> r
                .creatorRequestId("bad-ip").ruleType(RuleTypeOption.FORWARD).domainName("a.example")
                .resolverEndpointId(endpointId).targetIps(TargetAddress.builder().ip("300.1.1.1").build()))));
        assertEquals("ResourceNotFoundException", errorCode(() -> resolver.associateResolverRule(r -> r
                .resolverRuleId("rslvr-rr-00000000000000000").vpcId("vpc-0123"))));
        assertEquals("InvalidParameterException", errorCode(() -> resolver.listResolverRules(r -> r.filters(
                Filter.builder().name("Colour").values("blue").build()))));
    }

    @Test
    void rulesArePagedWithTheSdkPaginatorAndFiltered() {
        try (Route53ResolverClient client = ResolverConformanceTest.client(server, "AKIAPAGEDRULES0")) {
            String endpointId = endpoint(client, "AKIAPAGEDRULES0");
            for (int i = 0; i < 7; i++) {
                int n = i;
                client.createResolverRule(r -> r.creatorRequestId("page-" + n).ruleType(RuleTypeOption.SYSTEM)
                        .domainName("s" + n + ".example"));
            }
            client.createResolverRule(r -> r.creatorRequestId("fwd").ruleType(RuleTypeOption.FORWARD)
                    .domainName("f.example").resolverEndpointId(endpointId)
                    .targetIps(TargetAddress.builder().ip("192.0.2.1").build()));
            List<String> ids = new ArrayList<>();
            client.listResolverRulesPaginator(r -> r.maxResults(3)).resolverRules().forEach(r -> ids.add(r.id()));
            assertEquals(9, ids.size(), ids.toString());
            assertEquals("rslvr-autodefined-rr-internet-resolver", ids.get(0));
            var firstPage = client.listResolverRules(r -> r.maxResults(3));
            assertEquals(3, firstPage.resolverRules().size());
            assertTrue(firstPage.nextToken() != null);
            List<ResolverRule> system = client.listResolverRules(r -> r.filters(Filter.builder().name("Type")
                    .values("SYSTEM").build())).resolverRules();
            assertEquals(7, system.size());
            var last = client.listResolverRules(r -> r.filters(Filter.builder().name("DomainName")
                    .values("f.example.").build()));
            assertEquals(1, last.resolverRules().size());
            assertNull(last.nextToken());
        }
    }

    @Test
    void awsCliCreatesAssociatesAndListsRules() throws Exception {
        Network network = network("AKIACLIRULES000");
        JsonNode endpoint = aws("route53resolver", "create-resolver-endpoint", "--creator-request-id", "cli-ep",
                "--direction", "OUTBOUND", "--security-group-ids", network.group(), "--ip-addresses",
                "SubnetId=" + network.subnetA() + ",Ip=10.0.1.10", "SubnetId=" + network.subnetB());
        assertEquals(network.vpc(), endpoint.path("ResolverEndpoint").path("HostVPCId").asText());
        String endpointId = endpoint.path("ResolverEndpoint").path("Id").asText();
        JsonNode rule = aws("route53resolver", "create-resolver-rule", "--creator-request-id", "cli-rule",
                "--rule-type", "FORWARD", "--domain-name", "onprem.example", "--resolver-endpoint-id", endpointId,
                "--target-ips", "Ip=192.0.2.53,Port=53");
        String ruleId = rule.path("ResolverRule").path("Id").asText();
        assertEquals("onprem.example.", rule.path("ResolverRule").path("DomainName").asText());
        aws("route53resolver", "associate-resolver-rule", "--resolver-rule-id", ruleId, "--vpc-id", "vpc-0c11");
        JsonNode associations = aws("route53resolver", "list-resolver-rule-associations", "--filters",
                "Name=VPCId,Values=vpc-0c11");
        assertEquals(ruleId, associations.path("ResolverRuleAssociations").get(0).path("ResolverRuleId").asText());
        JsonNode addresses = aws("route53resolver", "list-resolver-endpoint-ip-addresses", "--resolver-endpoint-id",
                endpointId);
        assertEquals("10.0.1.10", addresses.path("IpAddresses").get(0).path("Ip").asText());
        assertEquals("10.0.2.4", addresses.path("IpAddresses").get(1).path("Ip").asText());
        Process failing = awsProcess("route53resolver", "delete-resolver-rule", "--resolver-rule-id", ruleId);
        String output = new String(failing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(failing.waitFor(60, TimeUnit.SECONDS));
        assertEquals(254, failing.exitValue(), output);
        assertTrue(output.contains("ResourceInUseException"), output);
    }

    private static JsonNode aws(String... args) throws Exception {
        Process process = awsProcess(args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return new ObjectMapper().readTree(output);
    }

    private static Process awsProcess(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/aws", "--endpoint-url", server.endpoint(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIACLIRULES000");
        env.put("AWS_SECRET_ACCESS_KEY", "s");
        env.put("AWS_PAGER", "");
        env.remove("AWS_PROFILE");
        return builder.start();
    }
}
