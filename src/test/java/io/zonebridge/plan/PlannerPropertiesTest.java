package io.zonebridge.plan;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple.Tuple2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of {@link Planner}: applying a plan with Route 53's semantics yields what the policy promises. */
class PlannerPropertiesTest {

    @Provide
    Arbitrary<Tuple2<ZoneSnapshot, ZoneSnapshot>> zones() {
        return RandomZones.pairs();
    }

    @Property
    void syncMakesTheZoneEqualToDesiredExceptApexSoaAndNs(@ForAll("zones") Tuple2<ZoneSnapshot, ZoneSnapshot> zones) {
        ZoneSnapshot desired = zones.get1();
        ZoneSnapshot current = zones.get2();
        Planner planner = new Planner(PlanOptions.defaults());
        Plan plan = planner.plan(desired, current);
        Statistics.label("actions").collect(plan.count(ChangeAction.CREATE) > 0, plan.count(ChangeAction.UPSERT) > 0,
                plan.count(ChangeAction.DELETE) > 0);

        Map<RecordKey, RecordSet> expected = new HashMap<>(desired.recordSets());
        for (String apexType : List.of("SOA", "NS")) {
            RecordKey apex = RecordKey.of(TestRecords.ORIGIN, apexType);
            expected.put(apex, current.recordSets().get(apex));
        }
        ZoneSnapshot applied = PlanApplier.apply(current, plan.changes());
        assertEquals(expected, applied.recordSets());

        List<Change> batched = new ChangeBatcher(BatchLimits.ROUTE53).batches(plan).stream()
                .flatMap(b -> b.changes().stream()).toList();
        assertEquals(expected, PlanApplier.apply(current, batched).recordSets());
        assertTrue(planner.plan(desired, applied).isEmpty(), "planning again after applying changes nothing");
    }

    @Property
    void upsertOnlyNeverRemovesAnUndesiredSet(@ForAll("zones") Tuple2<ZoneSnapshot, ZoneSnapshot> zones) {
        ZoneSnapshot desired = zones.get1();
        ZoneSnapshot current = zones.get2();
        Plan plan = new Planner(PlanOptions.defaults().withPolicy(SyncPolicy.UPSERT_ONLY)).plan(desired, current);
        Map<RecordKey, RecordSet> applied = PlanApplier.apply(current, plan.changes()).recordSets();

        Map<RecordKey, RecordSet> expected = new HashMap<>(current.recordSets());
        desired.recordSets().forEach((key, set) -> {
            if (!isApexSoaOrNs(key)) {
                expected.put(key, set);
            }
        });
        assertEquals(expected, applied);
    }

    @Property
    void createOnlyOnlyAddsMissingSets(@ForAll("zones") Tuple2<ZoneSnapshot, ZoneSnapshot> zones) {
        ZoneSnapshot desired = zones.get1();
        ZoneSnapshot current = zones.get2();
        Plan plan = new Planner(PlanOptions.defaults().withPolicy(SyncPolicy.CREATE_ONLY)).plan(desired, current);
        assertTrue(plan.changes().stream().allMatch(c -> c.action() == ChangeAction.CREATE));

        Map<RecordKey, RecordSet> expected = new HashMap<>(current.recordSets());
        desired.recordSets().forEach(expected::putIfAbsent);
        assertEquals(expected, PlanApplier.apply(current, plan.changes()).recordSets());
    }

    @Property
    void ignoreTtlConvergesOnValuesAndKeepsCurrentTtls(@ForAll("zones") Tuple2<ZoneSnapshot, ZoneSnapshot> zones) {
        ZoneSnapshot desired = zones.get1();
        ZoneSnapshot current = zones.get2();
        Planner planner = new Planner(PlanOptions.defaults().withIgnoreTtl(true));
        ZoneSnapshot applied = PlanApplier.apply(current, planner.plan(desired, current).changes());

        desired.recordSets().forEach((key, want) -> {
            if (isApexSoaOrNs(key)) {
                return;
            }
            RecordSet got = applied.recordSets().get(key);
            assertTrue(want.sameIgnoringTtl(got), key + ": " + got + " is not " + want);
            RecordSet had = current.recordSets().get(key);
            Long expectedTtl = want.isAlias() ? null : had != null && had.ttl() != null ? had.ttl() : want.ttl();
            assertEquals(expectedTtl, got.ttl(), key + " TTL");
        });
        assertEquals(desired.recordSets().keySet(), applied.recordSets().keySet());
        assertTrue(planner.plan(desired, applied).isEmpty(), "planning again after applying changes nothing");
    }

    @Property
    void changesAreSortedByNameDeletesFirst(@ForAll("zones") Tuple2<ZoneSnapshot, ZoneSnapshot> zones) {
        List<Change> changes = new Planner(PlanOptions.defaults()).plan(zones.get1(), zones.get2()).changes();
        for (int i = 1; i < changes.size(); i++) {
            Change before = changes.get(i - 1);
            Change after = changes.get(i);
            int byName = before.key().name().compareTo(after.key().name());
            assertTrue(byName < 0 || byName == 0
                    && !(after.action() == ChangeAction.DELETE && before.action() != ChangeAction.DELETE),
                    before + " before " + after);
        }
    }

    private static boolean isApexSoaOrNs(RecordKey key) {
        return key.isApexOf(TestRecords.ORIGIN) && (key.type().equals("SOA") || key.type().equals("NS"));
    }
}
