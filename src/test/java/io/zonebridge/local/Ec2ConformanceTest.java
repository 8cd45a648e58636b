package io.zonebridge.local;

import io.zonebridge.app.Eventually;
import java.time.Duration;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eventbridge.model.Target;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's EC2 subset through the real SDK and /usr/bin/aws: addresses, tags, filters, pagination, EC2's
 * error codes, state transitions with their events delivered through an EventBridge rule to a real SQS
 * (ElasticMQ), the CloudTrail CreateTags event, terminated instances disappearing, and the throttle.
 */
@ExtendWith(ElasticMqExtension.class)
class Ec2ConformanceTest {
    private static final String ACCOUNT = "123456789012";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ElasticMqPeer sqs;
    private LocalAwsServer server;
    private Ec2Client ec2;

    @BeforeAll
    static void useSqs(ElasticMqPeer shared) {
        sqs = shared;
    }

    private void start(LocalRoute53Options options, Ec2Timings timings) {
        server = new LocalAwsServer(options.withSqsEndpoint(sqs.endpoint())).withEc2Timings(timings);
        server.start(0);
        ec2 = Ec2Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "s")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        if (ec2 != null) {
            ec2.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private String subnet(String vpcCidr, String subnetCidr) {
        String vpc = ec2.createVpc(r -> r.cidrBlock(vpcCidr)).vpc().vpcId();
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(subnetCidr)).subnet().subnetId();
    }

    private static TagSpecification instanceTags(String key, String value) {
        return TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                .tags(Tag.builder().key(key).value(value).build()).build();
    }

    private Instance describe(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    private void awaitState(String id, InstanceStateName state) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (describe(id).state().name() != state) {
            assertTrue(System.currentTimeMillis() < end, id + " never became " + state);
            Thread.sleep(20);
        }
    }

    @Test
    void runInstancesGivesSubnetAddressesTagsAndDnsNames() throws Exception {
        start(LocalRoute53Options.defaults(), new Ec2Timings(50, 3_600_000));
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16").amazonProvidedIpv6CidrBlock(true)).vpc().vpcId();
        String v6 = ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).ipv6CidrBlockAssociationSet().get(0)
                .ipv6CidrBlock();
        assertTrue(v6.endsWith("00::/56"), v6);
        String subnetV6 = v6.replace("00::/56", "01::/64");
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.1.0/24").ipv6CidrBlock(subnetV6))
                .subnet().subnetId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        Instance launched = ec2.runInstances(r -> r.imageId("ami-1").minCount(2).maxCount(2).subnetId(subnet)
                .ipv6AddressCount(1).tagSpecifications(instanceTags("ZONE", "a.example."))).instances().get(0);
        assertEquals(InstanceStateName.PENDING, launched.state().name());
        assertEquals("10.20.1.4", launched.privateIpAddress(), "the first 4 addresses are AWS's");
        assertEquals("ip-10-20-1-4.ec2.internal", launched.privateDnsName());
        assertNull(launched.publicIpAddress());
        assertTrue(launched.ipv6Address().startsWith(subnetV6.replace("::/64", ":")), launched.ipv6Address());
        assertEquals(List.of(Tag.builder().key("ZONE").value("a.example.").build()), launched.tags());

