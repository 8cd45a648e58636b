package io.zonebridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonebridge.testpeers.MotoServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code zonebridge provision} against moto_server, an AWS emulator nobody here wrote, whose SQS keeps queue
 * policies: the network account's plumbing including the queue policy, idempotent on a second run, and the member
 * account's forwarding rule whose target is the network account's bus.
 */
class ProvisionMotoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MotoServer moto;
    private static EventBridgeClient events;
    private static SqsClient sqs;
    private static String organizationId;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        events = EventBridgeClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(MotoServer.credentials()).build();
        sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(MotoServer.credentials()).build();
        try (OrganizationsClient organizations = OrganizationsClient.builder().endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(MotoServer.credentials()).build()) {
            organizationId = organizations.createOrganization(r -> r.featureSet("ALL")).organization().id();
        }
    }

    @AfterAll
    static void stop() {
        events.close();
        sqs.close();
        moto.close();
    }

    @Test
    void theNetworkAccountGetsQueuesRulesAndPoliciesOnce() throws Exception {
        String[] args = {"provision", "--endpoint", moto.endpoint().toString(), "--sqs-endpoint",
                moto.endpoint().toString(), "--queue", "zb-events", "--max-receive-count", "3"};
        CommandRun first = CommandRun.of(args);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().endsWith("8 created, 0 updated, 0 exist, 0 skipped" + System.lineSeparator()), first.out());

        String url = sqs.getQueueUrl(r -> r.queueName("zb-events")).queueUrl();
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
        JsonNode statement = JSON.readTree(attributes.get(QueueAttributeName.POLICY)).path("Statement").get(0);
        assertEquals("events.amazonaws.com", statement.path("Principal").path("Service").asText());
        assertEquals("sqs:SendMessage", statement.path("Action").asText());
        assertEquals(attributes.get(QueueAttributeName.QUEUE_ARN), statement.path("Resource").asText());
        String changes = events.describeRule(r -> r.name("zonebridge-route53-changes")).arn();
        String schedule = events.describeRule(r -> r.name("zonebridge-reconcile-schedule")).arn();
        assertEquals(JSON.valueToTree(List.of(changes, schedule)),
                statement.path("Condition").path("ArnEquals").path("aws:SourceArn"));
        JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        assertEquals(3, redrive.path("maxReceiveCount").asInt());
        assertTrue(redrive.path("deadLetterTargetArn").asText().endsWith(":zb-events-dlq"));
        assertEquals("rate(1 hour)", events.describeRule(r -> r.name("zonebridge-reconcile-schedule")).scheduleExpression());
        JsonNode bus = JSON.readTree(events.describeEventBus(r -> r.name("default")).policy()).path("Statement").get(0);
        assertEquals(organizationId, bus.path("Condition").path("StringEquals").path("aws:PrincipalOrgID").asText());

        CommandRun second = CommandRun.of(args);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().endsWith("0 created, 0 updated, 8 exist, 0 skipped" + System.lineSeparator()), second.out());
    }

    @Test
    void aMemberAccountForwardsToTheNetworkBus() {
        String[] args = {"provision", "--endpoint", moto.endpoint().toString(), "--member",
                "--network-account", "210987654321", "--forwarding-role-arn",
                "arn:aws:iam::123456789012:role/zonebridge-forwarding"};
        CommandRun first = CommandRun.of(args);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().endsWith("2 created, 0 updated, 0 exist, 0 skipped" + System.lineSeparator()), first.out());
        Target target = events.listTargetsByRule(r -> r.rule("zonebridge-route53-forward")).targets().get(0);
        assertEquals("arn:aws:events:us-east-1:210987654321:event-bus/default", target.arn());
        assertEquals("arn:aws:iam::123456789012:role/zonebridge-forwarding", target.roleArn());
        CommandRun second = CommandRun.of(args);
        assertTrue(second.out().endsWith("0 created, 0 updated, 2 exist, 0 skipped" + System.lineSeparator()), second.out());
    }
}
