package io.zonebridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.app.ZonebridgeApplication;
import io.zonebridge.app.reverse.ReversePeers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A burst of 10,000 single-A-record CloudTrail events through the real reverse path: embedded ElasticMQ, the
 * service's YAML routes, the local emulator with its 5 requests/s Route 53 throttle. Prints the ChangeResourceRecordSets
 * calls zonebridge made (target ≤ 12) and the time from the first event sent until the reverse zone holds every PTR.
 *
 * <p>Route 53 allows 10,000 record sets per zone, so the records are split over two forward zones and two reverse
 * zones ({@code 1.10.in-addr.arpa.}, {@code 2.10.in-addr.arpa.}). The forward records are created first in batches of 1,000 (at 5 calls/s, 10,000 single calls would take
 * over half an hour); the 10,000 events are the emulator's own CloudTrail event of a single-record CREATE, rewritten
 * per record (name, address, event ids) and sent to the queue as EventBridge delivers them. Run:
 * {@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}, then
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.zonebridge.bench.ReverseBurstBenchmark [events]}.
 * With {@code -Dbench.external=DIR} the service is not started here: the configuration is written to DIR, then the
 * benchmark waits for the file {@code DIR/service-up} (bin/container-burst runs the image that way).
 */
public final class ReverseBurstBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReverseBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("zonebridge-bench-reverse-");
        Main main = null;
        try (ReversePeers peers = new ReversePeers(5, 4)) {
            // Route 53 allows 10,000 record sets per zone: two forward zones and two reverse zones of half each
            String[] forwardZones = {peers.forwardZoneId, peers.privateZone("corp2.example.")};
            String[] reverseZones = {peers.privateZone("1.10.in-addr.arpa."), peers.privateZone("2.10.in-addr.arpa.")};
            for (int from = 0; from < events - 1; from += 1000) {
                List<Change> changes = new ArrayList<>();
                for (int i = from; i < Math.min(from + 1000, events - 1) && half(i, events) == half(from, events); i++) {
                    changes.add(create(i, events));
                }
                String zone = forwardZones[half(from, events)];
                peers.route53.changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(changes)));
                from -= 1000 - changes.size();
            }
            int last = events - 1;
            peers.route53.changeResourceRecordSets(r -> r.hostedZoneId(forwardZones[half(last, events)])
                    .changeBatch(b -> b.changes(create(last, events))));
            peers.server.awaitEventsDelivered(60_000);
            List<Message> setupEvents = peers.take(peers.tapQueue, (events + 998) / 1000 + 2, 15);
            String template = null;
            for (Message m : setupEvents) {
                if (JSON.readTree(m.body()).at("/detail/requestParameters/changeBatch/changes").size() == 1) {
                    template = m.body();
                }
            }
            if (template == null) {
                throw new IllegalStateException("no single-record event among " + setupEvents.size());
            }
            String singleRecordEvent = template;
            peers.take(peers.queue, setupEvents.size(), 30); // the setup's own events: not part of the burst

            String external = System.getProperty("bench.external");
            if (external != null) {
                // the service runs elsewhere (bin/container-burst: the image in a container): hand it the
                // configuration, wait until it says it is up
                Path shared = Path.of(external);
                peers.writeConfig(shared.resolve("zonebridge.yaml"), "");
                Files.writeString(shared.resolve("config-ready"), "");
                while (!Files.exists(shared.resolve("service-up"))) {
                    Thread.sleep(200);
                }
            } else {
                Path config = peers.writeConfig(dir.resolve("zonebridge.yaml"), "");
                main = new ZonebridgeApplication(Path.of("config/application.properties"), Optional.of(config)).createMain();
                Main running = main;
                Thread service = new Thread(() -> {
                    try {
                        running.run();
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                }, "zonebridge-service");
                service.setDaemon(true);
                service.start();
                awaitStarted(main);
            }

            long changesBefore = peers.changeCalls();
            long requestsBefore = totalRequests(peers);
            String queueUrl = peers.queueUrl(peers.queue);
            long start = System.nanoTime();
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                batch.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(event(singleRecordEvent, i, events, forwardZones)).build());
                if (batch.size() == 10 || i == events - 1) {
                    List<SendMessageBatchRequestEntry> entries = List.copyOf(batch);
                    peers.sqs.client().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                    batch.clear();
                }
            }
            double sent = (System.nanoTime() - start) / 1e9;
            long count = 0;
            while (count < events + 4) { // + apex SOA and NS of both
                Thread.sleep(2000);
                count = 0;
                for (String zone : reverseZones) {
                    count += peers.route53.getHostedZone(r -> r.id(zone)).hostedZone().resourceRecordSetCount();
                }
                if ((System.nanoTime() - start) / 1e9 > 1800) {
                    throw new IllegalStateException("reverse zone incomplete after 30 min: " + count);
                }
            }
            double complete = (System.nanoTime() - start) / 1e9;
            long deadline = System.currentTimeMillis() + 120_000;
            while (peers.pending(peers.queue) > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            double drained = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "reverse burst: %,d A-record CloudTrail events, emulator throttle 5/s:%n"
                            + "  ChangeResourceRecordSets calls by zonebridge: %d (target <= 12)%n"
                            + "  events sent to SQS in %.1f s; reverse zones complete (%,d PTRs) after %.1f s;"
                            + " queue empty after %.1f s (%d left)%n"
                            + "  Route 53 requests during the burst (zonebridge + the benchmark's polls): %d; throttled: %d%n",
                    events, peers.changeCalls() - changesBefore, sent, events, complete, drained,
                    peers.pending(peers.queue), totalRequests(peers) - requestsBefore,
                    peers.server.counters().throttles());
        } finally {
            if (main != null) {
                main.completed();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** 0 for the first half of the records (zone corp.example., 10.1/16), 1 for the second (corp2.example., 10.2/16). */
    private static int half(int i, int events) {
        return i < events / 2 ? 0 : 1;
    }

    private static String name(int i, int events) {
        return "r" + i + (half(i, events) == 0 ? ".corp.example." : ".corp2.example.");
    }

    private static String address(int i, int events) {
        return "10." + (half(i, events) + 1) + "." + (i / 250) + "." + (i % 250 + 1);
    }

    private static Change create(int i, int events) {
        return Change.builder().action(ChangeAction.CREATE).resourceRecordSet(ResourceRecordSet.builder()
                .name(name(i, events)).type(RRType.A).ttl(300L)
                .resourceRecords(ResourceRecord.builder().value(address(i, events)).build()).build()).build();
    }

    /** The template event rewritten for record {@code i}. */
    private static String event(String template, int i, int events, String[] forwardZones) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(template);
        root.put("id", UUID.randomUUID().toString());
        ObjectNode detail = (ObjectNode) root.get("detail");
        detail.put("eventID", UUID.randomUUID().toString());
        ((ObjectNode) detail.get("requestParameters")).put("hostedZoneId", forwardZones[half(i, events)]);
        ObjectNode set = (ObjectNode) detail.at("/requestParameters/changeBatch/changes/0/resourceRecordSet");
        set.put("name", name(i, events));
        ((ObjectNode) set.at("/resourceRecords/0")).put("value", address(i, events));
        return JSON.writeValueAsString(root);
    }

    private static long totalRequests(ReversePeers peers) {
        return peers.server.counters().snapshot().values().stream().mapToLong(Long::longValue).sum();
    }

    private static void awaitStarted(Main main) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            CamelContext context = main.getCamelContext();
            if (context != null && context.getStatus() == ServiceStatus.Started) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not start");
    }
}