        String withPublic = ec2.runInstances(r -> r.imageId("ami-1").minCount(1).maxCount(1)
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).privateIpAddress("10.20.1.77")
                        .associatePublicIpAddress(true))).instances().get(0).instanceId();
        awaitState(withPublic, InstanceStateName.RUNNING);
        Instance described = describe(withPublic);
        assertEquals("10.20.1.77", described.privateIpAddress());
        assertNotNull(described.publicIpAddress());
        assertTrue(described.publicDnsName().endsWith(".compute-1.amazonaws.com"), described.publicDnsName());
        assertEquals(vpc, described.vpcId());
        assertEquals(subnet, described.subnetId());

        Ec2Exception inUse = assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId("ami-1")
                .minCount(1).maxCount(1).subnetId(subnet).privateIpAddress("10.20.1.77")));
        assertEquals("InvalidIPAddress.InUse", inUse.awsErrorDetails().errorCode());
        Ec2Exception outside = assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId("ami-1")
                .minCount(1).maxCount(1).subnetId(subnet).privateIpAddress("10.99.1.7")));
        assertEquals("InvalidParameterValue", outside.awsErrorDetails().errorCode());
    }

    @Test
    void describeInstancesFiltersPagesAndNamesUnknownIds() {
        start(LocalRoute53Options.defaults(), new Ec2Timings(50, 3_600_000));
        String subnet = subnet("10.30.0.0/16", "10.30.0.0/20");
        ec2.runInstances(r -> r.imageId("ami-1").minCount(12).maxCount(12).subnetId(subnet)
                .tagSpecifications(instanceTags("ZONE", "z.example.")));
        ec2.runInstances(r -> r.imageId("ami-1").minCount(3).maxCount(3).subnetId(subnet));
        List<String> pages = new ArrayList<>();
        List<Instance> tagged = new ArrayList<>();
        ec2.describeInstancesPaginator(r -> r.maxResults(5).filters(Filter.builder().name("tag:ZONE")
                .values("z.*").build())).forEach(page -> {
                    pages.add(page.nextToken());
                    page.reservations().forEach(res -> tagged.addAll(res.instances()));
                });
        assertEquals(12, tagged.size());
        assertEquals(3, pages.size(), "12 instances in pages of 5");
        assertNull(pages.get(2));
        assertEquals(15, ec2.describeInstances(r -> r.filters(Filter.builder().name("subnet-id").values(subnet)
                .build())).reservations().stream().mapToInt(res -> res.instances().size()).sum());
        assertEquals(0, ec2.describeInstances(r -> r.filters(Filter.builder().name("instance-id")
                .values("i-0123456789abcdef0").build())).reservations().size(), "an unknown id in a filter: none");

        Ec2Exception missing = assertThrows(Ec2Exception.class,
                () -> ec2.describeInstances(r -> r.instanceIds("i-0123456789abcdef0")));
        assertEquals("InvalidInstanceID.NotFound", missing.awsErrorDetails().errorCode());
        assertEquals("The instance ID 'i-0123456789abcdef0' does not exist", missing.awsErrorDetails().errorMessage());
        Ec2Exception malformed = assertThrows(Ec2Exception.class,
                () -> ec2.describeInstances(r -> r.instanceIds("web-01")));
        assertEquals("InvalidInstanceID.Malformed", malformed.awsErrorDetails().errorCode());
        Ec2Exception badFilter = assertThrows(Ec2Exception.class, () -> ec2.describeInstances(r -> r.filters(
                Filter.builder().name("no-such-filter").values("x").build())));
        assertEquals("InvalidParameterValue", badFilter.awsErrorDetails().errorCode());
        Ec2Exception vpc = assertThrows(Ec2Exception.class, () -> ec2.describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")));
        assertEquals("InvalidVpcID.NotFound", vpc.awsErrorDetails().errorCode());
    }

    @Test
    void stateChangesAndCreateTagsReachSqsThroughARuleAndTerminatedInstancesDisappear() throws Exception {
        start(LocalRoute53Options.defaults(), new Ec2Timings(50, 1500));
        var events = EventBridgeDeliveryTest.events(server, ACCOUNT);
        String queueUrl = sqs.createQueue("ec2-events-" + System.nanoTime());
        events.putRule(r -> r.name("ec2").eventPattern("{\"source\":[\"aws.ec2\"]}"));
        events.putTargets(r -> r.rule("ec2").targets(Target.builder().id("q")
                .arn(ElasticMqPeer.queueArn(ACCOUNT, queueUrl.substring(queueUrl.lastIndexOf('/') + 1))).build()));
        String subnet = subnet("10.40.0.0/16", "10.40.1.0/24");
        String id = ec2.runInstances(r -> r.imageId("ami-1").minCount(1).maxCount(1).subnetId(subnet))
                .instances().get(0).instanceId();
        awaitState(id, InstanceStateName.RUNNING);
        ec2.createTags(r -> r.resources(id).tags(Tag.builder().key("ZONE").value("late.example.").build()));
        ec2.stopInstances(r -> r.instanceIds(id));
        awaitState(id, InstanceStateName.STOPPED);
        assertEquals(InstanceStateName.STOPPED, ec2.stopInstances(r -> r.instanceIds(id)).stoppingInstances().get(0)
                .currentState().name(), "stopping a stopped instance changes nothing");
        ec2.startInstances(r -> r.instanceIds(id));
        awaitState(id, InstanceStateName.RUNNING);
        ec2.terminateInstances(r -> r.instanceIds(id));
        awaitState(id, InstanceStateName.TERMINATED);
        Instance gone = describe(id);
        assertNull(gone.privateIpAddress(), "a terminated instance has no address any more");
        Ec2Exception notStoppable = assertThrows(Ec2Exception.class, () -> ec2.stopInstances(r -> r.instanceIds(id)));
        assertEquals("IncorrectInstanceState", notStoppable.awsErrorDetails().errorCode());

        // eight state changes and one CreateTags call; then nothing else once the emulator delivered all it had
        List<String> bodies = sqs.receive(queueUrl, 9, 10);
        assertTrue(server.awaitEventsDelivered(5000), "the emulator's events delivered");
        assertEquals(0, sqs.visible(queueUrl), "no event beyond those nine: " + bodies);
        List<String> states = new ArrayList<>();
        JsonNode createTags = null;
        for (String body : bodies) {
            JsonNode event = JSON.readTree(body);
            assertEquals("aws.ec2", event.path("source").asText());
            if (event.path("detail-type").asText().equals("EC2 Instance State-change Notification")) {
                assertEquals(id, event.path("detail").path("instance-id").asText());
                assertEquals("arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/" + id, event.path("resources").get(0).asText());
                states.add(event.path("detail").path("state").asText());
            } else {
                createTags = event;
            }
        }
        assertEquals(List.of("pending", "pending", "running", "running", "shutting-down", "stopped", "stopping",
                "terminated"), states.stream().sorted().toList());
        assertNotNull(createTags, "the CloudTrail CreateTags event: " + bodies);
        assertEquals("AWS API Call via CloudTrail", createTags.path("detail-type").asText());
        JsonNode detail = createTags.path("detail");
        assertEquals("CreateTags", detail.path("eventName").asText());
        assertEquals(id, detail.path("requestParameters").path("resourcesSet").path("items").get(0)
                .path("resourceId").asText());
        assertEquals("late.example.", detail.path("requestParameters").path("tagSet").path("items").get(0)
                .path("value").asText());

        Eventually.assertWithin(Duration.ofSeconds(10), () -> {
            try {
                describe(id);
                return false;
            } catch (Ec2Exception e) {
                return "InvalidInstanceID.NotFound".equals(e.awsErrorDetails().errorCode());
            }
        }, () -> "the terminated instance disappears from DescribeInstances");
    }

    @Test
    void overTheRateEc2AnswersRequestLimitExceededAndTheSdkRetries() {
        start(LocalRoute53Options.defaults().withRequestsPerSecond(5), new Ec2Timings(0, 3_600_000));
        for (int i = 0; i < 20; i++) {
            ec2.describeVpcs();
        }
        assertTrue(server.counters().throttles() > 0, "20 calls at 5/s must meet the throttle");
        assertEquals(20 + server.counters().throttles(), server.counters().requests("DescribeVpcs"));
    }

    @Test
    void theAwsCliRunsTagsPagesAndTerminates() throws Exception {
        start(LocalRoute53Options.defaults(), new Ec2Timings(0, 3_600_000));
        String subnet = subnet("10.50.0.0/16", "10.50.1.0/24");
        JsonNode run = JSON.readTree(cli("ec2", "run-instances", "--image-id", "ami-1", "--count", "7",
                "--subnet-id", subnet, "--tag-specifications",
                "ResourceType=instance,Tags=[{Key=ZONE,Value=cli.example.}]"));
        assertEquals(7, run.path("Instances").size());
        String first = run.path("Instances").get(0).path("InstanceId").asText();
        JsonNode listed = JSON.readTree(cli("ec2", "describe-instances", "--page-size", "5", "--filters",
                "Name=tag:ZONE,Values=cli.example.", "--query", "Reservations[].Instances[].InstanceId"));
        assertEquals(7, listed.size(), "the CLI follows nextToken: " + listed);
        cli("ec2", "create-tags", "--resources", first, "--tags", "Key=CNAME,Value=www.cli.example.");
        JsonNode tags = JSON.readTree(cli("ec2", "describe-instances", "--instance-ids", first, "--query",
                "Reservations[0].Instances[0].Tags"));
        assertEquals(2, tags.size());
        JsonNode terminated = JSON.readTree(cli("ec2", "terminate-instances", "--instance-ids", first));
        assertEquals("shutting-down", terminated.path("TerminatingInstances").get(0).path("CurrentState")
                .path("Name").asText());
        String unknown = cliFailure("ec2", "describe-instances", "--instance-ids", "i-0123456789abcdef0");
        assertTrue(unknown.contains("InvalidInstanceID.NotFound"), unknown);
    }

    private String cli(String... args) throws Exception {
        Process process = cliProcess(args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        return out;
    }

    private String cliFailure(String... args) throws Exception {
        Process process = cliProcess(args);
        process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertFalse(process.exitValue() == 0);
        return err;
    }

    private Process cliProcess(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/aws", "--endpoint-url", server.endpoint(),
                "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", ACCOUNT);
        env.put("AWS_SECRET_ACCESS_KEY", "s");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/nonexistent");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        return builder.start();
    }
}
