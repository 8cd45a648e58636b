package io.zonebridge.sync;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.InMemoryRoute53Gateway;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SyncEngine} against the in-memory Route 53: view, verified batches, stale-view recovery, drift. */
class SyncEngineTest {

    private static final String ORIGIN = "example.internal.";

    private final InMemoryRoute53Gateway route53 = new InMemoryRoute53Gateway();
    private final RecordingGateway gateway = new RecordingGateway(route53);
    private final HostedZoneRef zone = route53.createZone(ORIGIN, true);
    private final SyncEngine engine = new SyncEngine(gateway, SafetyLimits.DEFAULT, false);

    private static ZoneSnapshot desired(RecordSet... sets) {
        return ZoneSnapshot.of(ORIGIN, List.of(sets));
    }

    private static List<RecordSet> hosts(int count, String prefix) {
        List<RecordSet> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sets.add(RecordSet.of("host" + i + "." + ORIGIN, "A", 300, prefix + (i % 250)));
        }
        return sets;
    }

    @Test
    void firstRunReadsTheZoneOnceAndLaterDeltasReadNothing() {
        List<RecordSet> sets = hosts(2000, "10.0.0.");
        SyncReport first = engine.sync(zone, ZoneSnapshot.of(ORIGIN, sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.APPLIED, first.result());
        assertEquals(1, first.fullReads());
        assertEquals(2, first.applied().changeIds().size(), "2,000 elements: two batches");

        sets.set(7, RecordSet.of("host7." + ORIGIN, "A", 300, "192.0.2.7"));
        sets.remove(9);
        sets.add(RecordSet.of("new." + ORIGIN, "TXT", 60, "\"hello\""));
        int readsBefore = route53.zoneReads() + route53.nameReads();
        int changesBefore = route53.changeRequests();
        SyncReport delta = engine.sync(zone, ZoneSnapshot.of(ORIGIN, sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        assertEquals(0, delta.fullReads() + delta.nameReads());
        assertEquals(readsBefore, route53.zoneReads() + route53.nameReads(), "no read at all for a delta");
        assertEquals(changesBefore + 1, route53.changeRequests(), "one ChangeResourceRecordSets");
        assertEquals(4, delta.applied().appliedChanges(), "DELETE + CREATE of host7, DELETE of host9, CREATE of new");
        assertEquals(List.of(), gateway.violations);
        assertEquals(0, gateway.upserts());
        assertEquals(managed(ZoneSnapshot.of(ORIGIN, sets)), managed(route53.contents(zone)));
    }

    @Test
    void aReplicaThatLeadsAgainReadsEveryZoneWholeAndRepairsWhatTheOtherLeaderWrote() {
        ViewGeneration generation = new ViewGeneration();
        SyncEngine replicaA = new SyncEngine(gateway, SafetyLimits.DEFAULT, false, null, Clock.systemUTC(), generation);
        SyncEngine stale = new SyncEngine(gateway, SafetyLimits.DEFAULT, false); // keeps its views whatever happens
        SyncEngine replicaB = new SyncEngine(gateway, SafetyLimits.DEFAULT, false);
        List<RecordSet> sets = hosts(20, "10.0.0.");
        replicaA.sync(zone, ZoneSnapshot.of(ORIGIN, sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        stale.sync(zone, ZoneSnapshot.of(ORIGIN, sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        // A stands by; B leads and writes host3 (a primary's change that A's source takes back later)
        List<RecordSet> written = new ArrayList<>(sets);
        written.set(3, RecordSet.of("host3." + ORIGIN, "A", 300, "192.0.2.3"));
        replicaB.sync(zone, ZoneSnapshot.of(ORIGIN, written), PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        SyncReport trusting = stale.sync(zone, ZoneSnapshot.of(ORIGIN, sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.IN_STEP, trusting.result(), "a view kept across leaderships misses B's write");

        generation.advance(); // A leads again
        SyncReport again = replicaA.sync(zone, ZoneSnapshot.of(ORIGIN, sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(1, again.fullReads(), "the zone is read whole, as after a restart");
        assertEquals(SyncReport.Result.APPLIED, again.result());
        assertEquals(managed(ZoneSnapshot.of(ORIGIN, sets)), managed(route53.contents(zone)));
        assertEquals(0, replicaA.driftFound(zone.id()), "another leader's write is not drift");
        assertEquals(List.of(), gateway.violations);

        SyncReport next = replicaA.sync(zone, ZoneSnapshot.of(ORIGIN, sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(0, next.fullReads(), "the new view is trusted in its generation");
        assertEquals(SyncReport.Result.IN_STEP, next.result());
    }

    @Test
    void aZoneInStepHoldsOneCopyOfEachSetAfterARestartAndAfterADelta() {
        engine.sync(zone, ZoneSnapshot.of(ORIGIN, hosts(50, "10.0.0.")), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        engine.forget(zone.id()); // as after a restart: the next run reads the zone whole into a new view

        List<RecordSet> again = hosts(50, "10.0.0.");
        SyncReport restart = engine.sync(zone, ZoneSnapshot.of(ORIGIN, again), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.IN_STEP, restart.result());
        for (RecordSet set : again) {
            assertSame(set, engine.known(zone.id()).orElseThrow().recordSets().get(set.key()),
                    "the view holds the desired instance of " + set.key());
        }

        RecordSet host7 = RecordSet.of("host7." + ORIGIN, "A", 300, "10.0.0.7");
        SyncReport delta = engine.syncChange(zone, DesiredChange.of(ORIGIN, Set.of(host7.name()), List.of(host7)),
                () -> ZoneSnapshot.of(ORIGIN, again), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.IN_STEP, delta.result());
        assertSame(host7, engine.known(zone.id()).orElseThrow().recordSets().get(host7.key()),
                "a delta's unchanged set is held as its instance");
    }

    @Test
    void aChangedSetIsDeletedWithTheHeldValuesAndCreatedInOneBatch() {
        RecordSet alias = RecordSet.alias("www." + ORIGIN, "A", new AliasTarget("Z2FDTNDATAQYW2", "d1.cloudfront.net.", false));
        RecordSet weighted = new RecordSet(new RecordKey("w." + ORIGIN, "A", "blue"), 60L, List.of("10.1.1.1"), null,
                Routing.weighted(10));
        engine.sync(zone, desired(alias, weighted), PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        RecordSet alias2 = RecordSet.alias("www." + ORIGIN, "A", new AliasTarget("Z2FDTNDATAQYW2", "d2.cloudfront.net.", false));
        RecordSet weighted2 = new RecordSet(weighted.key(), 60L, List.of("10.1.1.1"), null, Routing.weighted(20));
        SyncReport report = engine.sync(zone, desired(alias2, weighted2), PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        List<Change> batch = gateway.accepted.get(gateway.accepted.size() - 1);
        assertEquals(1, report.applied().changeIds().size());
        assertEquals(List.of(ChangeAction.DELETE, ChangeAction.CREATE, ChangeAction.DELETE, ChangeAction.CREATE),
                batch.stream().map(Change::action).toList());
        assertEquals(alias, batch.get(2).recordSet(), "the held alias, exactly");
        assertEquals(weighted, batch.get(0).recordSet(), "the held weighted set, set identifier and weight included");
        assertEquals(List.of(), gateway.violations);
    }

    @Test
    void theApexSoaSerialIsTheOnlyUpsert() {
        RecordSet soa = RecordSet.of(ORIGIN, "SOA", 900, "ns1.example.internal. hostmaster.example.internal. 42 7200 900 1209600 300");
        RecordSet www = RecordSet.of("www." + ORIGIN, "A", 300, "10.0.0.1");
        engine.sync(zone, desired(soa, www), PlanOptions.DEFAULTS.withManageApexSoaSerial(true), SyncRequest.NORMAL);

        assertEquals(1, gateway.upserts());
        assertEquals(42L, route53.contents(zone).serial().orElseThrow());
        assertEquals(List.of(), gateway.violations);
    }

    @Test
    void aStaleViewCostsOneRefusedBatchAndARereadOfItsNames() {
        RecordSet www = RecordSet.of("www." + ORIGIN, "A", 300, "10.0.0.1");
        RecordSet mail = RecordSet.of("mail." + ORIGIN, "A", 300, "10.0.0.2");
        engine.sync(zone, desired(www, mail), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        route53.editByHand(zone, www.key(), RecordSet.of("www." + ORIGIN, "A", 300, "10.9.9.9"));
        int refusedBefore = gateway.refused;

        RecordSet www2 = RecordSet.of("www." + ORIGIN, "A", 300, "10.0.0.3");
        SyncReport report = engine.sync(zone, desired(www2, mail), PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        assertEquals(SyncReport.Result.APPLIED, report.result());
        assertTrue(report.applied().isComplete(), report.applied().failures().toString());
        assertEquals(1, gateway.refused - refusedBefore, "the batch built on the stale view was refused once");
        assertEquals(1, report.staleRetries());
        assertEquals(1, report.nameReads(), "only www. was read again");
        assertEquals(0, report.fullReads());
        assertEquals(www2, route53.contents(zone).get(www.key()).orElseThrow());
        assertEquals(List.of(), gateway.violations);
    }

    @Test
    void aBadRecordIsIsolatedByNameGroupAndTheRestApplied() {
        RecordSet good = RecordSet.of("good." + ORIGIN, "A", 300, "10.0.0.1");
        RecordSet outside = RecordSet.of("www.example.internal.", "CNAME", 300, "x.example.org.");
        RecordSet clash = RecordSet.of("www.example.internal.", "A", 300, "10.0.0.5");
        SyncReport report = engine.sync(zone, desired(good, outside, clash), PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        assertEquals(1, report.applied().failures().size(), report.applied().failures().toString());
        assertEquals("www.example.internal.", report.applied().failures().get(0).name());
        assertTrue(route53.contents(zone).get(good.key()).isPresent());
        assertEquals(0, report.staleRetries(), "a CNAME conflict is no stale view");
    }

    @Test
    void verificationFindsAndRepairsDriftEvenWhenNothingWasAskedToChange() {
        Instant[] now = {Instant.parse("2026-12-07T00:00:00Z")};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        SyncEngine timed = new SyncEngine(gateway, SafetyLimits.DEFAULT, false, null, clock);
        RecordSet www = RecordSet.of("www." + ORIGIN, "A", 300, "10.0.0.1");
        SyncRequest hourly = SyncRequest.NORMAL.withVerifyEvery(Duration.ofHours(1));
        timed.sync(zone, desired(www), PlanOptions.DEFAULTS, hourly);
        route53.editByHand(zone, www.key(), RecordSet.of("www." + ORIGIN, "A", 300, "10.6.6.6"));

        SyncReport early = timed.sync(zone, desired(www), PlanOptions.DEFAULTS, hourly);
        assertEquals(SyncReport.Result.IN_STEP, early.result(), "the view does not know yet");
        assertEquals(0, early.fullReads());

        now[0] = now[0].plus(Duration.ofMinutes(61));
        SyncReport due = timed.sync(zone, desired(www), PlanOptions.DEFAULTS, hourly);
        assertEquals(1, due.fullReads());
        assertEquals(1, due.drift());
        assertEquals(SyncReport.Result.APPLIED, due.result());
        assertEquals(www, route53.contents(zone).get(www.key()).orElseThrow());
        assertEquals(1, timed.driftFound(zone.id()));

        route53.editByHand(zone, RecordKey.of("extra." + ORIGIN, "A"), RecordSet.of("extra." + ORIGIN, "A", 60, "10.7.7.7"));
        SyncReport asked = timed.sync(zone, desired(www), PlanOptions.DEFAULTS, SyncRequest.NORMAL.withVerify(true));
        assertEquals(1, asked.drift());
        assertTrue(route53.contents(zone).get(RecordKey.of("extra." + ORIGIN, "A")).isEmpty(), "repaired on demand");
    }

    @Test
    void aLostResponseDropsTheViewSoTheNextRunReadsAgain() {
        RecordSet www = RecordSet.of("www." + ORIGIN, "A", 300, "10.0.0.1");
        gateway.loseNextResponse = true;
        try {
            engine.sync(zone, desired(www), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        } catch (IllegalStateException expected) {
            // the batch went in, the answer did not come back
        }
        SyncReport next = engine.sync(zone, desired(www), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        assertEquals(1, next.fullReads());
        assertEquals(SyncReport.Result.IN_STEP, next.result());
    }

    @Test
    void aPlanAboveTheSafetyLimitIsRefusedUnlessForced() {
        List<RecordSet> sets = hosts(20, "10.0.0.");
        engine.sync(zone, ZoneSnapshot.of(ORIGIN, sets), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        SyncReport refused = engine.sync(zone, ZoneSnapshot.of(ORIGIN, sets.subList(0, 5)), PlanOptions.DEFAULTS,
                SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.REFUSED, refused.result());
        assertTrue(refused.detail().contains("refusing to change zone"), refused.detail());
        assertEquals(22, route53.contents(zone).size(), "nothing applied");
        SyncReport forced = engine.sync(zone, ZoneSnapshot.of(ORIGIN, sets.subList(0, 5)), PlanOptions.DEFAULTS,
                new SyncRequest(true, false, false, null));
        assertEquals(SyncReport.Result.APPLIED, forced.result());
        assertEquals(7, route53.contents(zone).size());
    }

    static List<RecordSet> managed(ZoneSnapshot zone) {
        return zone.recordSets().values().stream()
                .filter(s -> !(s.name().equals(zone.origin()) && (s.type().equals("SOA") || s.type().equals("NS"))))
                .sorted(java.util.Comparator.comparing(RecordSet::key)).toList();
    }
}
