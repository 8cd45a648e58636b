package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.InMemoryRoute53Gateway;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Over random sequences of desired zones, edits by someone else in Route 53, lost responses and restarts: the
 * hosted zone always converges to the desired zone (after one verification run), and Route 53 never accepts a batch
 * that writes over a set the engine had not seen (every CREATE into absence, every DELETE of the exact values held,
 * no UPSERT but the apex SOA).
 */
class SyncEnginePropertyTest {

    private static final String ORIGIN = "prop.internal.";
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f");
    private static final List<String> TYPES = List.of("A", "TXT");

    sealed interface Step permits Desire, HandEdit, LoseResponse, Restart {
    }

    /** The source now wants this zone; the engine runs. */
    record Desire(Map<RecordKey, RecordSet> sets) implements Step {
    }

    /** Someone else puts (or, with null, removes) a set in Route 53. */
    record HandEdit(RecordKey key, RecordSet set) implements Step {
    }

    /** The next accepted batch's response is lost. */
    record LoseResponse() implements Step {
    }

    /** The service restarts: a new engine without views. */
    record Restart() implements Step {
    }

    @Property(tries = 300)
    void theZoneConvergesAndNoBatchWritesOverAnUnseenSet(@ForAll("steps") List<Step> steps) {
        InMemoryRoute53Gateway route53 = new InMemoryRoute53Gateway();
        RecordingGateway gateway = new RecordingGateway(route53);
        HostedZoneRef zone = route53.createZone(ORIGIN, true);
        SafetyLimits anything = new SafetyLimits(1.0, 0);
        SyncEngine engine = new SyncEngine(gateway, anything, false);
        ZoneSnapshot desired = ZoneSnapshot.empty(ORIGIN);
        for (Step step : steps) {
            if (step instanceof Desire d) {
                desired = new ZoneSnapshot(ORIGIN, d.sets());
                run(engine, zone, desired, false);
            } else if (step instanceof HandEdit e) {
                route53.editByHand(zone, e.key(), e.set());
            } else if (step instanceof LoseResponse) {
                gateway.loseNextResponse = true;
            } else {
                engine = new SyncEngine(gateway, anything, false);
            }
        }
        gateway.loseNextResponse = false;
        run(engine, zone, desired, true);

        assertEquals(List.of(), gateway.violations);
        assertEquals(SyncEngineTest.managed(desired), SyncEngineTest.managed(route53.contents(zone)));
    }

    private static void run(SyncEngine engine, HostedZoneRef zone, ZoneSnapshot desired, boolean verify) {
        try {
            engine.sync(zone, desired, PlanOptions.DEFAULTS, SyncRequest.NORMAL.withVerify(verify));
        } catch (IllegalStateException lost) {
            // a lost response: the engine dropped its view, the next run reads again
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, desire()),
                net.jqwik.api.Tuple.of(3, handEdit()),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new LoseResponse())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Restart())));
        return step.list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<RecordKey> key() {
        return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(TYPES))
                .as((name, type) -> RecordKey.of(name + "." + ORIGIN, type));
    }

    private static Arbitrary<RecordSet> set(RecordKey key) {
        Arbitrary<String> value = key.type().equals("A")
                ? Arbitraries.integers().between(1, 4).map(i -> "10.0.0." + i)
                : Arbitraries.integers().between(1, 4).map(i -> "\"v" + i + "\"");
        return Combinators.combine(Arbitraries.of(60L, 300L), value.set().ofMinSize(1).ofMaxSize(3))
                .as((ttl, values) -> RecordSet.of(key, ttl, new ArrayList<>(values)));
    }

    private static Arbitrary<Step> desire() {
        return key().flatMap(SyncEnginePropertyTest::set).list().ofMaxSize(8).map(sets -> {
            Map<RecordKey, RecordSet> byKey = new TreeMap<>();
            sets.forEach(s -> byKey.put(s.key(), s));
            return new Desire(byKey);
        });
    }

    private static Arbitrary<Step> handEdit() {
        return key().flatMap(key -> Arbitraries.oneOf(set(key), Arbitraries.just(null))
                .map(set -> new HandEdit(key, set)));
    }
}
