package io.zonebridge.app.reverse;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.reverse.ReverseSyncService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The service's real YAML routes with real peers (ElasticMQ, the local emulator with its 5 requests/s throttle on,
 * its EventBridge rule delivering CloudTrail events to SQS): A record changes made through the SDK become PTR
 * changes; a foreign PTR stays; a malformed message goes to the dead-letter queue with its reason; the same event
 * delivered again (a crash between apply and delete) changes nothing.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/reverse-ingest-test/zonebridge.yaml",
        "zonebridge.reverse.debounce=500", "zonebridge.apply.debounceCheck=50",
        "zonebridge.reverse.visibilityTimeout=10"})
class ReverseIngestRouteTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PTR_40 = "40.1.0.10.in-addr.arpa.";
    private static final String PTR_41 = "41.1.0.10.in-addr.arpa.";
    private static ReversePeers peers;

    @BeanInject
    CamelContext context;

    @BeanInject
    ReverseIngest ingest;

    @BeanInject
    ReverseSyncService sync;

    @BeforeAll
    static void startPeers(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        peers = new ReversePeers(sqs, dynamo, 5, 2, null);
        peers.writeConfig(Path.of("target/reverse-ingest-test/zonebridge.yaml"), "");
        // a PTR zonebridge did not make: never touched under policy owned-only
        peers.change(peers.reverseZoneId, ChangeAction.CREATE, "9.9.0.10.in-addr.arpa.", RRType.PTR, "legacy.corp.example.");
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void theIngestRouteRuns() {
        assertTrue(context.getRouteController().getRouteStatus("reverse-ingest").isStarted());
    }

    @Test
    void createMakesThePtrAndUpsertMovesItAndDeleteRemovesIt() throws Exception {
        peers.changeA(ChangeAction.CREATE, "host.corp.example.", "10.0.1.40");
        Eventually.assertWithin(WAIT, () -> List.of("host.corp.example.").equals(peers.ptrs().get(PTR_40)),
                () -> "PTR of 10.0.1.40: " + peers.ptrs());

        peers.changeA(ChangeAction.UPSERT, "host.corp.example.", "10.0.1.41");
        Eventually.assertWithin(WAIT, () -> {
            Map<String, List<String>> ptrs = peers.ptrs();
            return !ptrs.containsKey(PTR_40) && List.of("host.corp.example.").equals(ptrs.get(PTR_41));
        }, () -> "old PTR gone, new present: " + peers.ptrs());

        peers.changeA(ChangeAction.DELETE, "host.corp.example.", "10.0.1.41");
        Eventually.assertWithin(WAIT, () -> !peers.ptrs().containsKey(PTR_41), () -> "owned PTR deleted: " + peers.ptrs());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "every message deleted");
    }

    @Test
    void aForeignPtrIsLeftAlone() throws Exception {
        peers.changeA(ChangeAction.CREATE, "claims.corp.example.", "10.0.9.9", "10.0.1.50");
        Eventually.assertWithin(WAIT, () -> peers.ptrs().containsKey("50.1.0.10.in-addr.arpa."), () -> "" + peers.ptrs());
        assertEquals(List.of("legacy.corp.example."), peers.ptrs().get("9.9.0.10.in-addr.arpa."));
        peers.changeA(ChangeAction.DELETE, "claims.corp.example.", "10.0.9.9", "10.0.1.50");
        Eventually.assertWithin(WAIT, () -> !peers.ptrs().containsKey("50.1.0.10.in-addr.arpa."), () -> "" + peers.ptrs());
        assertEquals(List.of("legacy.corp.example."), peers.ptrs().get("9.9.0.10.in-addr.arpa."));
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterQueueWithItsReasonOnce() throws Exception {
        long before = ingest.malformed();
        peers.send(peers.queue, "{\"detail-type\": \"AWS API Call via CloudTrail\", \"detail\": 17");
        List<Message> dead = peers.take(peers.deadLetterQueue, 1, 20);
        assertEquals(1, dead.size(), "one dead letter");
        assertEquals("{\"detail-type\": \"AWS API Call via CloudTrail\", \"detail\": 17", dead.get(0).body());
        String reason = dead.get(0).messageAttributes().get("zonebridgeRejectReason").stringValue();
        assertFalse(reason.isBlank(), "a reason");
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "removed from the events queue");
        // deleted (not merely in flight): it cannot come back
        assertEquals(before + 1, ingest.malformed(), "decided once");
        assertEquals(0, peers.pending(peers.deadLetterQueue), "dead-lettered once");
    }

    @Test
    void theSameEventDeliveredAgainChangesNothing() throws Exception {
        peers.take(peers.tapQueue, 100, 2); // drop earlier copies
        peers.changeA(ChangeAction.CREATE, "again.corp.example.", "10.0.1.60");
        List<Message> copies = peers.take(peers.tapQueue, 1, 20);
        assertEquals(1, copies.size());
        Eventually.assertWithin(WAIT, () -> peers.ptrs().containsKey("60.1.0.10.in-addr.arpa."), () -> "" + peers.ptrs());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "applied and deleted");
        Map<String, List<String>> zone = peers.ptrs();
        long changes = peers.changeCalls();

        long runs = sync.runs();
        peers.send(peers.queue, copies.get(0).body());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "redelivered event consumed");
        // deleted only after its work was applied: the run is over
        assertEquals(runs + 1, sync.runs(), "one sync run for the redelivered event");
        assertEquals(changes, peers.changeCalls(), "no ChangeResourceRecordSets for a redelivered event");
        assertEquals(zone, peers.ptrs());
    }

    @Test
    void anSnsWrappedEventIsReadToo() throws Exception {
        peers.take(peers.tapQueue, 100, 2);
        peers.changeA(ChangeAction.CREATE, "sns.corp.example.", "10.0.1.70");
        List<Message> copies = peers.take(peers.tapQueue, 1, 20);
        assertEquals(1, copies.size());
        String ptr = "70.1.0.10.in-addr.arpa.";
        Eventually.assertWithin(WAIT, () -> peers.ptrs().containsKey(ptr), () -> "" + peers.ptrs());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "applied and deleted");
        long ignoredBefore = ingest.ignored().count(io.zonebridge.reverse.IgnoreReason.NO_ADDRESS_RECORDS);
        // someone removes the PTR by hand (its event names no A record: ignored and counted) ...
        peers.change(peers.reverseZoneId, ChangeAction.DELETE, ptr, RRType.PTR, "sns.corp.example.");
        Eventually.assertWithin(WAIT, () -> ingest.ignored().count(io.zonebridge.reverse.IgnoreReason.NO_ADDRESS_RECORDS)
                == ignoredBefore + 1, () -> "the PTR change's event is ignored");
        assertFalse(peers.ptrs().containsKey(ptr));
        // ... then the A record's event arrives again through SNS: the PTR comes back (the truth is Route 53)
        String wrapped = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                "Type", "Notification", "MessageId", java.util.UUID.randomUUID().toString(),
                "TopicArn", "arn:aws:sns:us-east-1:" + peers.account + ":r53-events",
                "Message", copies.get(0).body(), "Timestamp", "2026-11-23T04:00:00.000Z"));
        peers.send(peers.queue, wrapped);
        Eventually.assertWithin(WAIT, () -> List.of("sns.corp.example.").equals(peers.ptrs().get(ptr)),
                () -> "PTR back after the SNS-wrapped event: " + peers.ptrs());
    }
}
