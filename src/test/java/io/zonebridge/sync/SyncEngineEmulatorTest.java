package io.zonebridge.sync;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.Route53RetryStrategy;
import io.zonebridge.route53.SdkRoute53Gateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SyncEngine} through the real SDK gateway against the local Route 53 ({@link LocalAwsServer}): a stale view
 * is refused by Route 53 and recovered by a re-read of the name, drift made by hand with the SDK is repaired by a
 * verification read, verification reads keep to their budget, and a delta costs no ListResourceRecordSets.
 */
class SyncEngineEmulatorTest {

    private static LocalAwsServer server;
    private static Route53Client client;
    private static Route53ClientFactory factory;
    private static SdkRoute53Gateway gateway;

    @BeforeAll
    static void start() {
        server = new LocalAwsServer(LocalRoute53Options.defaults().withDnsPort(-1));
        server.start(0);
        factory = new Route53ClientFactory()
                .endpoint(URI.create(server.endpoint()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDENGINE", "secret")))
                .rateLimiter(new AccountRateLimiter(100))
                .retryStrategy(Route53RetryStrategy.create(8, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)));
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

    private static HostedZoneRef createZone(String name) {
        var response = client.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                .vpc(v -> v.vpcId("vpc-0abc1234").vpcRegion("us-east-1")).hostedZoneConfig(c -> c.privateZone(true)));
        return new HostedZoneRef(HostedZoneRef.bareId(response.hostedZone().id()), RecordNameCodec.canonical(name), true, 2);
    }

    private static List<RecordSet> hosts(String origin, int count) {
        List<RecordSet> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sets.add(RecordSet.of("h" + i + "." + origin, "A", 300, "10.0." + (i / 250) + "." + (i % 250 + 1)));
        }
        return sets;
    }

