package io.zonebridge.local;

import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The emulator's EventBridge bus policies (PutPermission, RemovePermission, DescribeEventBus's Policy) and schedule
 * rules (expressions checked; rates fire Scheduled Events to their targets, here an ElasticMQ queue, with the
 * emulator's minute shortened), through the SDK.
 */
@ExtendWith(ElasticMqExtension.class)
class EventBridgeScheduleAndPolicyTest {

    private static final String ACCOUNT = "123456789012";
    private final ObjectMapper json = new ObjectMapper();
    private ElasticMqPeer sqs;
    private LocalAwsServer server;
    private EventBridgeClient events;

    @BeforeEach
    void start(ElasticMqPeer sqs) {
        this.sqs = sqs;
        server = new LocalAwsServer(LocalRoute53Options.defaults().withSqsEndpoint(sqs.endpoint()))
                .scheduleMinute(Duration.ofMillis(500));
        server.start(0);
        events = EventBridgeClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "x"))).build();
    }

    @AfterEach
    void stop() {
        events.close();
        server.stop();
    }

    @Test
    void putPermissionStatementsAreShownAndRemoved() throws Exception {
        assertNull(events.describeEventBus(r -> r.name("default")).policy(), "no policy yet");
        events.putPermission(r -> r.action("events:PutEvents").principal("*").statementId("org")
                .condition(c -> c.type("StringEquals").key("aws:PrincipalOrgID").value("o-abc123")));
        events.putPermission(r -> r.action("events:PutEvents").principal("210987654321").statementId("one"));
        JsonNode statements = json.readTree(events.describeEventBus(r -> r.name("default")).policy()).path("Statement");
        assertEquals(2, statements.size());
        assertEquals("o-abc123", statements.get(0).path("Condition").path("StringEquals").path("aws:PrincipalOrgID").asText());
        assertEquals("*", statements.get(0).path("Principal").path("AWS").asText());
        assertEquals("arn:aws:iam::210987654321:root", statements.get(1).path("Principal").path("AWS").asText());
        assertEquals("arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default", statements.get(1).path("Resource").asText());

        events.removePermission(r -> r.statementId("one"));
        assertEquals(1, json.readTree(events.describeEventBus(r -> r.name("default")).policy()).path("Statement").size());
        assertThrows(ResourceNotFoundException.class, () -> events.removePermission(r -> r.statementId("one")));
        EventBridgeException bad = assertThrows(EventBridgeException.class, () -> events.putPermission(r -> r
                .action("events:PutEvents").principal("12").statementId("bad")));
        assertEquals("ValidationException", bad.awsErrorDetails().errorCode());
    }

    @Test
    void scheduleExpressionsAreChecked() {
        for (String bad : List.of("rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "every 5 minutes", "cron(0 2 * *)")) {
            EventBridgeException error = assertThrows(EventBridgeException.class,
                    () -> events.putRule(r -> r.name("bad").scheduleExpression(bad)), bad);
            assertEquals("Parameter ScheduleExpression is not valid.", error.awsErrorDetails().errorMessage(), bad);
        }
        assertFalse(events.putRule(r -> r.name("nightly").scheduleExpression("cron(0 2 * * ? *)")).ruleArn().isEmpty());
        events.putRule(r -> r.name("hourly").scheduleExpression("rate(1 hour)"));
        assertEquals("rate(1 hour)", events.describeRule(r -> r.name("hourly")).scheduleExpression());
    }

    @Test
    void aRateRuleFiresScheduledEventsToItsTargetsAndADisabledOneDoesNot() throws Exception {
        String queue = "schedule-" + System.nanoTime();
        String queueUrl = sqs.createQueue(queue);
        String ruleArn = events.putRule(r -> r.name("tick").scheduleExpression("rate(2 minutes)")).ruleArn();
        events.putTargets(r -> r.rule("tick").targets(Target.builder().id("q")
                .arn(ElasticMqPeer.queueArn(ACCOUNT, queue)).build()));
        List<String> bodies = sqs.receive(queueUrl, 2, 10); // a "minute" is 500 ms: one event a second
        assertEquals(2, bodies.size(), bodies.toString());
        JsonNode event = json.readTree(bodies.get(0));
        assertEquals("Scheduled Event", event.path("detail-type").asText());
        assertEquals("aws.events", event.path("source").asText());
        assertEquals(ACCOUNT, event.path("account").asText());
        assertEquals(ruleArn, event.path("resources").get(0).asText());
        assertTrue(event.path("detail").isObject() && event.path("detail").isEmpty());

        events.disableRule(r -> r.name("tick"));
        server.awaitEventsDelivered(2000);
        sqs.receive(queueUrl, 10, 2); // drain what was under way
        assertEquals(List.of(), sqs.receive(queueUrl, 1, 3), "a disabled rule does not fire");
    }
}
