package io.zonebridge.sync;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.route53.Route53Client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SyncEngine#syncPartial} against the local Route 53: only the decided keys change, released deletes do not
 * count against the safety limits (other deletes do), and a stale view makes the engine decide again against what
 * it re-read.
 */
class SyncEnginePartialTest {

    private static LocalAwsServer server;
    private static Route53Client client;
    private static SdkRoute53Gateway gateway;

    @BeforeAll
    static void start() {
        server = new LocalAwsServer(LocalRoute53Options.defaults().withDnsPort(-1));
        server.start(0);
        Route53ClientFactory factory = new Route53ClientFactory().endpoint(URI.create(server.endpoint()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPARTIAL", "secret")))
                .rateLimiter(new AccountRateLimiter(100));
        client = factory.create();
        gateway = new SdkRoute53Gateway(client, factory.callCounter(), Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static HostedZoneRef zoneWithHosts(String name, int count, SyncEngine engine) {
        var response = client.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                .vpc(v -> v.vpcId("vpc-0abc1234").vpcRegion("us-east-1")).hostedZoneConfig(c -> c.privateZone(true)));
        HostedZoneRef zone = new HostedZoneRef(HostedZoneRef.bareId(response.hostedZone().id()),
                RecordNameCodec.canonical(name), true, 2);
        List<RecordSet> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sets.add(host(zone, i, "10.0.0." + (i + 1)));
        }
        // the full sync keeps SOA/NS as read: only the hosts are desired on top of them
        engine.syncPartial(zone, PartialDesired.of(sets, List.of()), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        return zone;
    }

    private static RecordSet host(HostedZoneRef zone, int i, String address) {
        return RecordSet.of("h" + i + "." + zone.name(), "A", 300, address);
    }

    @Test
    void onlyTheDecidedKeysChangeWithoutAnyRead() {
        SyncEngine engine = new SyncEngine(gateway, SafetyLimits.DEFAULT, false);
        HostedZoneRef zone = zoneWithHosts("partial.engine.internal", 20, engine);
        ApiCallStats before = gateway.stats();
        SyncReport report = engine.syncPartial(zone, PartialDesired.of(
                        List.of(host(zone, 0, "192.0.2.1"), host(zone, 99, "192.0.2.99")),
                        List.of(RecordKey.of("h1." + zone.name(), "A"), RecordKey.of("gone." + zone.name(), "A"))),
                PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        ApiCallStats spent = gateway.stats().since(before);

        assertEquals(SyncReport.Result.APPLIED, report.result(), report.detail());
        assertEquals(4, report.applied().appliedChanges(), "h0 DELETE + CREATE, h99 CREATE, h1 DELETE");
        assertEquals(0, spent.requests("ListResourceRecordSets"), spent.toString());
        assertEquals(1, spent.requests("ChangeResourceRecordSets"), spent.toString());
        ZoneSnapshot held = gateway.readZone(zone);
        assertEquals(List.of("192.0.2.1"), held.get(RecordKey.of("h0." + zone.name(), "A")).orElseThrow().values());
        assertTrue(held.get(RecordKey.of("h1." + zone.name(), "A")).isEmpty());
        assertEquals(List.of("10.0.0.3"), held.get(RecordKey.of("h2." + zone.name(), "A")).orElseThrow().values(),
                "an undecided key is left alone");
    }

    @Test
    void releasedDeletesDoNotCountAgainstTheSafetyLimitsOtherDeletesDo() {
        SyncEngine engine = new SyncEngine(gateway, SafetyLimits.DEFAULT, false);
        HostedZoneRef zone = zoneWithHosts("released.engine.internal", 20, engine);
        List<RecordKey> half = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            half.add(RecordKey.of("h" + i + "." + zone.name(), "A"));
        }
        SyncReport refused = engine.syncPartial(zone, PartialDesired.of(List.of(), half), PlanOptions.DEFAULTS,
                SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.REFUSED, refused.result(), "10 of 22 sets deleted is over 30%");
        assertEquals(22, gateway.readZone(zone).size());

        SyncReport released = engine.syncPartial(zone, PartialDesired.of(List.of(), half).releasing(Set.copyOf(half)),
                PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.APPLIED, released.result(), released.detail());
        assertEquals(12, gateway.readZone(zone).size());
    }

    @Test
    void aStaleViewIsDecidedAgainAgainstWhatWasReread() {
        SyncEngine engine = new SyncEngine(gateway, SafetyLimits.DEFAULT, false);
        HostedZoneRef zone = zoneWithHosts("redecide.engine.internal", 20, engine);
        RecordKey h3 = RecordKey.of("h3." + zone.name(), "A");
        engine.readNames(zone, List.of("h3." + zone.name())); // the view keeps h3 as 10.0.0.4
        client.changeResourceRecordSets(r -> r.hostedZoneId(zone.id()).changeBatch(b -> b.changes(c -> c
                .action("UPSERT").resourceRecordSet(s -> s.name(h3.name()).type("A").ttl(300L)
                        .resourceRecords(v -> v.value("10.9.9.9"))))));
        AtomicInteger decisions = new AtomicInteger();
        // "h3 moves to 10.0.0.40 unless someone else put it elsewhere": decided against the view each time
        PartialDesired desired = view -> {
            decisions.incrementAndGet();
            Optional<RecordSet> held = view.get(h3);
            return held.isPresent() && held.get().values().equals(List.of("10.9.9.9"))
                    ? Map.of() : Map.of(h3, Optional.of(host(zone, 3, "10.0.0.40")));
        };
        SyncReport report = engine.syncPartial(zone, desired, PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        assertEquals(1, report.staleRetries(), "the DELETE of the old values was refused, h3 re-read");
        assertTrue(decisions.get() >= 2, "decided again after the re-read: " + decisions.get());
        assertEquals(List.of("10.9.9.9"), gateway.readZone(zone).get(h3).orElseThrow().values(),
                "the other writer's value stays, as decided against the re-read view");
    }
}