    private static void upsertByHand(HostedZoneRef zone, String name, String value) {
        client.changeResourceRecordSets(r -> r.hostedZoneId(zone.id()).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.UPSERT).resourceRecordSet(s -> s.name(name).type(RRType.A).ttl(300L)
                        .resourceRecords(v -> v.value(value))))));
    }

    @Test
    void aDeltaAfterTheFirstSyncCostsOneChangeAndNoList() {
        HostedZoneRef zone = createZone("delta.engine.internal");
        SyncEngine engine = new SyncEngine(gateway, SafetyLimits.DEFAULT, false);
        List<RecordSet> sets = hosts(zone.name(), 1000);
        engine.sync(zone, ZoneSnapshot.of(zone.name(), sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        for (int i = 0; i < 10; i++) {
            sets.set(i * 50, RecordSet.of("h" + i * 50 + "." + zone.name(), "A", 300, "192.0.2." + (i + 1)));
        }
        ApiCallStats before = gateway.stats();
        SyncReport delta = engine.sync(zone, ZoneSnapshot.of(zone.name(), sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        ApiCallStats spent = gateway.stats().since(before);

        assertEquals(20, delta.applied().appliedChanges(), "10 changed sets: DELETE + CREATE each");
        assertEquals(0, spent.requests("ListResourceRecordSets"), spent.toString());
        assertEquals(1, spent.requests("ChangeResourceRecordSets"), spent.toString());
    }

    @Test
    void aliasRoutingPolicyAndTypeSwitchesGoOutAsVerifiedBatchesRoute53Accepts() {
        HostedZoneRef zone = createZone("shapes.engine.internal");
        String o = zone.name();
        SyncEngine engine = new SyncEngine(gateway, new SafetyLimits(1.0, 0), false);
        RecordSet target = RecordSet.of("target." + o, "A", 300, "10.0.0.1");
        RecordSet alias = RecordSet.alias("www." + o, "A", new AliasTarget(zone.id(), "target." + o, false));
        RecordSet blue = weighted(o, "blue", 60, 10, "10.1.1.1");
        RecordSet green = weighted(o, "green", 60, 20, "10.1.1.2");
        RecordSet cname = RecordSet.of("api." + o, "CNAME", 300, "target." + o);
        engine.sync(zone, ZoneSnapshot.of(o, List.of(target, alias, blue, green, cname)), PlanOptions.DEFAULTS,
                SyncRequest.NORMAL);

        RecordSet target2 = RecordSet.of("target2." + o, "A", 300, "10.0.0.2");
        RecordSet alias2 = RecordSet.alias("www." + o, "A", new AliasTarget(zone.id(), "target2." + o, false));
        RecordSet blue2 = weighted(o, "blue", 120, 30, "10.1.1.1");
        RecordSet green2 = weighted(o, "green", 120, 20, "10.1.1.2");
        RecordSet apiA = RecordSet.of("api." + o, "A", 300, "10.2.2.2");
        ZoneSnapshot desired = ZoneSnapshot.of(o, List.of(target, target2, alias2, blue2, green2, apiA));
        ApiCallStats before = gateway.stats();
        SyncReport report = engine.sync(zone, desired, PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        ApiCallStats spent = gateway.stats().since(before);

        assertTrue(report.applied().isComplete(), report.applied().failures().toString());
        assertEquals(0, report.staleRetries());
        assertEquals(1, spent.requests("ChangeResourceRecordSets"), "one verified batch: " + spent);
        assertEquals(0, spent.errors("InvalidChangeBatch"), spent.toString());
        ZoneSnapshot held = gateway.readZone(zone);
        for (RecordSet set : desired.recordSets().values()) {
            assertEquals(set, held.get(set.key()).orElse(null), "Route 53 holds " + set.key());
        }
        assertTrue(held.get(cname.key()).isEmpty(), "the CNAME was replaced by an A in the same batch");
    }

    private static RecordSet weighted(String origin, String id, long ttl, long weight, String value) {
        return new RecordSet(new RecordKey("w." + origin, "A", id), ttl, List.of(value), null, Routing.weighted(weight));
    }

    @Test
    void aStaleViewIsRefusedByRoute53ThenTheNameIsReadAgainAndTheChangeApplied() {
        HostedZoneRef zone = createZone("stale.engine.internal");
        SyncEngine engine = new SyncEngine(gateway, SafetyLimits.DEFAULT, false);
        List<RecordSet> sets = hosts(zone.name(), 50);
        engine.sync(zone, ZoneSnapshot.of(zone.name(), sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        upsertByHand(zone, "h3." + zone.name(), "10.99.99.99");

        sets.set(3, RecordSet.of("h3." + zone.name(), "A", 300, "192.0.2.3"));
        ApiCallStats before = gateway.stats();
        SyncReport report = engine.sync(zone, ZoneSnapshot.of(zone.name(), sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        ApiCallStats spent = gateway.stats().since(before);

        assertTrue(report.applied().isComplete(), report.applied().failures().toString());
        assertEquals(1, report.staleRetries());
        assertEquals(1, report.nameReads());
        assertEquals(1, spent.errors("InvalidChangeBatch"), "the batch on the stale view was refused: " + spent);
        assertEquals(1, spent.requests("ListResourceRecordSets"), "one read of h3 only: " + spent);
        assertEquals(2, spent.requests("ChangeResourceRecordSets"), spent.toString());
        assertEquals(List.of("192.0.2.3"), gateway.readName(zone, "h3." + zone.name()).get(0).values());
    }

    @Test
    void driftMadeByHandIsRepairedByAVerificationReadWithinItsBudget() {
        HostedZoneRef zone = createZone("drift.engine.internal");
        double budgetRate = 20;
        SyncEngine engine = new SyncEngine(gateway, SafetyLimits.DEFAULT, false, new AccountRateLimiter(budgetRate),
                Clock.systemUTC());
        ZoneSnapshot desired = ZoneSnapshot.of(zone.name(), hosts(zone.name(), 2998));
        engine.sync(zone, desired, PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        upsertByHand(zone, "h17." + zone.name(), "10.66.66.66");

        SyncReport unverified = engine.sync(zone, desired, PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.IN_STEP, unverified.result(), "without verification the view cannot know");

        ApiCallStats before = gateway.stats();
        long start = System.nanoTime();
        SyncReport verified = engine.sync(zone, desired, PlanOptions.DEFAULTS, SyncRequest.NORMAL.withVerify(true));
        double seconds = (System.nanoTime() - start) / 1e9;
        ApiCallStats spent = gateway.stats().since(before);

        assertEquals(1, verified.drift());
        assertEquals(2, verified.applied().appliedChanges(), "DELETE of the hand-made value + CREATE of the desired one");
        assertEquals(List.of("10.0.0.18"), gateway.readName(zone, "h17." + zone.name()).get(0).values());
        long pages = spent.requests("ListResourceRecordSets");
        assertEquals(10, pages, "one full read: 3,000 sets in pages of 300; " + spent);
        assertTrue(seconds >= (pages - 1) / budgetRate, "pages paced at " + budgetRate + "/s: " + seconds + " s");
        assertEquals(1, engine.driftFound(zone.id()));
    }
}
