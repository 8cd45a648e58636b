package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.plan.SyncPolicy;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.InMemoryRoute53Gateway;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SyncEngine#syncChange} against the in-memory Route 53: a delta costs no read and one batch, and keeps every
 * rule of a whole-zone plan (policies, TTLs ignored, leave-alone names, safety limits against the whole zone,
 * stale-view recovery); without a view, or when a verification is asked for, it plans the whole zone.
 */
class SyncEngineDeltaTest {

    private static final String ORIGIN = "delta.internal.";

    private final InMemoryRoute53Gateway route53 = new InMemoryRoute53Gateway();
    private final RecordingGateway gateway = new RecordingGateway(route53);
    private final HostedZoneRef zone = route53.createZone(ORIGIN, true);
    private final Map<RecordKey, RecordSet> desired = new HashMap<>();

    private static RecordSet a(String label, long ttl, String... values) {
        return RecordSet.of(label + "." + ORIGIN, "A", ttl, values);
    }

    private SyncEngine inStep(SafetyLimits safety, PlanOptions options, RecordSet... sets) {
        for (RecordSet set : sets) {
            desired.put(set.key(), set);
        }
        SyncEngine engine = new SyncEngine(gateway, safety, false);
        SyncReport first = engine.sync(zone, whole(), options, SyncRequest.NORMAL);
        assertEquals(SyncReport.Result.APPLIED, first.result(), first.toString());
        return engine;
    }

    private ZoneSnapshot whole() {
        return new ZoneSnapshot(ORIGIN, desired);
    }

    /** The change making {@code label} hold exactly {@code sets}; the kept desired zone patched with it. */
    private DesiredChange change(String label, RecordSet... sets) {
        String name = label + "." + ORIGIN;
        desired.keySet().removeIf(key -> key.name().equals(name));
        for (RecordSet set : sets) {
            desired.put(set.key(), set);
        }
        return DesiredChange.of(ORIGIN, Set.of(name), List.of(sets));
    }

    private static Supplier<ZoneSnapshot> notNeeded() {
        return () -> {
            throw new AssertionError("the delta was planned against the view: no whole zone needed");
        };
    }

    @Test
    void aDeltaReadsNothingAndSendsOneVerifiedBatch() {
        SyncEngine engine = inStep(SafetyLimits.DEFAULT, PlanOptions.DEFAULTS, hosts(2000));
        int reads = route53.zoneReads() + route53.nameReads();
        int changes = route53.changeRequests();

        SyncReport report = engine.syncChange(zone, change("host7", a("host7", 300, "192.0.2.7")), notNeeded(),
                PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        assertEquals(SyncReport.Result.APPLIED, report.result());
        assertEquals(reads, route53.zoneReads() + route53.nameReads(), "no ListResourceRecordSets");
        assertEquals(changes + 1, route53.changeRequests(), "one ChangeResourceRecordSets");
        assertEquals(2, report.applied().appliedChanges(), "DELETE of the held values + CREATE");
        assertEquals(2000, report.plan().currentSize(), "safety sees the whole zone");
        assertEquals(SyncEngineTest.managed(whole()), SyncEngineTest.managed(route53.contents(zone)));
        assertEquals(List.of(), gateway.violations);
    }

    @Test
    void underUpsertOnlyADeltaThatEmptiesANameDeletesNothingButStillUpdates() {
        PlanOptions upsertOnly = PlanOptions.DEFAULTS.withPolicy(SyncPolicy.UPSERT_ONLY);
        SyncEngine engine = inStep(SafetyLimits.DEFAULT, upsertOnly, a("gone", 300, "10.0.0.1"),
                a("moved", 300, "10.0.0.2"));

        SyncReport gone = engine.syncChange(zone, change("gone"), notNeeded(), upsertOnly, SyncRequest.NORMAL);
        SyncReport moved = engine.syncChange(zone, change("moved", a("moved", 300, "10.0.0.3")), notNeeded(),
                upsertOnly, SyncRequest.NORMAL);

        assertEquals(SyncReport.Result.IN_STEP, gone.result());
        assertTrue(route53.contents(zone).get(RecordKey.of("gone." + ORIGIN, "A")).isPresent(), "kept");
        assertEquals(SyncReport.Result.APPLIED, moved.result());
        assertEquals(List.of("10.0.0.3"), route53.contents(zone).get(RecordKey.of("moved." + ORIGIN, "A"))
                .orElseThrow().values());
    }

    @Test
    void withTtlsIgnoredATtlOnlyDeltaIsNoChangeAndANewValueKeepsTheHeldTtl() {
        PlanOptions ignoreTtl = PlanOptions.DEFAULTS.withIgnoreTtl(true);
        SyncEngine engine = inStep(SafetyLimits.DEFAULT, ignoreTtl, a("www", 300, "10.0.0.1"));

        SyncReport ttlOnly = engine.syncChange(zone, change("www", a("www", 60, "10.0.0.1")), notNeeded(), ignoreTtl,
                SyncRequest.NORMAL);
        SyncReport value = engine.syncChange(zone, change("www", a("www", 60, "10.0.0.9")), notNeeded(), ignoreTtl,
                SyncRequest.NORMAL);

        assertEquals(SyncReport.Result.IN_STEP, ttlOnly.result());
        assertEquals(SyncReport.Result.APPLIED, value.result());
        assertEquals(a("www", 300, "10.0.0.9"), route53.contents(zone).get(RecordKey.of("www." + ORIGIN, "A"))
                .orElseThrow(), "the value changed, the TTL Route 53 holds stayed");
    }

    @Test
    void aDeltaAtALeaveAloneNameChangesNothingThere() {
        PlanOptions leaveAlone = PlanOptions.DEFAULTS.withIgnored("manual." + ORIGIN, "*.lab." + ORIGIN);
        SyncEngine engine = inStep(SafetyLimits.DEFAULT, leaveAlone, a("www", 300, "10.0.0.1"));
        RecordSet byHand = a("manual", 300, "192.0.2.99");
        RecordSet labByHand = RecordSet.of("pc1.lab." + ORIGIN, "A", 300, "192.0.2.98");
        route53.seed(zone, byHand, labByHand);

        SyncReport manual = engine.syncChange(zone, change("manual", a("manual", 300, "10.0.0.5")), notNeeded(),
                leaveAlone, SyncRequest.NORMAL);
        SyncReport lab = engine.syncChange(zone, change("pc1.lab"), notNeeded(), leaveAlone, SyncRequest.NORMAL);

        assertEquals(SyncReport.Result.IN_STEP, manual.result());
        assertEquals(SyncReport.Result.IN_STEP, lab.result());
        assertEquals(byHand, route53.contents(zone).get(byHand.key()).orElseThrow());
        assertEquals(labByHand, route53.contents(zone).get(labByHand.key()).orElseThrow());
    }

    @Test
    void safetyLimitsCountTheWholeZoneAndRefuseADeltaAsTheWholePlanWould() {
        SafetyLimits safety = new SafetyLimits(0.30, 10);
        SyncEngine engine = inStep(safety, PlanOptions.DEFAULTS, hosts(20));
        List<RecordSet> none = List.of();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 7; i++) {
            change("host" + i);
            names.add("host" + i + "." + ORIGIN);
        }
        DesiredChange sevenGone = DesiredChange.of(ORIGIN, names, none);
        SyncReport whole = engine.sync(zone, whole(), PlanOptions.DEFAULTS, new SyncRequest(false, true, false, null));

        SyncReport refused = engine.syncChange(zone, sevenGone, notNeeded(), PlanOptions.DEFAULTS, SyncRequest.NORMAL);
        SyncReport forced = engine.syncChange(zone, sevenGone, notNeeded(), PlanOptions.DEFAULTS,
                new SyncRequest(true, false, false, null));

        assertEquals(SyncReport.Result.REFUSED, whole.result());
        assertEquals(SyncReport.Result.REFUSED, refused.result());
        assertEquals(whole.detail(), refused.detail(), "7 of 20 record sets, as the whole plan says");
        assertEquals(20, refused.plan().currentSize());
        assertEquals(SyncReport.Result.APPLIED, forced.result());
        assertEquals(13, SyncEngineTest.managed(route53.contents(zone)).size());
    }

