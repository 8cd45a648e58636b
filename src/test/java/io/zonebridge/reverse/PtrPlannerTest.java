package io.zonebridge.reverse;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PtrPlannerTest {

    private static final String V4 = "1.0.10.in-addr.arpa.";
    private static final String V4B = "4.0.10.in-addr.arpa.";
    private static final String CLASSLESS = "0\\05725.2.0.10.in-addr.arpa.";
    private static final String V6 = "0.0.a.1.4.3.2.1.8.b.d.0.1.0.0.2.ip6.arpa.";
    private static final ReverseZoneIndex INDEX = ReverseZoneIndex.of(List.of(
            new ReverseZone(V4, "Z1", true, "1"), new ReverseZone(V4B, "Z4", true, "1"),
            new ReverseZone(CLASSLESS, "Z2", true, "1"), new ReverseZone(V6, "Z6", true, "1")), Map.of());
    private static final RecordSet SOA = RecordSet.of(V4, "SOA", 900,
            "ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
    private static final RecordSet NS = RecordSet.of(V4, "NS", 172800, "ns-1.awsdns-01.org.");

    private static RecordSet a(String name, String... addresses) {
        return RecordSet.of(name, "A", 60, addresses);
    }

    private static RecordSet ptr(String name, long ttl, String... targets) {
        return RecordSet.of(name, "PTR", ttl, targets);
    }

    private static Map<String, ZoneSnapshot> emptyZones() {
        return Map.of(V4, ZoneSnapshot.of(V4, List.of(SOA, NS)), V4B, ZoneSnapshot.empty(V4B),
                CLASSLESS, ZoneSnapshot.empty(CLASSLESS), V6, ZoneSnapshot.empty(V6));
    }

    private static PtrPlanner planner(PtrConflictRule rule, OwnershipPolicy ownership) {
        return new PtrPlanner(INDEX, new PtrOptions(PtrOptions.DEFAULT_TTL, rule, ownership));
    }

    private static final PtrPlanner SYNC = planner(PtrConflictRule.SHORTEST_THEN_LEXICOGRAPHIC, OwnershipPolicy.sync());

    @Test
    void everyValueOfEveryAddressSetGetsItsPtr() {
        RecordSet aaaa = RecordSet.of("api.internal.example.com.", "AAAA", 300, "2001:db8:1234:1a00::30");
        PtrPlan plan = SYNC.plan(List.of(a("web.internal.example.com.", "10.0.1.25", "10.0.1.26"), aaaa,
                a("db.internal.example.com.", "10.0.2.5"),
                RecordSet.of("www.internal.example.com.", "CNAME", 300, "web.internal.example.com.")), emptyZones());

        assertEquals(ZoneSnapshot.of(V4, List.of(ptr("25.1.0.10.in-addr.arpa.", 300, "web.internal.example.com."),
                ptr("26.1.0.10.in-addr.arpa.", 300, "web.internal.example.com."))), plan.desired().get(V4));
        assertEquals(ZoneSnapshot.of(CLASSLESS, List.of(ptr("5." + CLASSLESS, 300, "db.internal.example.com."))),
                plan.desired().get(CLASSLESS));
        assertEquals(ZoneSnapshot.of(V6, List.of(ptr("0.3.0.0.0.0.0.0.0.0.0.0.0.0.0.0." + V6, 300,
                "api.internal.example.com."))), plan.desired().get(V6));
        assertEquals(ZoneSnapshot.empty(V4B), plan.desired().get(V4B));
        assertEquals(Set.of(V4, V4B, CLASSLESS, V6), plan.zoneNames());
        assertEquals(2, plan.toWrite(V4).size());
        assertTrue(plan.stale(V4).isEmpty(), "SOA and NS are never PTR candidates");
        assertTrue(plan.managedCurrent().get(V4).recordSets().isEmpty());
    }

    @Test
    void weightedAndMultivalueSetsContributeAllValues() {
        RecordSet blue = new RecordSet(new RecordKey("svc.internal.example.com.", "A", "blue"), 60L,
                List.of("10.0.1.10"), null, Routing.weighted(70));
        RecordSet green = new RecordSet(new RecordKey("svc.internal.example.com.", "A", "green"), 60L,
                List.of("10.0.1.11", "10.0.1.10"), null, Routing.weighted(30));
        RecordSet multi = new RecordSet(new RecordKey("mv.internal.example.com.", "A", "m1"), 60L,
                List.of("10.0.1.12"), null, Routing.multiValue());
        PtrPlan plan = SYNC.plan(List.of(blue, green, multi), emptyZones());
        assertEquals(ZoneSnapshot.of(V4, List.of(ptr("10.1.0.10.in-addr.arpa.", 300, "svc.internal.example.com."),
                ptr("11.1.0.10.in-addr.arpa.", 300, "svc.internal.example.com."),
                ptr("12.1.0.10.in-addr.arpa.", 300, "mv.internal.example.com."))), plan.desired().get(V4));
    }

    @Test
    void aliasWildcardAndUncoveredAddressesYieldNoPtr() {
        RecordSet alias = RecordSet.alias("app.internal.example.com.", "A",
                new AliasTarget("ZELB", "dualstack.alb.example.com.", true));
        PtrPlan plan = SYNC.plan(List.of(alias, a("\\052.internal.example.com.", "10.0.1.99"),
                a("far.internal.example.com.", "192.168.7.7", "10.0.1.7")), emptyZones());
        assertEquals(Set.of("192.168.7.7"), plan.unmatchedAddresses());
        assertEquals(2, plan.skipped().size(), plan.skipped().toString());
        assertEquals(Set.of(new RecordKey("7.1.0.10.in-addr.arpa.", "PTR", null)),
                plan.desired().get(V4).recordSets().keySet());
    }

    @Test
    void conflictRules() {
        List<RecordSet> forward = List.of(a("aaa.example.com.", "10.0.1.1"), a("zz.example.com.", "10.0.1.1"),
                a("zy.example.com.", "10.0.1.1"));
        String owner = "1.1.0.10.in-addr.arpa.";
        assertEquals(List.of("zy.example.com."), SYNC.plan(forward, emptyZones()).desired().get(V4)
                .get(RecordKey.of(owner, "PTR")).orElseThrow().values());
        assertEquals(List.of("aaa.example.com."), planner(PtrConflictRule.LEXICOGRAPHIC, OwnershipPolicy.sync())
                .plan(forward, emptyZones()).desired().get(V4).get(RecordKey.of(owner, "PTR")).orElseThrow().values());
        assertEquals(List.of("aaa.example.com.", "zy.example.com.", "zz.example.com."),
                planner(PtrConflictRule.ALL_NAMES, OwnershipPolicy.sync()).plan(forward, emptyZones())
                        .desired().get(V4).get(RecordKey.of(owner, "PTR")).orElseThrow().values());
    }

    @Test
    void conflictRuleDoesNotDependOnInputOrder() {
        List<RecordSet> forward = List.of(a("b.example.com.", "10.0.1.1"), a("a.example.com.", "10.0.1.1"));
        assertEquals(SYNC.plan(forward, emptyZones()).desired(),
                SYNC.plan(List.of(forward.get(1), forward.get(0)), emptyZones()).desired());
        assertEquals(List.of("a.example.com."), SYNC.plan(forward, emptyZones()).desired().get(V4)
                .get(RecordKey.of("1.1.0.10.in-addr.arpa.", "PTR")).orElseThrow().values());
    }

    @Test
    void ttlIsConfigurable() {
        PtrPlanner planner = new PtrPlanner(INDEX,
                new PtrOptions(3600, PtrConflictRule.SHORTEST_THEN_LEXICOGRAPHIC, OwnershipPolicy.sync()));
        assertEquals(3600L, planner.plan(List.of(a("w.example.com.", "10.0.1.1")), emptyZones()).desired().get(V4)
                .recordSets().values().iterator().next().ttl());
    }

    /** A reverse zone where zonebridge owns 10, 11 and 12; 20, 21, 22 belong to someone else. */
    private static Map<String, ZoneSnapshot> zoneWithForeignPtrs() {
        return Map.of(V4, ZoneSnapshot.of(V4, List.of(SOA, NS,
                ptr("10.1.0.10.in-addr.arpa.", 300, "gone.example.com."),          // owned, stale
                ptr("11.1.0.10.in-addr.arpa.", 300, "old.example.com."),           // owned, now another name
                ptr("12.1.0.10.in-addr.arpa.", 300, "same.example.com."),          // owned, right
                ptr("20.1.0.10.in-addr.arpa.", 86400, "legacy.example.com."),      // foreign, stale
                ptr("21.1.0.10.in-addr.arpa.", 86400, "manual.example.com."),      // foreign, conflicts
                ptr("22.1.0.10.in-addr.arpa.", 86400, "agreed.example.com."))));   // foreign, agrees
    }

    private static final List<RecordSet> FORWARD_FOR_FOREIGN = List.of(a("new.example.com.", "10.0.1.11"),
            a("same.example.com.", "10.0.1.12"), a("wanted.example.com.", "10.0.1.21"),
            a("agreed.example.com.", "10.0.1.22"));

    @Test
    void ownedOnlyNeverTouchesForeignPtrs() {
        Set<String> owned = Set.of("10.1.0.10.in-addr.arpa.", "11.1.0.10.in-addr.arpa.", "12.1.0.10.in-addr.arpa.");
        PtrPlanner planner = planner(PtrConflictRule.SHORTEST_THEN_LEXICOGRAPHIC,
                OwnershipPolicy.ownedOnly((zone, name) -> zone.equals(V4) && owned.contains(name)));
        PtrPlan plan = planner.plan(FORWARD_FOR_FOREIGN, zoneWithForeignPtrs());

        assertEquals(List.of(ptr("10.1.0.10.in-addr.arpa.", 300, "gone.example.com.")), plan.stale(V4));
        assertEquals(List.of(ptr("11.1.0.10.in-addr.arpa.", 300, "new.example.com.")), plan.toWrite(V4));
        assertEquals(Set.of("10.1.0.10.in-addr.arpa.", "11.1.0.10.in-addr.arpa.", "12.1.0.10.in-addr.arpa."),
                names(plan.managedCurrent().get(V4)));
        assertEquals(List.of(new BlockedPtr(V4, ptr("21.1.0.10.in-addr.arpa.", 300, "wanted.example.com."),
                ptr("21.1.0.10.in-addr.arpa.", 86400, "manual.example.com."))), plan.blocked());
        assertFalse(names(plan.desired().get(V4)).contains("22.1.0.10.in-addr.arpa."),
                "a foreign PTR that already says the right thing is left alone");
        assertFalse(plan.isSettled());
    }

    @Test
    void syncOwnsEveryPtrButNeverSoaOrNs() {
        PtrPlan plan = SYNC.plan(FORWARD_FOR_FOREIGN, zoneWithForeignPtrs());
        assertEquals(List.of(ptr("10.1.0.10.in-addr.arpa.", 300, "gone.example.com."),
                ptr("20.1.0.10.in-addr.arpa.", 86400, "legacy.example.com.")), plan.stale(V4));
        assertEquals(List.of(ptr("11.1.0.10.in-addr.arpa.", 300, "new.example.com."),
                ptr("21.1.0.10.in-addr.arpa.", 300, "wanted.example.com."),
                ptr("22.1.0.10.in-addr.arpa.", 300, "agreed.example.com.")), plan.toWrite(V4));
        assertTrue(plan.blocked().isEmpty());
        assertFalse(plan.managedCurrent().get(V4).recordSets().containsKey(SOA.key()));
        assertFalse(plan.managedCurrent().get(V4).recordSets().containsKey(NS.key()));
    }

    @Test
    void aCnameAtThePtrNameBlocksIt() {
        Map<String, ZoneSnapshot> current = Map.of(V4, ZoneSnapshot.of(V4, List.of(SOA,
                RecordSet.of("5.1.0.10.in-addr.arpa.", "CNAME", 300, "5.0/25.1.0.10.in-addr.arpa."))));
        PtrPlan plan = SYNC.plan(List.of(a("h.example.com.", "10.0.1.5")), current);
        assertEquals(1, plan.blocked().size());
        assertEquals("CNAME", plan.blocked().get(0).existing().type());
        assertTrue(plan.desired().get(V4).recordSets().isEmpty());
    }

    @Test
    void zonesWhoseStateIsUnknownAreNeverWritten() {
        PtrPlan plan = SYNC.plan(List.of(a("h.example.com.", "10.0.1.5", "10.0.4.5")),
                Map.of(V4, ZoneSnapshot.of(V4, List.of(SOA))));
        assertEquals(Set.of(V4B), plan.unreadZones());
        assertEquals(Set.of(V4), plan.zoneNames());
    }

    @Test
    void settledWhenCurrentEqualsDesired() {
        Map<String, ZoneSnapshot> current = Map.of(V4, ZoneSnapshot.of(V4, List.of(SOA,
                ptr("5.1.0.10.in-addr.arpa.", 300, "h.example.com."))));
        assertTrue(SYNC.plan(List.of(a("h.example.com.", "10.0.1.5")), current).isSettled());
        assertFalse(SYNC.plan(List.of(a("h.example.com.", "10.0.1.6")), current).isSettled());
    }

    @Test
    void plannedForNamesAnUpsertMovesThePtrAndLeavesOthersAlone() {
        // db moved from .15 to .16 (the UPSERT event carries only .16); "other" is stale but not in scope
        Map<String, ZoneSnapshot> current = Map.of(V4B, ZoneSnapshot.of(V4B, List.of(
                ptr("15.4.0.10.in-addr.arpa.", 300, "db.internal.example.com."),
                ptr("99.4.0.10.in-addr.arpa.", 300, "other.internal.example.com."))));
        List<RecordSet> forward = List.of(a("db.internal.example.com.", "10.0.4.16"));
        PtrPlan scoped = SYNC.planNames(List.of("DB.internal.example.com"), forward, current);
        assertEquals(List.of(ptr("15.4.0.10.in-addr.arpa.", 300, "db.internal.example.com.")), scoped.stale(V4B));
        assertEquals(List.of(ptr("16.4.0.10.in-addr.arpa.", 300, "db.internal.example.com.")), scoped.toWrite(V4B));
        assertEquals(Set.of(V4B), scoped.zoneNames());

        PtrPlan full = SYNC.plan(forward, current);
        assertEquals(2, full.stale(V4B).size(), "the full reconcile removes both");
    }

    @Test
    void plannedForNamesASharedAddressGoesToTheRemainingClaimant() {
        // a (winner) left 10.0.1.1; b still claims it; the event names only a
        Map<String, ZoneSnapshot> current = Map.of(V4, ZoneSnapshot.of(V4, List.of(SOA,
                ptr("1.1.0.10.in-addr.arpa.", 300, "a.example.com."))));
        PtrPlan scoped = SYNC.planNames(Set.of("a.example.com."),
                List.of(a("bb.example.com.", "10.0.1.1"), a("a.example.com.", "10.0.1.2")), current);
        assertEquals(List.of(ptr("1.1.0.10.in-addr.arpa.", 300, "bb.example.com."),
                ptr("2.1.0.10.in-addr.arpa.", 300, "a.example.com.")), scoped.toWrite(V4));
        assertTrue(scoped.stale(V4).isEmpty());
    }

    private static Set<String> names(ZoneSnapshot snapshot) {
        Set<String> names = new java.util.TreeSet<>();
        snapshot.recordSets().keySet().forEach(key -> names.add(key.name()));
        return names;
    }
}
