package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.reverse.ReversePeers;
import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Record;
import software.amazon.awssdk.services.route53.model.ChangeAction;

/**
 * Two real service processes with {@code cluster:} on, running the reverse-DNS job and a secondary zone of a real
 * BIND, sharing the local Route 53 (which turns each A-record change into a CloudTrail event on the SQS queue, through
 * its EventBridge), ElasticMQ and DynamoDB Local (the lease, and the PTR ownership table). During a burst of A-record
 * changes (events) and BIND zone changes (NOTIFYs to both replicas) the leader, which alone consumes the events queue
 * and writes zones, is killed with SIGKILL while it holds events it received and has not applied: the standby leads
 * within 15 s, the held events come back after their visibility timeout, every PTR ends exactly right and the
 * secondary zone equals BIND's: no event is lost, none reaches the dead-letter queue, and nothing is applied twice
 * (a set created twice would be refused by Route 53 as {@code InvalidChangeBatch}). {@link ReplicaFailoverTest} does
 * the same for NOTIFYs alone, over three zones.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
class ReplicaEventFailoverTest {

    private static final int EVENTS = 24;
    private static final String ZONE = "ev.test";
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void leaderKilledDuringABurstOfEventsLosesNoneAndAppliesNoneTwice(ElasticMqPeer sqs, DynamoDbLocal dynamo)
            throws Exception {
        try (ReversePeers peers = new ReversePeers(sqs, dynamo, 5, 2, null);
             LocalRoute53 route53 = LocalRoute53.of(peers.server);
             BindPrimary bind = BindPrimary.start(BindPrimary.freePort(),
                     Map.of(ZONE, ReplicaFailoverTest.zoneText(ZONE)), BindPrimary.newXfrKey(),
                     Map.of(ZONE, "allow-update { key \"xfr-key\"; };"))) {
            String handoff = "handoff-" + System.nanoTime();
            String handoffUrl = sqs.createQueue(handoff);
            String table = "zonebridge-cluster-" + System.nanoTime();
            String zoneId = peers.privateZone(ZONE + ".");
            int notifyA = BindPrimary.freePort();
            int notifyB = BindPrimary.freePort();
            Path configA = writeConfig(peers, "A", table, handoff, bind, zoneId, notifyA);
            Path configB = writeConfig(peers, "B", table, handoff, bind, zoneId, notifyB);
            try (ServiceProcess a = ServiceProcess.start(env(configA), dir.resolve("replica-a.log"))) {
                assertTrue(a.awaitLog("cluster: replica A is the leader", START), a.log());
                try (ServiceProcess b = ServiceProcess.start(env(configB), dir.resolve("replica-b.log"))) {
                    assertTrue(b.awaitLog("(zonebridge) started in", START), b.log());

                    Map<String, List<String>> expected = new TreeMap<>();
                    Instant killedAt = null;
                    for (int i = 0; i < EVENTS; i++) {
                        String name = "h" + i + ".corp.example.";
                        peers.changeA(ChangeAction.CREATE, name, "10.0.9." + (i + 1));
                        expected.put((i + 1) + ".9.0.10.in-addr.arpa.", List.of(name));
                        bind.nsupdate("update add e" + i + "." + ZONE + ". 300 A 198.51.100." + (10 + i));
                        long serial = bind.serial(ZONE);
                        if (killedAt == null) {
                            ReplicaFailoverTest.notify(notifyA, ZONE, serial);
                        }
                        ReplicaFailoverTest.notify(notifyB, ZONE, serial);
                        if (i == EVENTS / 3) {
                            Eventually.assertWithin(Duration.ofSeconds(60), () -> a.log().contains("reverse sync of"),
                                    () -> "the leader applied some of the burst:\n" + a.log());
                        }
                        // killed while it holds events it received and has not applied (they wait in its window)
                        if (killedAt == null && i > EVENTS / 3 && inFlight(peers) > 0) {
                            ProcessHandle.of(a.pid()).orElseThrow().destroyForcibly(); // SIGKILL
                            killedAt = Instant.now();
                        }
                    }
                    assertTrue(killedAt != null, "the leader was killed with events in flight:\n" + a.log());
                    ReplicaFailoverTest.assertTakenOverWithin15s(b, killedAt);

                    Eventually.assertWithin(Duration.ofSeconds(120), () -> ptrsOfTheBurst(peers).equals(expected),
                            () -> "every PTR of the burst, once: " + ptrsOfTheBurst(peers) + "\n" + b.log());
                    Eventually.assertWithin(Duration.ofSeconds(60), () -> peers.pending(peers.queue) == 0,
                            () -> "the events queue is drained:\n" + b.log());
                    Eventually.assertEqualsWithin(Duration.ofSeconds(90),
                            () -> LocalRoute53.expected(ZONE, digAxfr(bind)), () -> route53.records(zoneId),
                            "hosted zone " + ZONE + " equals BIND's zone");
                    // a hand-off the killed leader had received comes back after the queue's visibility timeout
                    Eventually.assertWithin(Duration.ofSeconds(90), () -> ReplicaFailoverTest.waiting(sqs, handoffUrl) == 0,
                            () -> "the hand-off queue is drained:\n" + b.log());
                    assertEquals(0, peers.pending(peers.deadLetterQueue), "no event was dead-lettered");
                    assertEquals(0, peers.server.counters().refusals("ChangeResourceRecordSets",
                            "InvalidChangeBatch"), "no batch was refused (nothing applied twice)");
                    assertEquals(expected, ptrsOfTheBurst(peers), "and nothing more came after");
                }
            }
        }
    }

    /** Event messages received by a replica and not yet deleted. */
    private static int inFlight(ReversePeers peers) {
        return Integer.parseInt(peers.sqs.client().getQueueAttributes(r -> r.queueUrl(peers.queueUrl(peers.queue))
                .attributeNamesWithStrings("ApproximateNumberOfMessagesNotVisible")).attributesAsStrings()
                .get("ApproximateNumberOfMessagesNotVisible"));
    }

    /** The PTRs in 9.0.10.in-addr.arpa's addresses, by owner name. */
    private static Map<String, List<String>> ptrsOfTheBurst(ReversePeers peers) {
        Map<String, List<String>> burst = new TreeMap<>();
        peers.ptrs().forEach((name, values) -> {
            if (name.endsWith(".9.0.10.in-addr.arpa.")) {
                burst.put(name, values);
            }
        });
        return burst;
    }

    private static Map<String, String> env(Path config) throws Exception {
        return Map.of("CAMEL_MANAGEMENT_PORT", Integer.toString(BindPrimary.freePort()),
                "ZONEBRIDGE_CONFIG", config.toString());
    }

    private static List<Record> digAxfr(BindPrimary bind) {
        try {
            return bind.digAxfr(ZONE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replica {@code replica}'s configuration: the reverse job, {@link #ZONE} from BIND, the cluster. */
    private Path writeConfig(ReversePeers peers, String replica, String table, String handoff, BindPrimary bind,
                             String zoneId, int notifyPort) throws Exception {
        Path file = dir.resolve(replica).resolve("zonebridge.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, ReplicaFailoverTest.replicaConfig(peers.server.endpoint(), notifyPort, bind,
                Map.of(ZONE, zoneId)) + """
                reverse:
                  enabled: true
                  sqsEndpoint: %s
                  queue: %s
                  deadLetterQueue: %s
                  ownership: { endpoint: "%s" }
                  visibilityTimeout: 10s
                """.formatted(peers.sqs.endpoint(), peers.queue, peers.deadLetterQueue, peers.dynamo.endpoint())
                + ReplicaFailoverTest.clusterConfig(replica, table, peers.dynamo, handoff, peers.sqs));
        return file;
    }
}
