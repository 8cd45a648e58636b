package io.zonebridge.app.reverse;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.organization.OrganizationReconcileJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import io.zonebridge.app.InProcessService;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.ReconcileReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * PTR ownership outlives the task: the service runs with one working directory, writes a PTR for an A record and
 * stops; the A record is deleted while it is down; a new service with a fresh working directory (as a new ECS task
 * gets), the same DynamoDB table and an old ledger file to migrate, reconciles under {@code policy: owned-only}: it
 * removes the stale PTR it wrote and the stale PTR the old file says it wrote, and leaves a PTR made by hand alone.
 * Everything through the service's own wiring: the local Route 53 emulator, ElasticMQ and DynamoDB Local.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
class PtrOwnershipRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> FAST = Map.of("zonebridge.reverse.debounce", "300",
            "zonebridge.apply.debounceCheck", "50");
    private static final String WEB_PTR = "21.3.0.10.in-addr.arpa.";
    private static final String OLD_PTR = "22.3.0.10.in-addr.arpa.";
    private static final String HAND_PTR = "99.3.0.10.in-addr.arpa.";

    @TempDir
    Path tasks;

    @Test
    void aRestartedServiceWithAFreshWorkingDirectoryStillRemovesTheStalePtrsItOwns(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        try (ReversePeers peers = new ReversePeers(sqs, dynamo, 0, 1000, null)) {
            Path firstTask = tasks.resolve("task-1");
            Path config = peers.writeConfig(firstTask.resolve("zonebridge.yaml"), "  policy: owned-only\n");
            try (InProcessService service = InProcessService.start(config, FAST)) {
                peers.changeA(ChangeAction.CREATE, "web.corp.example.", "10.0.3.21");
                Eventually.assertWithin(WAIT, () -> List.of("web.corp.example.").equals(peers.ptrs().get(WEB_PTR)),
                        () -> "the PTR of 10.0.3.21: " + peers.ptrs());
            }
            try (Stream<Path> files = Files.list(firstTask)) {
                assertEquals(List.of(firstTask.resolve("zonebridge.yaml")), files.toList(),
                        "ownership is not kept on the task's disk");
            }

            // while no service runs: the A record goes, a PTR is made by hand, and an old zonebridge's PTR is left
            peers.changeA(ChangeAction.DELETE, "web.corp.example.", "10.0.3.21");
            peers.change(peers.reverseZoneId, ChangeAction.CREATE, HAND_PTR, RRType.PTR, "printer.corp.example.");
            peers.change(peers.reverseZoneId, ChangeAction.CREATE, OLD_PTR, RRType.PTR, "old.corp.example.");
            // their CloudTrail events are dropped, so what run 2 removes, its reconcile removes
            assertTrue(peers.server.awaitEventsDelivered(WAIT.toMillis()), "events delivered");
            peers.sqs.client().purgeQueue(r -> r.queueUrl(peers.queueUrl(peers.queue)));
            Path secondTask = tasks.resolve("task-2");
            config = peers.writeConfig(secondTask.resolve("zonebridge.yaml"), "  policy: owned-only\n");
            Path oldLedger = secondTask.resolve("owned-ptrs.json"); // reverse.ledger of the config
            new JsonFileOwnedPtrLedger(oldLedger).claim("10.in-addr.arpa.", List.of(OLD_PTR));

            try (InProcessService service = InProcessService.start(config, FAST)) {
                assertFalse(Files.exists(oldLedger), "the old ledger file was migrated and renamed");
                assertTrue(Files.exists(secondTask.resolve("owned-ptrs.json.migrated")));
                OrganizationReconcileJob reconcile = service.bean("reverseReconcile", OrganizationReconcileJob.class);
                assertTrue(reconcile.run("restart test"));
                ReconcileReport report = reconcile.lastReport().orElseThrow();
                assertEquals(List.of(), report.failures());
                assertEquals(2, report.ptrsDeleted(), "the two stale PTRs zonebridge owns");
            }
            Map<String, List<String>> ptrs = peers.ptrs();
            assertFalse(ptrs.containsKey(WEB_PTR), "the stale PTR written before the restart is gone: " + ptrs);
            assertFalse(ptrs.containsKey(OLD_PTR), "the stale PTR of the migrated file is gone: " + ptrs);
            assertEquals(List.of("printer.corp.example."), ptrs.get(HAND_PTR), "the PTR made by hand stays");
        }
    }
}
