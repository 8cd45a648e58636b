package io.zonebridge.app.reverse;

import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.organization.OrganizationReconcileJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import io.zonebridge.app.Route53Connection;
import io.zonebridge.cli.ZonebridgeCommand;
import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.Route53ClientFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * End to end, locally, as the README tells a user: the local emulator, ElasticMQ and DynamoDB Local (PTR ownership); {@code zonebridge provision}
 * creates the queues and rules; the service runs its reverse routes from zonebridge.yaml; the real AWS CLI
 * ({@code /usr/bin/aws route53 change-resource-record-sets}) creates an A record in a private zone, and its PTR
 * appears in the reverse zone. The provisioned schedule rule fires (the emulator's minute shortened to 2 s), and its
 * Scheduled Event messages run the organisation reconcile.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/reverse-e2e-test/zonebridge.yaml",
        "zonebridge.reverse.debounce=300", "zonebridge.apply.debounceCheck=50"})
class ReverseEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DIR = Path.of("target/reverse-e2e-test");
    private static ElasticMqPeer sqs;
    private static DynamoDbLocal dynamo;
    private static LocalAwsServer server;
    private static Route53Client route53;
    private static String forwardZone;
    private static String reverseZone;
    private static int provisionExit;

    @BeanInject
    CamelContext context;

    @BeanInject
    OrganizationReconcileJob reconcile;

    @BeforeAll
    static void startPeersAndProvision(ElasticMqPeer sharedSqs, DynamoDbLocal classDynamo) throws Exception {
        sqs = sharedSqs;
        dynamo = classDynamo;
        server = new LocalAwsServer(LocalRoute53Options.defaults().withSqsEndpoint(sqs.endpoint()))
                .scheduleMinute(Duration.ofSeconds(2));
        server.start(0);
        route53 = new Route53ClientFactory().endpoint(URI.create(server.endpoint()))
                .rateLimiter(new AccountRateLimiter(20)).credentials(Route53Connection.localCredentials()).create();
        forwardZone = ReversePeers.privateZone(route53, "corp.example.");
        reverseZone = ReversePeers.privateZone(route53, "10.in-addr.arpa.");
        provisionExit = ZonebridgeCommand.execute("provision", "--endpoint", server.endpoint(),
                "--sqs-endpoint", sqs.endpoint().toString(), "--schedule", "rate(5 minutes)");
        Files.createDirectories(DIR);
        Files.deleteIfExists(DIR.resolve("owned-ptrs.json"));
        Files.writeString(DIR.resolve("zonebridge.yaml"), """
                route53:
                  endpoint: %s
                secondary:
                  notify: { enabled: false }
                reverse:
                  enabled: true
                  sqsEndpoint: %s
                  ledger: %s
                  ownership: { endpoint: "%s" }
                """.formatted(server.endpoint(), sqs.endpoint(), DIR.resolve("owned-ptrs.json"), dynamo.endpoint()));
    }

    @AfterAll
    static void stopPeers() throws Exception {
        route53.close();
        server.stop();
    }

    @Test
    void anAwsCliChangeMakesThePtrAppearAndTheScheduleRunsTheReconcile() throws Exception {
        assertEquals(0, provisionExit, "provision succeeded");
        assertTrue(context.getRouteController().getRouteStatus("reverse-ingest").isStarted());

        String batch = """
                {"Comment":"web server","Changes":[{"Action":"CREATE","ResourceRecordSet":{"Name":"web.corp.example",
                 "Type":"A","TTL":300,"ResourceRecords":[{"Value":"10.0.3.21"}]}}]}""";
        ProcessBuilder aws = new ProcessBuilder("/usr/bin/aws", "--endpoint-url", server.endpoint(), "route53",
                "change-resource-record-sets", "--hosted-zone-id", forwardZone, "--change-batch", batch)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = aws.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIAZONEBRIDGELOCAL0"); // the key the service uses locally: one account
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        Process process = aws.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("\"Status\""), output);

        Eventually.assertWithin(WAIT, () -> List.of("web.corp.example.").equals(ptrs().get("21.3.0.10.in-addr.arpa.")),
                () -> "PTR of 10.0.3.21: " + ptrs());
        Eventually.assertWithin(WAIT, () -> reconcile.runs() >= 1,
                () -> "the schedule rule's Scheduled Event ran the reconcile");
        assertEquals(0, reconcile.lastReport().orElseThrow().ptrsCreated(), "the event already made the PTR");
        Eventually.assertWithin(WAIT, () -> visible() == 0, () -> "every message deleted");
    }

    private static Map<String, List<String>> ptrs() {
        Map<String, List<String>> ptrs = new java.util.TreeMap<>();
        for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(reverseZone))
                .resourceRecordSets()) {
            if (set.type() == RRType.PTR) {
                ptrs.put(set.name(), set.resourceRecords().stream().map(ResourceRecord::value).sorted().toList());
            }
        }
        return ptrs;
    }

    private static int visible() {
        return sqs.visible(sqs.client().getQueueUrl(r -> r.queueName("zonebridge-reverse")).queueUrl());
    }
}
