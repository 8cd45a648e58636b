package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.reverse.ReversePeers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * SIGTERM while work is in flight, on the real service process and real peers (ElasticMQ, the local Route 53 at one
 * request a second, so a sync run takes seconds): the reverse-DNS run under way at SIGTERM is finished and its message
 * deleted; the message received but not yet applied (waiting in its debounce window) is NOT deleted, so SQS delivers
 * it again after its visibility timeout; the process exits within the shutdown timeout.
 */
class GracefulShutdownTest {

    @TempDir
    Path dir;

    @Test
    void workInFlightFinishesAndUnappliedMessagesStayQueued() throws Exception {
        try (ReversePeers peers = new ReversePeers(2, 1)) {
            String twoExample = peers.privateZone("two.example.");
            Path config = peers.writeConfig(dir.resolve("zonebridge.yaml"), "");
            Map<String, String> env = Map.of(
                    "CAMEL_MANAGEMENT_PORT", Integer.toString(io.zonebridge.secondary.BindPrimary.freePort()),
                    "ZONEBRIDGE_CONFIG", config.toString(),
                    "ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND", "1",
                    "ZONEBRIDGE_CONFIG_REVERSE_DEBOUNCE", "8s",
                    "ZONEBRIDGE_CONFIG_APPLY_DEBOUNCE_CHECK", "100ms",
                    "ZONEBRIDGE_CONFIG_REVERSE_VISIBILITY_TIMEOUT", "30s");
            try (ServiceProcess service = ServiceProcess.start(env, Path.of("target/graceful-shutdown-test/service.log"))) {
                assertTrue(service.awaitLog("(zonebridge) started in", Duration.ofSeconds(90)), service.log());
                long listsBefore = peers.server.counters().requests("ListResourceRecordSets");
                peers.changeA(ChangeAction.CREATE, "a.corp.example.", "10.0.1.1");
                Eventually.assertWithin(Duration.ofSeconds(60),
                        () -> peers.server.counters().requests("ListResourceRecordSets") > listsBefore,
                        () -> "the sync run for corp.example. did not start:\n" + service.log());

                peers.change(twoExample, ChangeAction.CREATE, "b.two.example.", RRType.A, "10.0.2.2");
                Eventually.assertWithin(Duration.ofSeconds(20), () -> notVisible(peers) == 2,
                        () -> "the service did not receive the second event");
                assertNull(peers.ptrs().get("1.1.0.10.in-addr.arpa."), "SIGTERM comes while the first run is under way");

                long stopAt = System.nanoTime();
                service.terminate();
                int exit = service.awaitExit(Duration.ofSeconds(30));
                Duration stopping = Duration.ofNanos(System.nanoTime() - stopAt);
                assertEquals(143, exit, service.log());
                assertTrue(stopping.compareTo(Duration.ofSeconds(25)) < 0, "stopped in " + stopping);

                assertEquals(List.of("a.corp.example."), peers.ptrs().get("1.1.0.10.in-addr.arpa."),
                        "the run in flight at SIGTERM finished:\n" + service.log());
                assertNull(peers.ptrs().get("2.2.0.10.in-addr.arpa."), "the waiting work was not applied");
                // what SQS delivers again once the visibility timeout has passed: the unapplied event, never the
                // applied one (which became visible again first, had it not been deleted); also the CloudTrail echo of
                // the service's own PTR write (its value is a.corp.example.), which arrived after the consumers stopped
                List<String> redelivered = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (redelivered.stream().noneMatch(body -> body.contains("10.0.2.2")) && System.nanoTime() < deadline) {
                    peers.take(peers.queue, 10, 2).forEach(m -> redelivered.add(m.body()));
                }
                assertEquals(1, redelivered.stream().filter(body -> body.contains("10.0.2.2")).count(),
                        "the unapplied message is delivered again: " + redelivered);
                assertEquals(0, redelivered.stream().filter(body -> body.contains("10.0.1.1")).count(),
                        () -> "the applied message was deleted: " + redelivered + "\n" + service.log());
            }
        }
    }

    private static int notVisible(ReversePeers peers) {
        return Integer.parseInt(peers.sqs.client().getQueueAttributes(r -> r.queueUrl(peers.queueUrl(peers.queue))
                .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName
                        .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
