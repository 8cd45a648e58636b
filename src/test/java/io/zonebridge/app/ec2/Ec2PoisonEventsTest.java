package io.zonebridge.app.ec2;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.app.Eventually;
import io.zonebridge.local.Ec2Timings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Poison events through the real {@code ec2-ingest} route (ElasticMQ, the emulator, DynamoDB Local): every message
 * that cannot become work is dead-lettered on its first receive with {@code zonebridgeRejectReason} and its own
 * attributes, then deleted; a failed CreateTags call is ignored and deleted; nothing reaches Route 53. "First
 * receive": the message is gone from the queue (visible and in flight), the ingest decided about it once, and the
 * dead-letter queue holds exactly one copy.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
class Ec2PoisonEventsTest {

    private static final Path DIR = Path.of("target/ec2-poison");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of(
            "origin", MessageAttributeValue.builder().dataType("String").stringValue("ec2-poison").build(),
            "attempt", MessageAttributeValue.builder().dataType("Number").stringValue("1").build());
    private static Ec2Peers peers;

    @BeforeAll
    static void start(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        Files.createDirectories(DIR);
        peers = new Ec2Peers(sqs, dynamo, 0, new Ec2Timings(100, 3_600_000), "10.61.1.0/24");
        Path config = peers.writeConfig(DIR.resolve("zonebridge.yaml"), "zb-poison-" + System.nanoTime(), "");
        peers.startService(config, Map.of("zonebridge.ec2.debounce", "300", "zonebridge.apply.debounceCheck", "50"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void malformedStateChangesAndTagCallsAreDeadLetteredOnTheirFirstReceive() throws Exception {
        String running = fixture("aws-events/ec2/ec2_state_running.json");
        String tags = fixture("aws-events/ec2_cloudtrail/ec2_createtags_instance.json");
        Map<String, String> poison = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        poison.put("no instance-id", running.replace("\"instance-id\"", "\"instance_id\""));
        reasons.put("no instance-id", "state-change event detail: field 'instance-id' is missing");
        poison.put("unknown state", running.replace("\"running\"", "\"rebooting\""));
        reasons.put("unknown state", "field 'detail.state': unknown EC2 instance state 'rebooting'");
        poison.put("bad time", running.replace("2024-05-14T12:58:57Z", "14/05/2024"));
        reasons.put("bad time", "field 'time' is not an ISO-8601 instant: '14/05/2024'");
        poison.put("CreateTags without tagSet", tags.replace("\"tagSet\"", "\"tags\""));
        reasons.put("CreateTags without tagSet", "CreateTags event 9e8d7c6b-5a49-4838-a726-150f4e3d2c1b: field "
                + "'requestParameters.tagSet.items' is missing or not an array");
        poison.put("CreateTags resourceId a number", tags.replace("\"i-0abc1234def567890\"", "17"));
        reasons.put("CreateTags resourceId a number", "requestParameters.resourcesSet.items[]: field 'resourceId'");
        poison.put("bad JSON", "{\"detail-type\": \"EC2 Instance State-change Notification\", \"detail\": {");
        reasons.put("bad JSON", "message body is not valid JSON");
        poison.put("no event", "[\"EC2 Instance State-change Notification\"]");
        reasons.put("no event", "message body should be a JSON object");
        poison.put("SNS-wrapped, no instance-id", sns(running.replace("\"instance-id\"", "\"instance_id\"")));
        reasons.put("SNS-wrapped, no instance-id", "field 'instance-id' is missing");

        Ec2Ingest ingest = peers.bean("ec2Ingest", Ec2Ingest.class);
        long changes = peers.server.counters().requests("ChangeResourceRecordSets");
        long rejectedBefore = ingest.malformed();
        long acceptedBefore = ingest.accepted();
        String url = peers.sqs.client().getQueueUrl(r -> r.queueName(peers.queue)).queueUrl();
        poison.values().forEach(body -> peers.sqs.client().sendMessage(r -> r.queueUrl(url).messageBody(body)
                .messageAttributes(ATTRIBUTES)));

        Eventually.assertWithin(WAIT, () -> ingest.malformed() == rejectedBefore + poison.size(),
                () -> "rejected " + (ingest.malformed() - rejectedBefore) + " of " + poison.size());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "the queue is empty");
        List<Message> dead = take(peers.deadLetterQueue, poison.size());
        assertEquals(poison.size(), dead.size());
        assertEquals(0, peers.pending(peers.deadLetterQueue), "no second copy");
        assertEquals(rejectedBefore + poison.size(), ingest.malformed(), "each decided once");
        assertEquals(acceptedBefore, ingest.accepted());
        Map<String, Message> byBody = new HashMap<>();
        dead.forEach(m -> byBody.put(m.body(), m));
        for (Map.Entry<String, String> entry : poison.entrySet()) {
            Message letter = byBody.get(entry.getValue());
            assertNotNull(letter, entry.getKey() + ": dead-lettered with its body unchanged");
            String reason = letter.messageAttributes().get("zonebridgeRejectReason").stringValue();
            assertTrue(reason.contains(reasons.get(entry.getKey())), entry.getKey() + ": " + reason);
            assertEquals("ec2-poison", letter.messageAttributes().get("origin").stringValue());
            assertEquals("1", letter.messageAttributes().get("attempt").stringValue());
            assertEquals("Number", letter.messageAttributes().get("attempt").dataType());
        }
        assertEquals(changes, peers.server.counters().requests("ChangeResourceRecordSets"), "nothing written");
        System.out.printf("ec2 poison: %d sent, %d dead-lettered on their first receive, reasons %s%n",
                poison.size(), dead.size(), ingest.rejected());
    }

    @Test
    void aFailedTagCallIsIgnoredAndDeleted() throws Exception {
        String failed = fixture("aws-events/ec2_cloudtrail/ec2_createtags_instance.json")
                .replace("\"eventCategory\"", "\"errorCode\": \"Client.UnauthorizedOperation\", \"eventCategory\"")
                .replace("\"tagSet\"", "\"tags\"");
        Ec2Ingest ingest = peers.bean("ec2Ingest", Ec2Ingest.class);
        long ignoredBefore = ingest.ignored();
        long rejectedBefore = ingest.malformed();
        int deadBefore = peers.pending(peers.deadLetterQueue);
        String url = peers.sqs.client().getQueueUrl(r -> r.queueName(peers.queue)).queueUrl();
        peers.sqs.client().sendMessage(r -> r.queueUrl(url).messageBody(failed));
        Eventually.assertWithin(WAIT, () -> ingest.ignored() == ignoredBefore + 1, () -> "ignored");
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "deleted");
        assertEquals(rejectedBefore, ingest.malformed());
        assertEquals(deadBefore, peers.pending(peers.deadLetterQueue), "not dead-lettered");
    }

    private static List<Message> take(String queue, int count) {
        String url = peers.sqs.client().getQueueUrl(r -> r.queueName(queue)).queueUrl();
        List<Message> messages = new java.util.ArrayList<>();
        long end = System.currentTimeMillis() + 30_000;
        while (messages.size() < count && System.currentTimeMillis() < end) {
            for (Message m : peers.sqs.client().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                messages.add(m);
                peers.sqs.client().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return messages;
    }

    private static String sns(String event) throws IOException {
        ObjectNode wrapped = (ObjectNode) JSON.readTree(fixture("aws-events/ec2_sns/ec2_state_running_sns_wrapped.json"));
        wrapped.put("MessageId", UUID.randomUUID().toString());
        wrapped.put("Message", event);
        return wrapped.toString();
    }

    private static String fixture(String path) {
        try (InputStream in = Ec2PoisonEventsTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
