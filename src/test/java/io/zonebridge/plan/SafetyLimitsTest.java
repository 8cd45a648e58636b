package io.zonebridge.plan;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.zonebridge.plan.TestRecords.set;
import static io.zonebridge.plan.TestRecords.zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SafetyLimitsTest {

    private final Planner planner = new Planner(PlanOptions.defaults());

    /** Ten hosts h0..h9. */
    private static List<RecordSet> hosts(int count) {
        List<RecordSet> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sets.add(set("h" + i, "A", 300, "192.0.2." + i));
        }
        return sets;
    }

    /** The zone of {@code size} hosts with the first {@code updated} changed and the next {@code deleted} gone. */
    private Plan plan(int size, int updated, int deleted, int created) {
        List<RecordSet> current = hosts(size);
        List<RecordSet> desired = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i < updated) {
                desired.add(current.get(i).withTtl(60));
            } else if (i >= updated + deleted) {
                desired.add(current.get(i));
            }
        }
        for (int i = 0; i < created; i++) {
            desired.add(set("new" + i, "A", 300, "198.51.100." + i));
        }
        return planner.plan(zone(desired), zone(current));
    }

    @Test
    void allowsAShareAtTheLimit() {
        Plan plan = plan(10, 2, 1, 0);
        assertSame(plan, SafetyLimits.DEFAULT.check(plan, false));
    }

    @Test
    void refusesAShareAboveTheLimitWithAClearMessage() {
        Plan plan = plan(10, 2, 2, 0);
        UnsafePlanException e = assertThrows(UnsafePlanException.class, () -> SafetyLimits.DEFAULT.check(plan, false));
        assertEquals("refusing to change zone example.com.: 4 updates and deletes of 10 record sets is 40.0%,"
                + " above the limit of 30.0%; use --force to apply anyway", e.getMessage());
        assertEquals(4, e.changed());
        assertEquals(0.4, e.share(), 1e-9);
        assertEquals(0.3, e.limit(), 1e-9);
    }

    @Test
    void forceOverrides() {
        Plan plan = plan(10, 0, 10, 0);
        assertSame(plan, SafetyLimits.DEFAULT.check(plan, true));
    }

    @Test
    void createsDoNotCount() {
        Plan plan = plan(10, 0, 0, 500);
        assertEquals(500, plan.changes().size());
        assertSame(plan, SafetyLimits.DEFAULT.check(plan, false));
    }

    @Test
    void zonesBelowTheMinimumSizeAreExempt() {
        Plan plan = plan(9, 0, 9, 0);
        assertSame(plan, SafetyLimits.DEFAULT.check(plan, false));
        assertThrows(UnsafePlanException.class, () -> new SafetyLimits(0.3, 9).check(plan, false));
    }

    @Test
    void emptyZoneIsExemptEvenWithoutAMinimum() {
        Plan plan = planner.plan(zone(hosts(3)), ZoneSnapshot.empty(TestRecords.ORIGIN));
        assertSame(plan, new SafetyLimits(0, 0).check(plan, false));
    }

    @Test
    void rejectsInvalidLimits() {
        assertThrows(IllegalArgumentException.class, () -> new SafetyLimits(1.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new SafetyLimits(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new SafetyLimits(0.3, -1));
    }
}
