package io.zonebridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.LocalRoute53;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.CuttingRelay;
import io.zonebridge.testpeers.BindPrimaryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zonebridge sync --once} against a real BIND primary and the local Route 53: the summary table, exit codes,
 * dry run, and a primary killed in the middle of the transfer (exit 1, nothing deleted).
 */
class SyncCommandTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones();

    private static LocalRoute53 route53;
    private final BindPrimary bind = BIND.get();

    /** The two hosted zones one test syncs into (its own, so no test sees another's writes). */
    private record Zones(String example, String reload) {
    }

    @BeforeAll
    static void startPeers() throws Exception {
        route53 = new LocalRoute53();
    }

    @AfterAll
    static void stopPeers() throws Exception {
        if (route53 != null) {
            route53.close();
        }
    }

    @Test
    void syncsEveryZoneOnceAndPrintsASummary() throws Exception {
        Zones zones = newZones();
        CommandRun run = CommandRun.of("sync", "--once", "--config", config(bind.primary(), zones).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s)ZONE\\s+SERIAL\\s+CREATES\\s+UPDATES\\s+DELETES\\s+RESULT.*"), run.out());
        assertTrue(run.out().matches("(?s).*example\\.test\\.\\s+2024010101\\s+9\\s+0\\s+0\\s+APPLIED.*"), run.out());
        assertTrue(run.out().contains("2 zones, 0 failed"), run.out());
        assertEquals(LocalRoute53.expected("example.test.", bind.digAxfr("example.test")), route53.records(zones.example()));
        assertEquals(LocalRoute53.expected("reload.test.", bind.digAxfr("reload.test")), route53.records(zones.reload()));

        CommandRun again = CommandRun.of("sync", "--once", "--config", config(bind.primary(), zones).toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().matches("(?s).*example\\.test\\.\\s+2024010101\\s+0\\s+0\\s+0\\s+IN_STEP.*"), again.out());
    }

    @Test
    void dryRunPlansButAppliesNothing() throws Exception {
        Zones zones = newZones();
        assertEquals(0, CommandRun.of("sync", "--once", "--config", config(bind.primary(), zones).toString())
                .exitCode(), "the zones synced before the dry run");
        long next = bind.serial("reload.test") + 1;
        bind.rewriteZone("reload.test", BindPrimary.resourceText("reload.test.db").replace("2024010101",
                Long.toString(next)) + "extra IN A 192.0.2.55\n");
        Map<RecordKey, RecordSet> before = route53.records(zones.reload());
        CommandRun run = CommandRun.of("sync", "--once", "--dry-run", "--config",
                config(bind.primary(), zones).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*reload\\.test\\.\\s+" + next + "\\s+1\\s+0\\s+0\\s+DRY_RUN.*"), run.out());
        assertTrue(run.out().contains("dry run: nothing applied"), run.out());
        assertEquals(before, route53.records(zones.reload()));
    }

    @Test
    void primaryKilledMidTransferFailsTheZoneAndDeletesNothing() throws Exception {
        try (BindPrimary killed = BindPrimary.start(BindPrimary.freePort())) {
            Zones zones = newZones();
            assertEquals(0, CommandRun.of("sync", "--once", "--config", config(killed.primary(), zones).toString())
                    .exitCode(), "the zones synced before the cut");
            Map<RecordKey, RecordSet> before = route53.records(zones.example());
            assertFalse(before.isEmpty());
            try (CuttingRelay relay = new CuttingRelay(killed.port(), 200, CuttingRelay.AfterCut.CLOSE, () -> {
                try {
                    killed.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })) {
                CommandRun run = CommandRun.of("sync", "--once", "--config",
                        config("127.0.0.1:" + relay.port(), zones).toString());
                assertTrue(relay.wasCut(), "the transfer was cut");
                assertEquals(1, run.exitCode(), run.out() + run.err());
                assertTrue(run.out().matches("(?s).*example\\.test\\.\\s+\\S+\\s+0\\s+0\\s+0\\s+FAILED.*"), run.out());
                assertTrue(run.err().contains("nothing applied"), run.err());
            }
            assertFalse(killed.isAlive(), "named was killed mid-transfer");
            assertEquals(before, route53.records(zones.example()), "no record deleted or changed");
        }
    }

    @Test
    void badConfigurationIsExitCodeTwoNamingTheKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "secondary:\n  zones:\n    - name: x.test\n      primaries: [127.0.0.1:99999]\n");
        CommandRun run = CommandRun.of("sync", "--once", "--config", bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("secondary.zones[0].primaries[0]") && run.err().contains("99999"), run.err());
    }

    private static Zones newZones() {
        return new Zones(route53.createZone("example.test"), route53.createZone("reload.test"));
    }

    private static Path config(String primary, Zones zones) throws Exception {
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
                """.formatted(route53.endpoint(), primary, zones.example(), zones.reload()));
        return file;
    }
}