    @Test
    void aStaleViewAtADeltasNameCostsOneRefusedBatchAndARereadOfThatName() {
        SyncEngine engine = inStep(SafetyLimits.DEFAULT, PlanOptions.DEFAULTS, hosts(50));
        route53.editByHand(zone, RecordKey.of("host3." + ORIGIN, "A"), a("host3", 300, "203.0.113.3"));

        SyncReport report = engine.syncChange(zone, change("host3", a("host3", 300, "192.0.2.33")), notNeeded(),
                PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        assertEquals(SyncReport.Result.APPLIED, report.result());
        assertTrue(report.applied().isComplete(), report.toString());
        assertEquals(1, report.staleRetries());
        assertEquals(1, report.nameReads(), "host3 re-read by name");
        assertEquals(0, report.fullReads());
        assertEquals(1, gateway.refused);
        assertEquals(a("host3", 300, "192.0.2.33"), route53.contents(zone).get(RecordKey.of("host3." + ORIGIN, "A"))
                .orElseThrow());
        assertEquals(List.of(), gateway.violations);
    }

    @Test
    void withoutAViewOrWhenAVerificationIsAskedADeltaPlansTheWholeZone() {
        inStep(SafetyLimits.DEFAULT, PlanOptions.DEFAULTS, hosts(30));
        route53.editByHand(zone, RecordKey.of("host9." + ORIGIN, "A"), null); // drift elsewhere
        SyncEngine restarted = new SyncEngine(gateway, SafetyLimits.DEFAULT, false);

        SyncReport first = restarted.syncChange(zone, change("host1", a("host1", 300, "192.0.2.1")), this::whole,
                PlanOptions.DEFAULTS, SyncRequest.NORMAL);

        assertEquals(1, first.fullReads());
        assertEquals(2, first.plan().changes().stream().map(Change::key).distinct().count(),
                "host1 changed and host9 repaired: the whole zone was planned");
        assertEquals(SyncEngineTest.managed(whole()), SyncEngineTest.managed(route53.contents(zone)));

        route53.editByHand(zone, RecordKey.of("host8." + ORIGIN, "A"), null);
        SyncReport verified = restarted.syncChange(zone, change("host2", a("host2", 300, "192.0.2.2")), this::whole,
                PlanOptions.DEFAULTS, SyncRequest.NORMAL.withVerify(true));

        assertEquals(1, verified.fullReads());
        assertEquals(1, verified.drift());
        assertEquals(SyncEngineTest.managed(whole()), SyncEngineTest.managed(route53.contents(zone)));
    }

    private static RecordSet[] hosts(int count) {
        List<RecordSet> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sets.add(a("host" + i, 300, "10.0.0." + (i % 250)));
        }
        return sets.toArray(RecordSet[]::new);
    }
}
