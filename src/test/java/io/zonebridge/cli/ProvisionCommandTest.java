package io.zonebridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonebridge.app.Route53Connection;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.provision.EventPatterns;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code zonebridge provision} against the local emulator (EventBridge, Organizations) and ElasticMQ (SQS): the
 * first run creates the queues, rules, targets and policies; a second run reports every resource as existing and
 * changes nothing; a rule changed by hand is put back.
 */
class ProvisionCommandTest {

    private final ObjectMapper json = new ObjectMapper();
    private ElasticMqPeer sqs;
    private LocalAwsServer server;
    private EventBridgeClient events;
    private String organizationId;

    @BeforeEach
    void start() {
        sqs = new ElasticMqPeer();
        server = new LocalAwsServer(LocalRoute53Options.defaults().withSqsEndpoint(sqs.endpoint()));
        server.start(0);
        events = EventBridgeClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(Route53Connection.localCredentials())
                .build();
        try (OrganizationsClient organizations = OrganizationsClient.builder()
                .endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(Route53Connection.localCredentials())
                .build()) {
            organizationId = organizations.createOrganization(r -> r.featureSet("ALL")).organization().id();
        }
    }

    @AfterEach
    void stop() {
        events.close();
        server.stop();
        sqs.close();
    }

    private CommandRun provision(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("provision", "--endpoint", server.endpoint(),
                "--sqs-endpoint", sqs.endpoint().toString(), "--schedule", "rate(30 minutes)"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void createsEverythingOnceAndASecondRunChangesNothing() throws Exception {
        CommandRun first = provision();
        assertEquals(0, first.exitCode(), first.err());
        // ElasticMQ keeps no queue policy (ProvisionMotoTest checks the policy against moto's SQS)
        assertTrue(first.out().endsWith("7 created, 0 updated, 0 exist, 1 skipped" + System.lineSeparator()), first.out());
        assertTrue(first.out().contains("skipped  queue policy  " + queueArn() + "  (the SQS server does not keep "
                + "queue policies)"), first.out());
        assertTrue(first.out().startsWith("created  dead-letter   zonebridge-reverse-dlq"), first.out());

        String queueUrl = sqs.client().getQueueUrl(r -> r.queueName("zonebridge-reverse")).queueUrl();
        Map<QueueAttributeName, String> attributes = sqs.client().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        String deadLetterArn = sqs.client().getQueueAttributes(r -> r.queueUrl(sqs.client()
                        .getQueueUrl(q -> q.queueName("zonebridge-reverse-dlq")).queueUrl())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        JsonNode redrive = json.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        assertEquals(deadLetterArn, redrive.path("deadLetterTargetArn").asText());
        assertEquals(5, redrive.path("maxReceiveCount").asInt());
        assertEquals("300", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));

        DescribeRuleResponse changes = events.describeRule(r -> r.name("zonebridge-route53-changes"));
        assertEquals(json.readTree(EventPatterns.ROUTE53_CHANGES), json.readTree(changes.eventPattern()));
        DescribeRuleResponse schedule = events.describeRule(r -> r.name("zonebridge-reconcile-schedule"));
        assertEquals("rate(30 minutes)", schedule.scheduleExpression());
        String queueArn = attributes.get(QueueAttributeName.QUEUE_ARN);
        for (String rule : List.of("zonebridge-route53-changes", "zonebridge-reconcile-schedule")) {
            assertEquals(List.of(queueArn), events.listTargetsByRule(r -> r.rule(rule)).targets().stream()
                    .map(Target::arn).toList());
        }
        JsonNode busPolicy = json.readTree(events.describeEventBus(r -> r.name("default")).policy())
                .path("Statement").get(0);
        assertEquals(organizationId, busPolicy.path("Condition").path("StringEquals").path("aws:PrincipalOrgID").asText());
        assertEquals("events:PutEvents", busPolicy.path("Action").asText());

        long putsBefore = server.counters().requests("PutRule") + server.counters().requests("PutTargets")
                + server.counters().requests("PutPermission");
        CommandRun second = provision();
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().endsWith("0 created, 0 updated, 7 exist, 1 skipped" + System.lineSeparator()), second.out());
        assertEquals(7, second.out().lines().filter(line -> line.startsWith("exists ")).count(), second.out());
        assertEquals(putsBefore, server.counters().requests("PutRule") + server.counters().requests("PutTargets")
                + server.counters().requests("PutPermission"), "no write on the second run");
    }

    @Test
    void aChangedRuleAndQueueArePutBack() {
        assertEquals(0, provision().exitCode());
        events.putRule(r -> r.name("zonebridge-route53-changes").eventPattern("{\"source\":[\"aws.route53\"]}"));
        String queueUrl = sqs.client().getQueueUrl(r -> r.queueName("zonebridge-reverse")).queueUrl();
        sqs.client().setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30")));

        CommandRun again = provision();
        assertTrue(again.out().contains("updated  queue         zonebridge-reverse  (set [VisibilityTimeout])"), again.out());
        assertTrue(again.out().contains("updated  rule          zonebridge-route53-changes"), again.out());
        assertTrue(again.out().endsWith("0 created, 2 updated, 5 exist, 1 skipped" + System.lineSeparator()), again.out());
        assertEquals("300", sqs.client().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT));
    }

    private String queueArn() {
        String url = sqs.client().getQueueUrl(r -> r.queueName("zonebridge-reverse")).queueUrl();
        return sqs.client().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        CommandRun run = provision("--max-receive-count", "0");
        assertEquals(2, run.exitCode());
        assertEquals("error: --max-receive-count: must be from 1 to 1000, was 0" + System.lineSeparator()
                + "try: zonebridge provision --help", run.err().strip());
        CommandRun member = provision("--member", "--network-account", "12");
        assertEquals(2, member.exitCode());
        assertEquals("provision: the network account must be a 12-digit account id: 12", member.err().strip());
    }
}
