package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.testpeers.BindPrimaryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50,000-record zone from a real BIND primary synced into the local Route 53 by the service's synchronizer: the
 * hosted zone equals the primary's zone, in about ceil(50,000 / 1,000) change batches, and a second run with the
 * serial unchanged transfers and changes nothing. The records are 5,000 names with 10 addresses each, because
 * Route 53 (and the local emulator) hold at most 10,000 record sets per hosted zone by default.
 */
class LargeZoneSyncTest {

    private static final int NAMES = 5_000;
    private static final int VALUES = 10;

    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones()
            .withZones(Map.of("big.test", bigZone()));

    @TempDir
    Path dir;

    private static String bigZone() {
        StringBuilder zone = new StringBuilder("$TTL 300\n@ IN SOA ns1.big.test. hostmaster.big.test. 1 3600 600 86400 60\n"
                + "@ IN NS ns1.big.test.\nns1 IN A 192.0.2.1\n");
        for (int i = 0; i < NAMES; i++) {
            for (int v = 1; v <= VALUES; v++) {
                zone.append("h").append(i).append(" IN A 10.").append(i >> 8 & 255).append('.').append(i & 255)
                        .append('.').append(v).append('\n');
            }
        }
        return zone.toString();
    }

    @Test
    void syncsA50000RecordZoneInAboutFiftyBatches() throws Exception {
        BindPrimary bind = BIND.get();
        try (LocalRoute53 route53 = new LocalRoute53()) {
            String id = route53.createZone("big.test");
            Path config = dir.resolve("zonebridge.yaml");
            Files.writeString(config, """
                    route53: { endpoint: %s, rateLimitPerSecond: 200 }
                    safety: { maxChangeShare: 0.3 }
                    secondary:
                      notify: { enabled: false }
                      zones:
                        - { name: big.test, primaries: [%s], hostedZone: { id: %s } }
                    """.formatted(route53.endpoint(), bind.primary(), id));
            try (ZonebridgeRuntime runtime = ZonebridgeRuntime.start(
                    new ConfigLoader(Map.of()).load(config), Clock.systemUTC())) {
                ManagedZone big = runtime.catalog().zones().get(0);
                long before = route53.changeRequests();
                SyncOutcome outcome = runtime.synchronizer().sync(big, SyncMode.SERVICE);
                assertEquals(SyncOutcome.Result.APPLIED, outcome.result(), outcome.message());
                assertEquals(NAMES + 1, outcome.creates());
                long requests = route53.changeRequests() - before;
                assertTrue(requests >= 50 && requests <= 52, "ChangeResourceRecordSets requests: " + requests);
                assertEquals(requests, outcome.batches());
                assertEquals(LocalRoute53.expected("big.test.", bind.digAxfr("big.test")), route53.records(id));

                SyncOutcome again = runtime.synchronizer().sync(big, SyncMode.SERVICE);
                assertEquals(SyncOutcome.Result.UP_TO_DATE, again.result(), again.message());
                assertEquals(requests, route53.changeRequests() - before, "no further change requests");
            }
        }
    }
}
