package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.plan.SyncPolicy;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.InMemoryRoute53Gateway;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delta planned alone ({@link SyncEngine#syncChange}) does exactly what the whole desired zone planned against the
 * view does ({@link SyncEngine#sync}), for random zones, random IXFR-like deltas (some names now hold other sets or
 * none, the apex SOA serial moves when the apex is touched), sets someone else made in Route 53 (routed ones too),
 * every policy, TTLs ignored or not, leave-alone names and subtrees, managed types, the apex SOA serial mirrored or
 * not, and safety limits that refuse some deltas: the same plan (changes and the zone's managed size), the same
 * outcome, the same hosted zone afterwards; and the delta reads nothing from Route 53.
 */
class SyncEngineDeltaPropertyTest {

    private static final String ORIGIN = "delta.internal.";
    /** Record names below the origin ("" is the apex); c and x.sub are left alone by some options. */
    private static final List<String> NAMES = List.of("", "a", "b", "c", "w", "x.sub");
    private static final List<String> TYPES = List.of("A", "TXT");

    /**
     * One case.
     *
     * @param zone         the desired zone before the delta (without apex SOA and NS, added by {@link #desired})
     * @param touched      the names the delta concerns
     * @param now          the sets the delta's names hold now (those not at a touched name are dropped)
     * @param foreign      sets someone else made in Route 53 before the first run
     * @param options      how the zone is planned
     * @param safety       the engine's safety limits
     */
    record Scenario(Map<RecordKey, RecordSet> zone, Set<String> touched, List<RecordSet> now,
                    List<RecordSet> foreign, PlanOptions options, SafetyLimits safety) {
    }

    @Property(tries = 400)
    void aDeltaPlannedAloneDoesWhatTheWholeZonePlannedDoes(@ForAll("scenarios") Scenario scenario) {
        ZoneSnapshot before = desired(scenario.zone(), 5);
        Map<RecordKey, RecordSet> after = new HashMap<>(scenario.zone());
        after.keySet().removeIf(key -> scenario.touched().contains(key.name()));
        List<RecordSet> now = new ArrayList<>();
        for (RecordSet set : scenario.now()) {
            if (scenario.touched().contains(set.name())) {
                after.put(set.key(), set);
                now.add(set);
            }
        }
        boolean apexTouched = scenario.touched().contains(ORIGIN);
        ZoneSnapshot desired = desired(after, apexTouched ? 6 : 5);
        if (apexTouched) {
            now.add(desired.soa().orElseThrow());
            now.add(desired.get(RecordKey.of(ORIGIN, "NS")).orElseThrow());
        }
        DesiredChange change = DesiredChange.of(ORIGIN, scenario.touched(), now);

        Twin whole = new Twin(scenario, before);
        Twin delta = new Twin(scenario, before);
        SyncRequest dryRun = new SyncRequest(false, true, false, null);
        SyncReport wholeDry = whole.engine.sync(whole.zone, desired, scenario.options(), dryRun);
        SyncReport deltaDry = delta.engine.syncChange(delta.zone, change, () -> {
            throw new AssertionError("a delta against a view needs no whole zone");
        }, scenario.options(), dryRun);
        assertSame(wholeDry, deltaDry);

        int reads = delta.route53.zoneReads() + delta.route53.nameReads();
        SyncReport wholeRun = whole.engine.sync(whole.zone, desired, scenario.options(), SyncRequest.NORMAL);
        SyncReport deltaRun = delta.engine.syncChange(delta.zone, change, () -> desired, scenario.options(),
                SyncRequest.NORMAL);
        assertSame(wholeRun, deltaRun);
        assertEquals(wholeRun.applied().appliedChanges(), deltaRun.applied().appliedChanges());
        assertEquals(0, deltaRun.fullReads() + deltaRun.nameReads());
        assertEquals(reads, delta.route53.zoneReads() + delta.route53.nameReads(), "the delta read nothing");
        assertEquals(whole.route53.contents(whole.zone), delta.route53.contents(delta.zone));
        assertEquals(List.of(), delta.gateway.violations);
    }

    private static void assertSame(SyncReport whole, SyncReport delta) {
        assertEquals(whole.result(), delta.result());
        assertEquals(whole.plan(), delta.plan(), "the same changes, the same managed size");
        assertEquals(whole.batches(), delta.batches());
        assertEquals(whole.detail(), delta.detail());
    }

    /** A hosted zone in step with {@code before} (forced), someone else's sets in it, and its engine with a view. */
    private static final class Twin {
        final InMemoryRoute53Gateway route53 = new InMemoryRoute53Gateway();
        final RecordingGateway gateway = new RecordingGateway(route53);
        final HostedZoneRef zone = route53.createZone(ORIGIN, true);
        final SyncEngine engine;

        Twin(Scenario scenario, ZoneSnapshot before) {
            route53.seed(zone, scenario.foreign().toArray(RecordSet[]::new));
            engine = new SyncEngine(gateway, scenario.safety(), false);
            SyncReport first = engine.sync(zone, before, scenario.options(), new SyncRequest(true, false, false, null));
            assertTrue(first.applied().isComplete(), first.toString());
        }
    }

    private static ZoneSnapshot desired(Map<RecordKey, RecordSet> sets, long serial) {
        Map<RecordKey, RecordSet> all = new HashMap<>(sets);
        all.put(RecordKey.of(ORIGIN, "SOA"), RecordSet.of(ORIGIN, "SOA", 3600,
                "ns1." + ORIGIN + " hostmaster." + ORIGIN + " " + serial + " 3600 600 86400 60"));
        all.put(RecordKey.of(ORIGIN, "NS"), RecordSet.of(ORIGIN, "NS", 3600, "ns1." + ORIGIN));
        return new ZoneSnapshot(ORIGIN, all);
    }

    private static String name(String label) {
        return label.isEmpty() ? ORIGIN : label + "." + ORIGIN;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Set<String>> touched = Arbitraries.subsetOf(NAMES).ofMinSize(1).ofMaxSize(3)
                .map(labels -> Set.copyOf(labels.stream().map(SyncEngineDeltaPropertyTest::name).toList()));
        Arbitrary<PlanOptions> options = Combinators.combine(Arbitraries.of(SyncPolicy.class), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((policy, ignoreTtl, leaveAlone, onlyA, serial) -> {
                    PlanOptions o = PlanOptions.DEFAULTS.withPolicy(policy).withIgnoreTtl(ignoreTtl)
                            .withManageApexSoaSerial(serial);
                    o = leaveAlone ? o.withIgnored("c." + ORIGIN, "*.sub." + ORIGIN) : o;
                    return onlyA ? o.withManagedTypes("A") : o;
                });
        Arbitrary<SafetyLimits> safety = Arbitraries.of(new SafetyLimits(1.0, 0), SafetyLimits.DEFAULT,
                new SafetyLimits(0.1, 3));
        return Combinators.combine(sets().map(SyncEngineDeltaPropertyTest::byKey), touched, sets(), foreign(), options,
                safety).as(Scenario::new);
    }

    private static Map<RecordKey, RecordSet> byKey(List<RecordSet> sets) {
        Map<RecordKey, RecordSet> byKey = new TreeMap<>();
        sets.forEach(s -> byKey.put(s.key(), s));
        return byKey;
    }

    private static Arbitrary<List<RecordSet>> sets() {
        return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(TYPES))
                .as((label, type) -> RecordKey.of(name(label), type))
                .flatMap(SyncEngineDeltaPropertyTest::set).list().ofMaxSize(9)
                .map(list -> new ArrayList<>(byKey(list).values()));
    }

    /** Simple sets, and weighted A sets (with set identifiers) at w or a. */
    private static Arbitrary<List<RecordSet>> foreign() {
        Arbitrary<RecordSet> weighted = Combinators.combine(Arbitraries.of("w", "a"), Arbitraries.of("one", "two"),
                        Arbitraries.integers().between(1, 4))
                .as((label, id, value) -> new RecordSet(new RecordKey(name(label), "A", id), 60L,
                        List.of("10.9.9." + value), null, Routing.weighted(10)));
        Arbitrary<RecordSet> simple = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(TYPES))
                .as((label, type) -> RecordKey.of(name(label), type)).flatMap(SyncEngineDeltaPropertyTest::set);
        return Arbitraries.oneOf(weighted, simple).list().ofMaxSize(4);
    }

    private static Arbitrary<RecordSet> set(RecordKey key) {
        Arbitrary<String> value = key.type().equals("A")
                ? Arbitraries.integers().between(1, 3).map(i -> "10.0.0." + i)
                : Arbitraries.integers().between(1, 3).map(i -> "\"v" + i + "\"");
        return Combinators.combine(Arbitraries.of(60L, 300L), value.set().ofMinSize(1).ofMaxSize(2))
                .as((ttl, values) -> RecordSet.of(key, ttl, new ArrayList<>(values)));
    }
}
