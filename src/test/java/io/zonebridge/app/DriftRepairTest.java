package io.zonebridge.app;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.route53.ZoneSelector;
import io.zonebridge.sync.SyncEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's synchronizer finds and repairs a record changed by hand in Route 53 although the source's serial did
 * not move: a normal run stops at UP_TO_DATE, a verification run (JMX verifyNow, the verify timer) reads the hosted
 * zone whole, counts the drift and repairs it; verifications are handed out only when due. A delta after the first
 * sync reads nothing.
 */
class DriftRepairTest {

    private final LocalRoute53 route53 = new LocalRoute53();

    @AfterEach
    void stop() {
        route53.close();
    }

    @Test
    void aHandEditWithAnUnchangedSerialIsRepairedByVerification(@TempDir Path dir) throws Exception {
        String id = route53.createZone("drift.test");
        Path file = dir.resolve("drift.test.zone");
        Files.writeString(file, zone(1, "10.0.0.1"));
        Route53ClientFactory factory = new Route53ClientFactory().endpoint(URI.create(route53.endpoint()))
                .rateLimiter(new AccountRateLimiter(1000)).credentials(Route53Connection.localCredentials());
        try (Route53Client client = factory.create()) {
            SdkRoute53Gateway gateway = new SdkRoute53Gateway(client, factory.callCounter());
            ManagedZone zone = new ManagedZone("default/" + id, "drift.test.", new ZoneSelector(id, Optional.empty(),
                    Optional.empty(), "us-east-1"), new ZoneFileSource(file, "drift.test."), PlanOptions.defaults(),
                    TimerOverrides.none(), Optional.empty(), Duration.ofHours(1));
            ZoneCatalog catalog = new ZoneCatalog(List.of(zone));
            Clock clock = Clock.systemUTC();
            ZoneSynchronizer synchronizer = new ZoneSynchronizer(catalog, gateway,
                    new SyncEngine(gateway, SafetyLimits.DEFAULT, false, new AccountRateLimiter(200), clock),
                    new ZoneStatusBoard(clock), new RefreshSchedule(catalog, clock));

            assertEquals(SyncOutcome.Result.APPLIED, synchronizer.apply(zone.work("start")).result());
            Files.writeString(file, zone(2, "10.0.0.2"));
            long lists = gateway.stats().requests("ListResourceRecordSets");
            assertEquals(SyncOutcome.Result.APPLIED, synchronizer.apply(zone.work("file-changed")).result());
            assertEquals(lists, gateway.stats().requests("ListResourceRecordSets"), "a delta reads nothing");

            client.changeResourceRecordSets(r -> r.hostedZoneId(id).changeBatch(b -> b.changes(c -> c
                    .action(ChangeAction.UPSERT).resourceRecordSet(s -> s.name("www.drift.test.").type(RRType.A)
                            .ttl(300L).resourceRecords(v -> v.value("10.66.66.66"))))));
            assertEquals(SyncOutcome.Result.UP_TO_DATE, synchronizer.apply(zone.work("refresh")).result(),
                    "serial 2 was applied: a normal run stops here");
            assertEquals(List.of(), synchronizer.dueVerifications(), "verifyEvery (1h) is not due");

            SyncOutcome verified = synchronizer.apply(zone.work(ZoneSynchronizer.VERIFY));
            assertEquals(SyncOutcome.Result.APPLIED, verified.result(), verified.message());
            assertTrue(verified.message().contains("verification found 1 record set(s) changed outside zonebridge"),
                    verified.message());
            assertEquals(1, synchronizer.driftFound(zone.key()));
            HostedZoneRef ref = route53.zone(id);
            assertEquals(List.of("10.0.0.2"), gateway.readName(ref, "www.drift.test.").get(0).values());
            RecordSet www = route53.records(id).get(RecordKey.of("www.drift.test.", "A"));
            assertEquals(List.of("10.0.0.2"), www.values());
        }
    }

    private static String zone(int serial, String address) {
        return "$ORIGIN drift.test.\n$TTL 300\n@ IN SOA ns1.drift.test. hostmaster.drift.test. " + serial
                + " 3600 600 86400 60\n@ IN NS ns1.drift.test.\nns1 IN A 192.0.2.1\nwww IN A " + address + "\n"
                + "mail IN A 10.0.0.9\n";
    }
}
