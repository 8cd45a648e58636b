package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.testpeers.BindPrimaryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code allHostedZonesServedBy}: every hosted zone of the account whose name the given primary serves
 * authoritatively is managed (and synced); hosted zones it does not serve, and names configured explicitly, are not.
 */
class ServedZonesTest {

    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones();

    @TempDir
    Path dir;

    @Test
    void managesEveryHostedZoneThePrimaryServes() throws Exception {
        BindPrimary bind = BIND.get();
        try (LocalRoute53 route53 = new LocalRoute53()) {
            String example = route53.createZone("example.test");
            String dyn = route53.createZone("dyn.test");
            route53.createZone("elsewhere.test");
            String reload = route53.createZone("reload.test");
            Path config = dir.resolve("zonebridge.yaml");
            Files.writeString(config, """
                    route53: { endpoint: %s, rateLimitPerSecond: 100 }
                    secondary:
                      notify: { enabled: false }
                      allHostedZonesServedBy:
                        primaries: [%s]
                      zones:
                        - { name: reload.test, primaries: [%s], policy: create-only, hostedZone: { id: %s } }
                    """.formatted(route53.endpoint(), bind.primary(), bind.primary(), reload));
            try (ZonebridgeRuntime runtime = ZonebridgeRuntime.start(new ConfigLoader(Map.of()).load(config),
                    Clock.systemUTC())) {
                List<String> keys = runtime.catalog().zones().stream().map(ManagedZone::key).sorted().toList();
                assertEquals(List.of("default/" + dyn, "default/" + example, "default/" + reload).stream().sorted()
                        .toList(), keys, "elsewhere.test is not served by the primary; reload.test is configured once");
                for (ManagedZone zone : runtime.catalog().zones()) {
                    SyncOutcome outcome = runtime.synchronizer().sync(zone, SyncMode.SERVICE);
                    assertEquals(SyncOutcome.Result.APPLIED, outcome.result(), outcome.message());
                }
                assertEquals(LocalRoute53.expected("dyn.test.", bind.digAxfr("dyn.test")), route53.records(dyn));
                assertTrue(runtime.statusBoard().get("default/" + example).isPresent());
            }
        }
    }
}
