package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * {@code writeSerial: true}: the primary's serial is copied into the hosted zone's SOA, keeping Route 53's own
 * mname, rname and timers; with it off the hosted zone's SOA is left alone.
 */
class WriteSerialTest {

    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones();

    @TempDir
    Path dir;

    @Test
    void copiesThePrimarySerialIntoTheHostedZoneSoaOnlyWhenAsked() throws Exception {
        BindPrimary bind = BIND.get();
        try (LocalRoute53 route53 = new LocalRoute53()) {
            String written = route53.createZone("example.test");
            String untouched = route53.createZone("dyn.test");
            String before = route53.soa(written);
            String untouchedBefore = route53.soa(untouched);
            Path config = dir.resolve("zonebridge.yaml");
            Files.writeString(config, """
                    route53: { endpoint: %s, rateLimitPerSecond: 100 }
                    secondary:
                      notify: { enabled: false }
                      defaults: { primaries: [%s] }
                      zones:
                        - { name: example.test, writeSerial: true, hostedZone: { id: %s } }
                        - { name: dyn.test, hostedZone: { id: %s } }
                    """.formatted(route53.endpoint(), bind.primary(), written, untouched));
            try (ZonebridgeRuntime runtime = ZonebridgeRuntime.start(new ConfigLoader(Map.of()).load(config),
                    Clock.systemUTC())) {
                for (ManagedZone zone : runtime.catalog().zones()) {
                    SyncOutcome outcome = runtime.synchronizer().sync(zone, SyncMode.SERVICE);
                    assertEquals(SyncOutcome.Result.APPLIED, outcome.result(), outcome.message());
                }
            }
            String[] was = before.split(" ");
            String[] now = route53.soa(written).split(" ");
            assertEquals("2024010101", now[2], "the primary's serial: " + route53.soa(written));
            assertEquals(was[0] + was[1], now[0] + now[1], "Route 53's own mname and rname kept");
            assertEquals(String.join(" ", java.util.Arrays.copyOfRange(was, 3, 7)),
                    String.join(" ", java.util.Arrays.copyOfRange(now, 3, 7)), "Route 53's own timers kept");
            assertEquals(untouchedBefore, route53.soa(untouched), "dyn.test's SOA (writeSerial off) left alone");
        }
    }
}
