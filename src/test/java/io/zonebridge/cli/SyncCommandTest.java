package io.zonebridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.LocalRoute53;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.CuttingRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zonebridge sync --once} against a real BIND primary and the local Route 53: the summary table, exit codes,
 * dry run, and a primary killed in the middle of the transfer (exit 1, nothing deleted).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncCommandTest {

    @TempDir
    static Path dir;

    private static BindPrimary bind;
    private static LocalRoute53 route53;
    private static String exampleId;
    private static String reloadId;

    @BeforeAll
    static void startPeers() throws Exception {
        bind = BindPrimary.start(BindPrimary.freePort());
        route53 = new LocalRoute53();
        exampleId = route53.createZone("example.test");
        reloadId = route53.createZone("reload.test");
    }

    @AfterAll
    static void stopPeers() throws Exception {
        if (bind != null) {
            bind.close();
        }
        if (route53 != null) {
            route53.close();
        }
    }

    @Test
    @Order(1)
    void syncsEveryZoneOnceAndPrintsASummary() throws Exception {
        CommandRun run = CommandRun.of("sync", "--once", "--config", config(bind.primary()).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s)ZONE\\s+SERIAL\\s+CREATES\\s+UPDATES\\s+DELETES\\s+RESULT.*"), run.out());
        assertTrue(run.out().matches("(?s).*example\\.test\\.\\s+2024010101\\s+9\\s+0\\s+0\\s+APPLIED.*"), run.out());
        assertTrue(run.out().contains("2 zones, 0 failed"), run.out());
        assertEquals(LocalRoute53.expected("example.test.", bind.digAxfr("example.test")), route53.records(exampleId));
        assertEquals(LocalRoute53.expected("reload.test.", bind.digAxfr("reload.test")), route53.records(reloadId));

        CommandRun again = CommandRun.of("sync", "--once", "--config", config(bind.primary()).toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().matches("(?s).*example\\.test\\.\\s+2024010101\\s+0\\s+0\\s+0\\s+IN_STEP.*"), again.out());
    }

    @Test
    @Order(2)
    void dryRunPlansButAppliesNothing() throws Exception {
        bind.rewriteZone("reload.test", BindPrimary.resourceText("reload.test.db").replace("2024010101", "2024010102")
                + "extra IN A 192.0.2.55\n");
        Map<RecordKey, RecordSet> before = route53.records(reloadId);
        CommandRun run = CommandRun.of("sync", "--once", "--dry-run", "--config", config(bind.primary()).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*reload\\.test\\.\\s+2024010102\\s+1\\s+0\\s+0\\s+DRY_RUN.*"), run.out());
        assertTrue(run.out().contains("dry run: nothing applied"), run.out());
        assertEquals(before, route53.records(reloadId));
    }

    @Test
    @Order(3)
    void primaryKilledMidTransferFailsTheZoneAndDeletesNothing() throws Exception {
        Map<RecordKey, RecordSet> before = route53.records(exampleId);
        assertFalse(before.isEmpty());
        try (CuttingRelay relay = new CuttingRelay(bind.port(), 200, CuttingRelay.AfterCut.CLOSE, () -> {
            try {
                bind.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            CommandRun run = CommandRun.of("sync", "--once", "--config", config("127.0.0.1:" + relay.port()).toString());
            assertTrue(relay.wasCut(), "the transfer was cut");
            assertEquals(1, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().matches("(?s).*example\\.test\\.\\s+\\S+\\s+0\\s+0\\s+0\\s+FAILED.*"), run.out());
            assertTrue(run.err().contains("nothing applied"), run.err());
        }
        assertFalse(bind.isAlive(), "named was killed mid-transfer");
        assertEquals(before, route53.records(exampleId), "no record deleted or changed");
    }

    @Test
    @Order(4)
    void badConfigurationIsExitCodeTwoNamingTheKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "secondary:\n  zones:\n    - name: x.test\n      primaries: [127.0.0.1:99999]\n");
        CommandRun run = CommandRun.of("sync", "--once", "--config", bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("secondary.zones[0].primaries[0]") && run.err().contains("99999"), run.err());
    }

    private static Path config(String primary) throws Exception {
        Path file = dir.resolve("zonebridge.yaml");
        Files.writeString(file, """
                route53:
                  endpoint: %s
                  rateLimitPerSecond: 100
                secondary:
                  notify: { enabled: false }
                  defaults:
                    primaries: [%s]
                    transferTimeout: 5s
                  zones:
                    - { name: example.test, hostedZone: { id: %s } }
                    - { name: reload.test, hostedZone: { id: %s } }
                """.formatted(route53.endpoint(), primary, exampleId, reloadId));
        return file;
    }
}
