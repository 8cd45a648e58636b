package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.secondary.BindPrimary;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Two real service processes (replicas A and B) with clustering on, against real peers: the local Route 53, BIND
 * (the primary, changed with nsupdate), DynamoDB Local (the lease table) and ElasticMQ (the hand-off queue).
 * A starts first and leads; B takes NOTIFYs too and hands their work to A through the queue (B writes nothing).
 * During a burst of zone changes and NOTIFYs to both, A is killed with SIGKILL: B leads within 15 s, every zone ends
 * exactly as BIND serves it, the hand-off queue is drained, and Route 53 never refused a batch (a change applied
 * twice is a CREATE of a record set that exists or a DELETE of one that changed: refused as InvalidChangeBatch) and
 * received at most one ChangeResourceRecordSets per change made.
 */
class ReplicaFailoverTest {

    private static final Path DIR = Path.of("target/replica-failover-test");
    private static final List<String> ZONES = List.of("r1.test", "r2.test", "r3.test");
    private static final int STEPS = 8;
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    @Test
    void leaderKilledDuringABurstIsReplacedAndNothingIsAppliedTwice() throws Exception {
        Files.createDirectories(DIR);
        Map<String, String> zoneTexts = new LinkedHashMap<>();
        ZONES.forEach(zone -> zoneTexts.put(zone, zoneText(zone)));
        try (ElasticMqPeer sqs = new ElasticMqPeer();
             DynamoDbLocal dynamo = DynamoDbLocal.start();
             LocalRoute53 route53 = new LocalRoute53();
             BindPrimary bind = BindPrimary.start(BindPrimary.freePort(), zoneTexts, BindPrimary.newXfrKey(),
                     allowUpdates())) {
            String queue = "zonebridge-zone-work-test";
            String queueUrl = sqs.createQueue(queue);
            Map<String, String> ids = new LinkedHashMap<>();
            ZONES.forEach(zone -> ids.put(zone, route53.createZone(zone)));
            int notifyA = BindPrimary.freePort();
            int notifyB = BindPrimary.freePort();
            Path configA = writeConfig("A", notifyA, route53, bind, ids, sqs, dynamo, queue);
            Path configB = writeConfig("B", notifyB, route53, bind, ids, sqs, dynamo, queue);

            try (ServiceProcess a = ServiceProcess.start(env(configA), DIR.resolve("replica-a.log"))) {
                assertTrue(a.awaitLog("cluster: replica A is the leader", START), a.log());
                try (ServiceProcess b = ServiceProcess.start(env(configB), DIR.resolve("replica-b.log"))) {
                    assertTrue(b.awaitLog("(zonebridge) started in", START), b.log());
                    for (String zone : ZONES) {
                        converged(route53, bind, zone, ids.get(zone));
                    }

                    // NOTIFY to B only: B hands the work to the leader A, which applies it
                    int changes = 0;
                    bind.nsupdate("update add handoff.r1.test. 300 A 198.51.100.200");
                    changes++;
                    notify(notifyB, "r1.test", bind.serial("r1.test"));
                    converged(route53, bind, "r1.test", ids.get("r1.test"));
                    assertFalse(b.log().contains(": APPLIED"), "B is not the leader and writes nothing:\n" + b.log());

                    Instant killedAt = null;
                    for (int step = 0; step < STEPS; step++) {
                        for (String zone : ZONES) {
                            bind.nsupdate("update add b" + step + "." + zone + ". 300 A 198.51.100." + (10 + step));
                            changes++;
                            long serial = bind.serial(zone);
                            if (killedAt == null) {
                                notify(notifyA, zone, serial);
                            }
                            notify(notifyB, zone, serial);
                        }
                        if (step == STEPS / 2) {
                            ProcessHandle.of(a.pid()).orElseThrow().destroyForcibly(); // SIGKILL
                            killedAt = Instant.now();
                        }
                    }
                    assertTakenOverWithin15s(b, killedAt);

                    for (String zone : ZONES) {
                        converged(route53, bind, zone, ids.get(zone));
                    }
                    Eventually.assertWithin(CONVERGE, () -> waiting(sqs, queueUrl) == 0,
                            () -> "the hand-off queue is drained");
                    assertEquals(0, route53.server().counters().refusals("ChangeResourceRecordSets",
                            "InvalidChangeBatch"), "no batch was refused (nothing applied twice)");
                    long calls = route53.changeRequests();
                    assertTrue(calls <= changes + ZONES.size(), calls + " ChangeResourceRecordSets for " + changes
                            + " changes and " + ZONES.size() + " first syncs");
                }
            }
        }
    }

