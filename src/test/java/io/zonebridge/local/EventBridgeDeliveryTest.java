package io.zonebridge.local;

import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EventBridge end to end with real peers: the AWS CLI and SDK change record sets on the emulator, its CloudTrail
 * events go through rules (and cross-account forwarding) to queues of an embedded ElasticMQ.
 */
@ExtendWith(ElasticMqExtension.class)
class EventBridgeDeliveryTest {
    static final String NETWORK = "123456789012";
    static final String MEMBER = "210987654321";
    static final String R53_PATTERN = "{\"source\":[\"aws.route53\"],\"detail\":{\"eventName\":"
            + "[\"ChangeResourceRecordSets\"]}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ElasticMqPeer sqs;
    private LocalAwsServer server;
    private int queueCounter;

    @BeforeAll
    static void useSqs(ElasticMqPeer shared) {
        sqs = shared;
    }

    private LocalAwsServer start(LocalRoute53Options options) {
        server = new LocalAwsServer(options);
        server.start(0);
        return server;
    }

    private LocalAwsServer start() {
        return start(LocalRoute53Options.defaults().withSqsEndpoint(sqs.endpoint()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static EventBridgeClient events(LocalAwsServer server, String accessKey) {
        return EventBridgeClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(StsConformanceTest.key(accessKey))
                .build();
    }

    private String queue(String purpose) {
        return sqs.createQueue(purpose + "-" + System.nanoTime() + "-" + queueCounter++);
    }

    private static String name(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    private static void ruleToQueue(EventBridgeClient events, String rule, String pattern, String account,
                                    String queueUrl) {
        events.putRule(r -> r.name(rule).eventPattern(pattern));
        assertEquals(0, events.putTargets(r -> r.rule(rule).targets(Target.builder().id("q")
                .arn(ElasticMqPeer.queueArn(account, name(queueUrl))).build())).failedEntryCount());
    }

    private static JsonNode resource(String path) throws IOException {
        try (InputStream in = EventBridgeDeliveryTest.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void aCliChangeArrivesInSqsInTheShapeCloudTrailGivesIt() throws Exception {
        start();
        String matching = queue("r53");
        String other = queue("ec2");
        String roleArn = "arn:aws:iam::" + NETWORK + ":role/terraform-ci-deploy";
        Credentials credentials;
        String zoneId;
        try (EventBridgeClient events = events(server, NETWORK);
             StsClient sts = StsConformanceTest.sts(server, StsConformanceTest.key(NETWORK));
             Route53Client r53 = StsConformanceTest.route53(server, StsConformanceTest.key(NETWORK))) {
            ruleToQueue(events, "route53-changes", R53_PATTERN, NETWORK, matching);
            ruleToQueue(events, "ec2-only", "{\"source\":[\"aws.ec2\"]}", NETWORK, other);
            credentials = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("terraform-ci")).credentials();
            zoneId = Route53Fixture.privateZone(r53, "internal.example.com", "vpc-0abc1234def567890").hostedZone()
                    .id().replace("/hostedzone/", "");
        }
        String batch = "{\"Comment\":\"Add web pool\",\"Changes\":[{\"Action\":\"CREATE\",\"ResourceRecordSet\":"
                + "{\"Name\":\"web.internal.example.com.\",\"Type\":\"A\",\"TTL\":300,\"ResourceRecords\":"
                + "[{\"Value\":\"10.0.1.25\"},{\"Value\":\"10.0.1.26\"}]}}]}";
        String cliOutput = cli(credentials, "route53", "change-resource-record-sets", "--hosted-zone-id", zoneId,
                "--change-batch", batch);
        String changeId = JSON.readTree(cliOutput).path("ChangeInfo").path("Id").asText();

        List<String> bodies = sqs.receive(matching, 1, 20);
        assertEquals(1, bodies.size(), "one CloudTrail event; last failure: "
                + server.counters().lastEventDeliveryFailure());
        JsonNode event = JSON.readTree(bodies.get(0));
        JsonNode fixture = resource("/aws-events/sqs/body_eventbridge_direct_r53_a_create.json");
        JsonShape.assertSameShape(fixture, event);
        assertEquals(fixture.path("detail").path("requestParameters").path("changeBatch"),
                event.path("detail").path("requestParameters").path("changeBatch"));
        assertEquals(zoneId, event.path("detail").path("requestParameters").path("hostedZoneId").asText());
        assertEquals(NETWORK, event.path("account").asText());
        assertEquals("us-east-1", event.path("region").asText());
        JsonNode detail = event.path("detail");
        assertEquals(NETWORK, detail.path("recipientAccountId").asText());
        assertEquals("arn:aws:sts::" + NETWORK + ":assumed-role/terraform-ci-deploy/terraform-ci",
                detail.path("userIdentity").path("arn").asText());
        assertEquals(credentials.accessKeyId(), detail.path("userIdentity").path("accessKeyId").asText());
        assertEquals(roleArn, detail.path("userIdentity").path("sessionContext").path("sessionIssuer").path("arn")
                .asText());
        assertTrue(detail.path("userAgent").asText().startsWith("aws-cli/"), detail.path("userAgent").asText());
        JsonNode changeInfo = detail.path("responseElements").path("changeInfo");
        assertEquals(changeId, changeInfo.path("id").asText());
        assertEquals("PENDING", changeInfo.path("status").asText());
        assertTrue(changeInfo.path("submittedAt").asText().matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:"
                + "\\d{2} [AP]M"), changeInfo.path("submittedAt").asText());
        assertTrue(server.awaitEventsDelivered(10_000));
        assertEquals(0, sqs.visible(other), "the aws.ec2 rule must not receive Route 53 events");
        assertEquals(0, server.counters().eventDeliveryFailures());
    }

    @Test
    void aRefusedBatchIsRecordedWithItsErrorLikeCloudTrail() throws Exception {
        start();
        String queueUrl = queue("refused");
        try (EventBridgeClient events = events(server, NETWORK);
             StsClient sts = StsConformanceTest.sts(server, StsConformanceTest.key(NETWORK));
             StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                     .refreshRequest(r -> r.roleArn("arn:aws:iam::" + NETWORK + ":role/terraform-ci-deploy")
                             .roleSessionName("terraform-ci")).build();
             Route53Client r53 = StsConformanceTest.route53(server, assumed)) {
            ruleToQueue(events, "route53-changes", R53_PATTERN, NETWORK, queueUrl);
            String zoneId = Route53Fixture.privateZone(r53, "internal.example.com", "vpc-0abc1234def567890")
                    .hostedZone().id();
            Route53Fixture.apply(r53, zoneId, Route53Fixture.change("CREATE",
                    Route53Fixture.set("db.internal.example.com", "A", 300, "10.0.4.15")));
            InvalidChangeBatchException refused = assertThrows(InvalidChangeBatchException.class,
                    () -> r53.changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(cb -> cb
                            .comment("Managed by Terraform").changes(Route53Fixture.change("CREATE",
                                    Route53Fixture.set("db.internal.example.com", "A", 300, "10.0.4.15"))))));
            List<JsonNode> received = new ArrayList<>();
            for (String body : sqs.receive(queueUrl, 2, 20)) {
                received.add(JSON.readTree(body));
            }
            assertEquals(2, received.size());
            JsonNode failed = received.stream().filter(e -> e.path("detail").has("errorCode")).findFirst()
                    .orElseThrow();
            JsonNode fixture = resource("/aws-events/route53/r53_failed_invalid_change_batch.json");
            JsonShape.assertSameShape(fixture, failed);
            assertEquals("InvalidChangeBatch", failed.path("detail").path("errorCode").asText());
            assertEquals(refused.awsErrorDetails().errorMessage(), failed.path("detail").path("errorMessage")
                    .asText());
            assertTrue(failed.path("detail").path("responseElements").isNull());
            assertEquals("AssumedRole", failed.path("detail").path("userIdentity").path("type").asText());
            assertEquals("db.internal.example.com", failed.path("detail").path("requestParameters")
                    .path("changeBatch").path("changes").path(0).path("resourceRecordSet").path("name").asText(),
                    "names are recorded as sent");
        }
    }

    @Test
    void memberAccountEventsAreForwardedToTheNetworkAccountsBus() throws Exception {
        start();
        String network = queue("network");
        String unmatched = queue("unmatched");
        try (EventBridgeClient memberEvents = events(server, MEMBER);
             EventBridgeClient networkEvents = events(server, NETWORK);
             Route53Client memberR53 = StsConformanceTest.route53(server, StsConformanceTest.key(MEMBER))) {
            memberEvents.putRule(r -> r.name("forward-route53").eventPattern(R53_PATTERN));
            memberEvents.putTargets(r -> r.rule("forward-route53").targets(Target.builder().id("network-bus")
                    .arn("arn:aws:events:us-east-1:" + NETWORK + ":event-bus/default").build()));
            ruleToQueue(networkEvents, "route53-changes", R53_PATTERN, NETWORK, network);
            ruleToQueue(networkEvents, "zone-creations", "{\"source\":[\"aws.route53\"],\"detail\":{\"eventName\":"
                    + "[\"CreateHostedZone\"]}}", NETWORK, unmatched);
            String zoneId = Route53Fixture.privateZone(memberR53, "app.internal.example.com", "vpc-0abc")
                    .hostedZone().id();
            Route53Fixture.apply(memberR53, zoneId, Route53Fixture.change("UPSERT",
                    Route53Fixture.set("api.app.internal.example.com", "AAAA", 60, "2001:db8:1234:1a00::10")));
        }
        List<String> bodies = sqs.receive(network, 1, 20);
        assertEquals(1, bodies.size(), "last failure: " + server.counters().lastEventDeliveryFailure());
        JsonNode event = JSON.readTree(bodies.get(0));
        assertEquals(MEMBER, event.path("account").asText(), "a forwarded event keeps its source account");
        assertEquals("UPSERT", event.path("detail").path("requestParameters").path("changeBatch").path("changes")
                .path(0).path("action").asText());
        assertTrue(server.awaitEventsDelivered(10_000));
        assertEquals(0, sqs.visible(unmatched));
        assertEquals(2, server.counters().eventsDelivered(), "one hop to the network bus, one to its queue");
    }

    @Test
    void putEventsRulesTargetsAndTheirErrors() throws Exception {
        start();
        String big = queue("big");
        String small = queue("small");
        try (EventBridgeClient events = events(server, NETWORK)) {
            ruleToQueue(events, "big", "{\"source\":[{\"prefix\":\"zonebridge.\"}],\"detail\":{\"n\":"
                    + "[{\"numeric\":[\">\",3]}]}}", NETWORK, big);
            ruleToQueue(events, "small", "{\"source\":[\"zonebridge.test\"],\"detail\":{\"n\":"
                    + "[{\"numeric\":[\"<\",3]}]}}", NETWORK, small);
            events.putRule(r -> r.name("disabled").eventPattern("{\"source\":[\"zonebridge.test\"]}")
                    .state("DISABLED"));
            events.putTargets(r -> r.rule("disabled").targets(Target.builder().id("q")
                    .arn(ElasticMqPeer.queueArn(NETWORK, name(small))).build()));
            PutEventsResponse put = events.putEvents(r -> r.entries(
                    e -> e.source("zonebridge.test").detailType("Test").detail("{\"n\":5}").resources("arn:x"),
                    e -> e.source("zonebridge.test").detailType("Test").detail("not json")));
            assertEquals(1, put.failedEntryCount());
            assertEquals("MalformedDetail", put.entries().get(1).errorCode());
            List<String> bodies = sqs.receive(big, 1, 20);
            assertEquals(1, bodies.size());
            JsonNode event = JSON.readTree(bodies.get(0));
            assertEquals(put.entries().get(0).eventId(), event.path("id").asText());
            assertEquals("Test", event.path("detail-type").asText());
            assertEquals("[\"arn:x\"]", event.path("resources").toString());
            assertTrue(server.awaitEventsDelivered(10_000));
            assertEquals(0, sqs.visible(small), "neither the <3 rule nor the disabled one matches");

            DescribeRuleResponse described = events.describeRule(r -> r.name("disabled"));
            assertEquals("arn:aws:events:us-east-1:" + NETWORK + ":rule/disabled", described.arn());
            assertEquals("DISABLED", described.stateAsString());
            List<String> names = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                String from = token;
                var page = events.listRules(r -> r.limit(2).nextToken(from));
                page.rules().stream().map(Rule::name).forEach(names::add);
                token = page.nextToken();
                pages++;
            } while (token != null);
            assertEquals(List.of("big", "small", "disabled"), names);
            assertEquals(2, pages);
            assertEquals(1, events.listTargetsByRule(r -> r.rule("big")).targets().size());
            EventBridgeException hasTargets = assertThrows(EventBridgeException.class,
                    () -> events.deleteRule(r -> r.name("big")));
            assertEquals("ValidationException", hasTargets.awsErrorDetails().errorCode());
            assertEquals(0, events.removeTargets(r -> r.rule("big").ids("q")).failedEntryCount());
            events.deleteRule(r -> r.name("big"));
            assertThrows(ResourceNotFoundException.class, () -> events.describeRule(r -> r.name("big")));
            assertThrows(InvalidEventPatternException.class, () -> events.putRule(r -> r.name("bad")
                    .eventPattern("{\"source\":\"not-an-array\"}")));
        }
    }

    @Test
    void failedDeliveriesAreRetriedCountedAndNeverStopTheEmulator() throws Exception {
        start();
        try (EventBridgeClient events = events(server, NETWORK)) {
            events.putRule(r -> r.name("to-nowhere").eventPattern("{\"source\":[\"zonebridge.test\"]}"));
            events.putTargets(r -> r.rule("to-nowhere").targets(Target.builder().id("q")
                    .arn(ElasticMqPeer.queueArn(NETWORK, "no-such-queue")).build()));
            events.putEvents(r -> r.entries(e -> e.source("zonebridge.test").detailType("T").detail("{}")));
            assertTrue(server.awaitEventsDelivered(30_000));
            assertEquals(1, server.counters().eventDeliveryFailures());
            assertEquals(EventRouter.ATTEMPTS - 1, server.counters().eventDeliveryRetries());
            assertTrue(server.counters().lastEventDeliveryFailure().contains("no-such-queue"));
            assertEquals(1, events.listRules(r -> { }).rules().size(), "the emulator still answers");
        }
    }

    @Test
    void withoutAnSqsEndpointDeliveriesFailAndAreCounted() throws Exception {
        start(LocalRoute53Options.defaults());
        try (EventBridgeClient events = events(server, NETWORK)) {
            ruleToQueue(events, "r", "{\"source\":[\"zonebridge.test\"]}", NETWORK, "http://h/q");
            events.putEvents(r -> r.entries(e -> e.source("zonebridge.test").detailType("T").detail("{}")));
            assertTrue(server.awaitEventsDelivered(30_000));
            assertEquals(1, server.counters().eventDeliveryFailures());
            assertTrue(server.counters().lastEventDeliveryFailure().contains("no SQS endpoint"),
                    server.counters().lastEventDeliveryFailure());
        }
    }

    @Test
    void rulesTargetsOrganizationsAndSessionsSurviveARestart(@TempDir Path dir) throws Exception {
        Path stateFile = dir.resolve("state.json");
        LocalRoute53Options options = LocalRoute53Options.defaults().withSqsEndpoint(sqs.endpoint())
                .withStateFile(stateFile);
        start(options);
        String queueUrl = queue("restart");
        String member;
        Credentials credentials;
        try (EventBridgeClient events = events(server, NETWORK);
             var org = OrganizationsConformanceTest.organizations(server, NETWORK);
             StsClient sts = StsConformanceTest.sts(server, StsConformanceTest.key(NETWORK))) {
            ruleToQueue(events, "route53-changes", R53_PATTERN, NETWORK, queueUrl);
            org.createOrganization(r -> { });
            member = org.createAccount(r -> r.accountName("m").email("m@example.com")).createAccountStatus()
                    .accountId();
            credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + NETWORK + ":role/ops")
                    .roleSessionName("before-restart")).credentials();
        }
        server.stop();
        assertTrue(Files.readString(stateFile).contains("route53-changes"));
        start(options);
        try (EventBridgeClient events = events(server, NETWORK);
             var org = OrganizationsConformanceTest.organizations(server, NETWORK);
             Route53Client r53 = StsConformanceTest.route53(server, StsConformanceTest.key(credentials
                     .accessKeyId()))) {
            assertEquals(R53_PATTERN, events.describeRule(r -> r.name("route53-changes")).eventPattern());
            assertEquals(1, events.listTargetsByRule(r -> r.rule("route53-changes")).targets().size());
            assertTrue(org.listAccountsPaginator(r -> { }).stream().flatMap(p -> p.accounts().stream())
                    .anyMatch(a -> a.id().equals(member)));
            String zoneId = Route53Fixture.privateZone(r53, "restart.internal.example.com", "vpc-1").hostedZone()
                    .id();
            Route53Fixture.apply(r53, zoneId, Route53Fixture.change("CREATE",
                    Route53Fixture.set("a.restart.internal.example.com", "A", 60, "10.0.0.1")));
        }
        List<String> bodies = sqs.receive(queueUrl, 1, 20);
        assertEquals(1, bodies.size(), "only ChangeResourceRecordSets is emitted");
        JsonNode change = parse(bodies.get(0));
        assertEquals("arn:aws:sts::" + NETWORK + ":assumed-role/ops/before-restart",
                change.path("detail").path("userIdentity").path("arn").asText(), "the session outlives a restart");
    }

