package io.zonebridge.app.reverse;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.app.Eventually;
import io.zonebridge.intake.RejectLog;
import io.zonebridge.reverse.IgnoreReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Poison events through the real {@code reverse-ingest} route (ElasticMQ, the Route 53 emulator): every message that
 * cannot become work is dead-lettered on its first receive with {@code zonebridgeRejectReason} and its own
 * attributes, and deleted; a refused call (CloudTrail {@code errorCode}) is ignored, counted and deleted; nothing
 * reaches Route 53. A bounded fuzz run (one field of a valid event made junk, missing or mistyped at a time) shows
 * no message loops and the log stays bounded. "Received once" is shown without waiting: a message is gone from the
 * queue (visible and in flight), the ingest decided about it exactly once, and the dead-letter queue holds exactly
 * one copy (a message not deleted would still count as in flight).
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/reverse-poison-test/zonebridge.yaml",
        "zonebridge.reverse.debounce=300", "zonebridge.apply.debounceCheck=50",
        "zonebridge.reverse.visibilityTimeout=30"})
class ReversePoisonEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANGE = "/detail/requestParameters/changeBatch/changes/0/resourceRecordSet";
    private static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of(
            "origin", MessageAttributeValue.builder().dataType("String").stringValue("poison-test").build(),
            "attempt", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
            "blob", MessageAttributeValue.builder().dataType("Binary")
                    .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 0xff})).build());

    private static ReversePeers peers;
    private final ListAppender<ILoggingEvent> rejectLines = new ListAppender<>();
    private final ListAppender<ILoggingEvent> allLines = new ListAppender<>();

    @BeanInject
    ReverseIngest ingest;

    @BeforeAll
    static void startPeers(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        peers = new ReversePeers(sqs, dynamo, 0, 50, null);
        peers.writeConfig(Path.of("target/reverse-poison-test/zonebridge.yaml"), "");
    }

    @BeforeAll
    void listen() {
        rejectLines.start();
        ((Logger) LoggerFactory.getLogger(ReverseIngest.LOGGER)).addAppender(rejectLines);
        allLines.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(allLines);
    }

    @AfterAll
    void stopPeers() {
        ((Logger) LoggerFactory.getLogger(ReverseIngest.LOGGER)).detachAppender(rejectLines);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(allLines);
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void everyPoisonEventIsDeadLetteredOnItsFirstReceiveWithItsReasonAndAttributes() throws Exception {
        Map<String, String> expectedReasons = new LinkedHashMap<>();
        Map<String, String> poison = new LinkedHashMap<>();
        poison.put("invalid value", withRecord("999.1.2.3", null, null));
        expectedReasons.put("invalid value", "field detail.requestParameters.changeBatch.changes[0].resourceRecordSet"
                + ".resourceRecords[0].value: invalid A value '999.1.2.3': not an IPv4 address");
        poison.put("empty label", withRecord(null, "web..corp.example.", null));
        expectedReasons.put("empty label", "changes[0].resourceRecordSet.name: name 'web..corp.example.' has an empty label");
        poison.put("70-byte label", withRecord(null, "x".repeat(70) + ".corp.example.", null));
        expectedReasons.put("70-byte label", "changes[0].resourceRecordSet.name: name '" + "x".repeat(70));
        poison.put("unknown type", withRecord(null, null, "AX"));
        expectedReasons.put("unknown type", "changes[0].resourceRecordSet.type is AX, not a Route 53 record type");
        poison.put("bad JSON", "{\"detail-type\": \"AWS API Call via CloudTrail\", \"detail\": 17");
        expectedReasons.put("bad JSON", "SQS message body is not valid JSON (line 1, column");
        poison.put("no event", "[\"AWS API Call via CloudTrail\"]");
        expectedReasons.put("no event", "SQS message body should be a JSON object but is array");
        poison.put("bad SNS envelope", "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":17}");
        expectedReasons.put("bad SNS envelope", "SNS notification field /Message should be a string");
        ObjectNode noDetail = event("route53/r53_a_create_two_values_private_zone.json");
        noDetail.remove("detail");
        poison.put("no detail", noDetail.toString());
        expectedReasons.put("no detail", "field detail is missing");
        poison.put("SNS-wrapped invalid value", sns(withRecord("999.1.2.3", null, null)));
        expectedReasons.put("SNS-wrapped invalid value", "inside the SNS notification's Message): field detail"
                + ".requestParameters.changeBatch.changes[0].resourceRecordSet.resourceRecords[0].value: invalid A value "
                + "'999.1.2.3'");

        long changes = peers.changeCalls();
        Map<String, Long> byReasonBefore = ingest.rejected();
        long rejectedBefore = ingest.malformed();
        long acceptedBefore = ingest.accepted();
        long ignoredBefore = ignoredTotal();
        int deadBefore = peers.pending(peers.deadLetterQueue);
        poison.values().forEach(body -> send(body, ATTRIBUTES));

        Eventually.assertWithin(WAIT, () -> ingest.malformed() == rejectedBefore + poison.size(),
                () -> "rejected " + (ingest.malformed() - rejectedBefore) + " of " + poison.size());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "the queue is empty");
        List<Message> dead = peers.take(peers.deadLetterQueue, deadBefore + poison.size(), 30).stream()
                .filter(m -> poison.containsValue(m.body())).toList();
        assertEquals(0, peers.pending(peers.deadLetterQueue), "nothing more in the dead-letter queue");
        assertEquals(poison.size(), dead.size(), "one copy of each");
        assertEquals(rejectedBefore + poison.size(), ingest.malformed(), "each decided once: none came back");
        assertEquals(acceptedBefore, ingest.accepted());
        assertEquals(ignoredBefore, ignoredTotal());

        Map<String, Message> byBody = new HashMap<>();
        dead.forEach(m -> byBody.put(m.body(), m));
        for (Map.Entry<String, String> entry : poison.entrySet()) {
            Message letter = byBody.get(entry.getValue());
            assertTrue(letter != null, entry.getKey() + ": dead-lettered with its body unchanged");
            String reason = letter.messageAttributes().get("zonebridgeRejectReason").stringValue();
            assertTrue(reason.contains(expectedReasons.get(entry.getKey())), entry.getKey() + ": " + reason);
            assertEquals("poison-test", letter.messageAttributes().get("origin").stringValue(), entry.getKey());
            assertEquals("Number", letter.messageAttributes().get("attempt").dataType(), entry.getKey());
            assertEquals("3", letter.messageAttributes().get("attempt").stringValue(), entry.getKey());
            assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff},
                    letter.messageAttributes().get("blob").binaryValue().asByteArray(), entry.getKey());
            assertEquals(4, letter.messageAttributes().size(), entry.getKey() + ": " + letter.messageAttributes());
        }
        assertEquals(changes, peers.changeCalls(), "nothing written to Route 53");
        Map<String, Long> byReason = new TreeMap<>();
        ingest.rejected().forEach((reason, count) -> {
            long added = count - byReasonBefore.getOrDefault(reason, 0L);
            if (added > 0) {
                byReason.put(reason, added);
            }
        });
        assertEquals(Map.of("invalid-json", 1L, "invalid-envelope", 3L, "invalid-name", 2L, "invalid-value", 2L,
                "unknown-type", 1L), byReason);
        assertTrue(stackTracesOfTheIngest().isEmpty(), () -> "no stack traces: " + stackTracesOfTheIngest());
    }

    @Test
    void aMessageWithTheMostAttributesSqsAllowsKeepsThemAllWhenDeadLettered() throws Exception {
        Map<String, MessageAttributeValue> ten = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            ten.put("a" + i, MessageAttributeValue.builder().dataType("String").stringValue("v" + i).build());
        }
        String body = withRecord("10.0.1.999", null, null);
        long rejectedBefore = ingest.malformed();
        int deadBefore = peers.pending(peers.deadLetterQueue);
        send(body, ten);
        Eventually.assertWithin(WAIT, () -> ingest.malformed() == rejectedBefore + 1, () -> "rejected");
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "deleted");
        List<Message> dead = peers.take(peers.deadLetterQueue, deadBefore + 1, 30).stream()
                .filter(m -> m.body().equals(body)).toList();
        assertEquals(1, dead.size());
        assertEquals(ten, new TreeMap<>(dead.get(0).messageAttributes()), "the 10 attributes, no room for the reason");
    }

    @Test
    void aRefusedCallIsIgnoredCountedAndDeletedNotDeadLettered() throws Exception {
        List<String> refused = new ArrayList<>();
        for (String value : List.of("999.1.2.3", "")) {
            refused.add(refusedCall(value, null));
        }
        refused.add(refusedCall(null, "web..corp.example."));
        refused.add(refusedCall(null, "x".repeat(70) + ".corp.example."));
        refused.add(sns(refusedCall("999.1.2.3", null)));
        refused.add(sns(refusedCall(null, "web..corp.example.")));

        long changes = peers.changeCalls();
        long failedBefore = ingest.ignored().count(IgnoreReason.FAILED_CALL);
        long rejectedBefore = ingest.malformed();
        int deadBefore = peers.pending(peers.deadLetterQueue);
        refused.forEach(body -> send(body, ATTRIBUTES));

        Eventually.assertWithin(WAIT, () -> ingest.ignored().count(IgnoreReason.FAILED_CALL)
                == failedBefore + refused.size(), () -> "refused calls ignored: "
                + (ingest.ignored().count(IgnoreReason.FAILED_CALL) - failedBefore) + " of " + refused.size());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "deleted from the queue");
        assertEquals(failedBefore + refused.size(), ingest.ignored().count(IgnoreReason.FAILED_CALL), "once each");
        assertEquals(rejectedBefore, ingest.malformed(), "not rejected");
        assertEquals(deadBefore, peers.pending(peers.deadLetterQueue), "not dead-lettered");
        assertEquals(changes, peers.changeCalls(), "nothing written to Route 53");
    }

    @Test
    void fuzzedEventsAreIgnoredOrDeadLetteredOrAppliedOnceAndTheLogStaysBounded() throws Exception {
        List<String> bodies = new ArrayList<>();
        ObjectNode valid = event("route53/r53_a_create_two_values_private_zone.json");
        valid.put("account", peers.account);
        ((ObjectNode) valid.get("detail")).put("recipientAccountId", peers.account);
        ((ObjectNode) valid.at("/detail/requestParameters")).put("hostedZoneId", peers.forwardZoneId);
        ((ObjectNode) valid.at(CHANGE)).put("name", "fuzz.corp.example.");
        List<String> pointers = new ArrayList<>();
        collect(valid, "", pointers);
        List<JsonNode> junk = List.of(JSON.nullNode(), JSON.getNodeFactory().numberNode(17),
                JSON.createObjectNode(), JSON.createArrayNode(), JSON.getNodeFactory().textNode(""),
                JSON.getNodeFactory().textNode("\u0000junk\u0007" + "\\".repeat(3) + "é..."),
                JSON.getNodeFactory().textNode("x".repeat(300)));
        for (String pointer : pointers) {
            ObjectNode missing = valid.deepCopy();
            remove(missing, pointer);
            bodies.add(missing.toString());
            for (JsonNode value : junk) {
                ObjectNode changed = valid.deepCopy();
                replace(changed, pointer, value);
                bodies.add(changed.toString());
            }
        }
        // a few of them SNS-wrapped, as a topic would deliver them
        for (int i = 0; i < bodies.size(); i += 10) {
            bodies.add(sns(bodies.get(i)));
        }

        int linesBefore = rejectLines.list.size();
        long started = System.nanoTime();
        long rejectedBefore = ingest.malformed();
        long acceptedBefore = ingest.accepted();
        long ignoredBefore = ignoredTotal();
        int deadBefore = peers.pending(peers.deadLetterQueue);
        for (int i = 0; i < bodies.size(); i += 10) {
            List<String> batch = bodies.subList(i, Math.min(bodies.size(), i + 10));
            String url = peers.queueUrl(peers.queue);
            peers.sqs.client().sendMessageBatch(r -> r.queueUrl(url).entries(batch.stream().map(body ->
                    software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                            .id(UUID.randomUUID().toString()).messageBody(body).build()).toList()));
        }
        Eventually.assertWithin(WAIT, () -> decidedSince(rejectedBefore, acceptedBefore, ignoredBefore)
                == bodies.size(), () -> "decided " + decidedSince(rejectedBefore, acceptedBefore, ignoredBefore)
                + " of " + bodies.size());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "every message deleted");
        long rejected = ingest.malformed() - rejectedBefore;
        long accepted = ingest.accepted() - acceptedBefore;
        long ignored = ignoredTotal() - ignoredBefore;
        assertEquals(bodies.size(), rejected + accepted + ignored, "each decided exactly once: none looped");
        assertEquals(deadBefore + rejected, peers.pending(peers.deadLetterQueue), "one dead letter per rejection");
        int lines = rejectLines.list.size() - linesBefore;
        long windows = Duration.ofNanos(System.nanoTime() - started).toMinutes() + 1;
        long bound = (long) RejectLog.DEFAULT_LINES * ingest.rejected().size() * (windows + 1);
        System.out.printf("reverse fuzz: %d events sent, %d dead-lettered on their first receive, %d ignored, "
                        + "%d accepted, %d reject log lines (bound %d), reasons %s%n", bodies.size(), rejected, ignored,
                accepted, lines, bound, ingest.rejected());
        assertTrue(rejected > 0 && ignored > 0 && accepted > 0, "all three outcomes occur");
        assertTrue(lines <= bound, lines + " log lines");
        assertTrue(stackTracesOfTheIngest().isEmpty(), () -> "no exception escaped: " + stackTracesOfTheIngest());
    }

    private long decidedSince(long rejected, long accepted, long ignored) {
        return ingest.malformed() - rejected + ingest.accepted() - accepted + ignoredTotal() - ignored;
    }

    private long ignoredTotal() {
        return ingest.ignored().snapshot().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Log events with a stack trace on the events queue's consumer threads (an exception that escaped). */
    private List<String> stackTracesOfTheIngest() {
        return allLines.list.stream()
                .filter(e -> e.getThreadName().contains("aws2-sqs://" + peers.queue))
                .filter(e -> e.getThrowableProxy() != null && e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        if (!pointer.isEmpty()) {
            out.add(pointer);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> collect(node.get(f), pointer + "/" + f, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static void remove(ObjectNode root, String pointer) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    /** A successful create of the fixture with the first record's value, the name or the type replaced. */
    private static String withRecord(String value, String name, String type) throws IOException {
        return changed(event("route53/r53_a_create_two_values_private_zone.json"), value, name, type);
    }

    /** A call Route 53 refused ({@code errorCode InvalidChangeBatch}) with the value or name replaced. */
    private static String refusedCall(String value, String name) throws IOException {
        return changed(event("route53/r53_failed_invalid_change_batch.json"), value, name, null);
    }

    private static String changed(ObjectNode event, String value, String name, String type) {
        ObjectNode set = (ObjectNode) event.at(CHANGE);
        if (value != null) {
            ((ObjectNode) set.at("/resourceRecords/0")).put("value", value);
        }
        if (name != null) {
            set.put("name", name);
        }
        if (type != null) {
            set.put("type", type);
        }
        return event.toString();
    }

    /** The event as SNS delivers it to SQS with raw delivery off. */
    private static String sns(String event) throws IOException {
        ObjectNode wrapped = event("sqs/body_sns_wrapped_r53_a_create.json");
        wrapped.put("MessageId", UUID.randomUUID().toString());
        wrapped.put("Message", event);
        return wrapped.toString();
    }

    private static ObjectNode event(String fixture) throws IOException {
        try (InputStream in = ReversePoisonEventsTest.class.getResourceAsStream("/aws-events/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(String body, Map<String, MessageAttributeValue> attributes) {
        String url = peers.queueUrl(peers.queue);
        peers.sqs.client().sendMessage(r -> r.queueUrl(url).messageBody(body).messageAttributes(attributes));
    }
}