    private static void converged(LocalRoute53 route53, BindPrimary bind, String zone, String id) throws Exception {
        Eventually.assertEqualsWithin(CONVERGE, () -> {
            try {
                return LocalRoute53.expected(zone, bind.digAxfr(zone));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> route53.records(id), "hosted zone " + zone + " equals BIND's zone");
    }

    private static Map<String, String> allowUpdates() {
        Map<String, String> statements = new LinkedHashMap<>();
        ZONES.forEach(zone -> statements.put(zone, "allow-update { key \"xfr-key\"; };"));
        return statements;
    }

    static String zoneText(String zone) {
        return """
                $TTL 300
                @     IN SOA ns1.%1$s. hostmaster.%1$s. 1 3600 600 604800 60
                @     IN NS  ns1.%1$s.
                ns1   IN A   192.0.2.1
                www   IN A   198.51.100.1
                """.formatted(zone);
    }

    private static Map<String, String> env(Path config) throws Exception {
        return Map.of("CAMEL_MANAGEMENT_PORT", Integer.toString(BindPrimary.freePort()),
                "ZONEBRIDGE_CONFIG", config.toString());
    }

    private static Path writeConfig(String replica, int notifyPort, LocalRoute53 route53, BindPrimary bind,
                                    Map<String, String> ids, ElasticMqPeer sqs, DynamoDbLocal dynamo, String queue)
            throws Exception {
        Path file = DIR.resolve("zonebridge-" + replica + ".yaml");
        Files.writeString(file, replicaConfig(route53.endpoint(), notifyPort, bind, ids)
                + clusterConfig(replica, "zonebridge-cluster-test", dynamo, queue, sqs));
        return file;
    }

    /**
     * The {@code route53} and {@code secondary} sections of a replica's configuration: the local Route 53, NOTIFY on
     * {@code notifyPort}, and each zone of {@code ids} (name → hosted zone id) a secondary of {@code bind}.
     */
    static String replicaConfig(String endpoint, int notifyPort, BindPrimary bind, Map<String, String> ids) {
        StringBuilder zones = new StringBuilder();
        ids.forEach((zone, id) -> zones.append("    - { name: ").append(zone).append(", primaries: [")
                .append(bind.primary()).append("], refresh: 1h, hostedZone: { id: ").append(id).append(" } }\n"));
        return """
                route53:
                  endpoint: %s
                  rateLimitPerSecond: 5
                secondary:
                  notify:
                    listen: 127.0.0.1:%d
                    allowFrom: [127.0.0.1]
                  zones:
                %s""".formatted(endpoint, notifyPort, zones);
    }

    /** The {@code cluster} section of replica {@code replica}'s configuration (lease 8 s, heartbeat 2 s). */
    static String clusterConfig(String replica, String table, DynamoDbLocal dynamo, String queue, ElasticMqPeer sqs) {
        return """
                cluster:
                  enabled: true
                  replicaId: %s
                  table: %s
                  dynamoDbEndpoint: %s
                  queue: %s
                  sqsEndpoint: %s
                  lease: 8s
                  heartbeat: 2s
                """.formatted(replica, table, dynamo.endpoint(), queue, sqs.endpoint());
    }

    /** Asserts that replica B logged its leadership within 15 s of {@code killedAt}, from its log's time stamp. */
    static void assertTakenOverWithin15s(ServiceProcess b, Instant killedAt) throws InterruptedException {
        String leaderLine = "cluster: replica B is the leader";
        assertTrue(b.awaitLog(leaderLine, Duration.ofSeconds(30)), b.log());
        Instant tookOver = Instant.parse(b.log().lines().filter(line -> line.contains(leaderLine))
                .findFirst().orElseThrow().split(" ", 2)[0]);
        Duration takeover = Duration.between(killedAt, tookOver);
        System.out.println("replica B took over " + takeover.toMillis() + " ms after A was killed");
        assertTrue(takeover.compareTo(Duration.ofSeconds(15)) <= 0, "takeover took " + takeover);
    }

    /** Sends a NOTIFY with the zone's serial over UDP; waits briefly for the answer (none from a killed replica). */
    static void notify(int port, String zone, long serial) throws Exception {
        Name name = Name.fromString(zone + ".");
        Message notify = new Message();
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().setFlag(Flags.AA);
        notify.addRecord(Record.newRecord(name, Type.SOA, DClass.IN), Section.QUESTION);
        notify.addRecord(new SOARecord(name, DClass.IN, 300, Name.fromString("ns1", name),
                Name.fromString("hostmaster", name), serial, 3600, 600, 604800, 60), Section.ANSWER);
        byte[] packet = notify.toWire();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(2000);
            socket.send(new DatagramPacket(packet, packet.length, InetAddress.getByName("127.0.0.1"), port));
            socket.receive(new DatagramPacket(new byte[512], 512));
        } catch (SocketTimeoutException | java.net.PortUnreachableException noAnswer) {
            // a killed replica answers nothing: the other one got the same NOTIFY
        }
    }

    /** Messages in the queue, visible or received and not yet deleted. */
    static int waiting(ElasticMqPeer sqs, String queueUrl) {
        Map<String, String> attributes = sqs.client().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }
}