    @Test
    void aBurstOfChangesIsDeliveredCompletelyAndOnce() throws Exception {
        start();
        String queueUrl = queue("burst");
        int changes = 300;
        try (EventBridgeClient events = events(server, NETWORK);
             Route53Client r53 = StsConformanceTest.route53(server, StsConformanceTest.key(NETWORK))) {
            ruleToQueue(events, "route53-changes", R53_PATTERN, NETWORK, queueUrl);
            String zoneId = Route53Fixture.privateZone(r53, "burst.internal.example.com", "vpc-1").hostedZone()
                    .id();
            long start = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                Route53Fixture.apply(r53, zoneId, Route53Fixture.change("CREATE", Route53Fixture.set(
                        "h" + i + ".burst.internal.example.com", "A", 60, "10.1." + (i / 250) + "." + (i % 250))));
            }
            long applied = System.nanoTime();
            assertTrue(server.awaitEventsDelivered(60_000));
            long delivered = System.nanoTime();
            List<String> bodies = sqs.receive(queueUrl, changes, 60);
            assertEquals(changes, bodies.size());
            assertEquals(changes, bodies.stream().map(b -> parse(b).path("detail").path("eventID").asText())
                    .distinct().count(), "every event once");
            System.out.printf("burst: %d ChangeResourceRecordSets in %d ms, all CloudTrail events in SQS %d ms "
                    + "after the last call%n", changes, (applied - start) / 1_000_000,
                    (delivered - applied) / 1_000_000);
            assertEquals(0, server.counters().eventDeliveryFailures());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String cli(Credentials credentials, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/aws", "--endpoint-url", server.endpoint(),
                "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/nonexistent");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws CLI did not finish");
        assertEquals(0, process.exitValue(), "aws CLI failed: " + err + out);
        assertFalse(out.isBlank());
        return out;
    }
}
