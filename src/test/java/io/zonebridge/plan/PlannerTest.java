package io.zonebridge.plan;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.zonebridge.plan.TestRecords.alias;
import static io.zonebridge.plan.TestRecords.apexNs;
import static io.zonebridge.plan.TestRecords.failover;
import static io.zonebridge.plan.TestRecords.name;
import static io.zonebridge.plan.TestRecords.routed;
import static io.zonebridge.plan.TestRecords.set;
import static io.zonebridge.plan.TestRecords.soa;
import static io.zonebridge.plan.TestRecords.zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class PlannerTest {

    private static final PlanOptions SYNC = PlanOptions.defaults();

    // the record sets the cases share
    private static final RecordSet WWW = set("www", "A", 300, "192.0.2.1");
    private static final RecordSet WWW_TTL = set("www", "A", 60, "192.0.2.1");
    private static final RecordSet WWW_NEW_VALUE = set("www", "A", 300, "192.0.2.9");
    private static final RecordSet WWW_NEW_VALUE_TTL = set("www", "A", 60, "192.0.2.9");
    private static final RecordSet WWW_CNAME = set("www", "CNAME", 300, "lb.example.net.");
    private static final RecordSet WWW_ALIAS = alias("www", "A", "dualstack.lb-1.eu-west-1.elb.amazonaws.com");
    private static final RecordSet WWW_ALIAS_2 = alias("www", "A", "dualstack.lb-2.eu-west-1.elb.amazonaws.com");
    private static final RecordSet TXT = set("www", "TXT", 300, "\"v=spf1 -all\"");
    private static final RecordSet MAIL = set("mail", "MX", 300, "10 mx1.example.com.", "20 mx2.example.com.");
    private static final RecordSet OLD = set("old", "A", 300, "192.0.2.50");
    private static final RecordSet NEW = set("new", "A", 300, "192.0.2.60");
    private static final RecordSet W1 = routed("api", "A", "blue", Routing.weighted(10), 60, "192.0.2.10");
    private static final RecordSet W2 = routed("api", "A", "green", Routing.weighted(90), 60, "192.0.2.20");
    private static final RecordSet W2_REWEIGHTED = routed("api", "A", "green", Routing.weighted(50), 60, "192.0.2.20");
    private static final RecordSet W2_FAILOVER = routed("api", "A", "green", failover("PRIMARY"), 60, "192.0.2.20");
    private static final RecordSet NS_APEX = apexNs("ns-1.awsdns-01.org.", "ns-2.awsdns-02.net.");
    private static final RecordSet NS_APEX_PRIMARY = apexNs("ns1.corp.example.", "ns2.corp.example.");

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("identical zones: no change", SYNC,
                        zone(WWW, MAIL), zone(WWW, MAIL), List.of()),
                argumentSet("TTL-only change is an upsert", SYNC,
                        zone(WWW_TTL), zone(WWW), List.of(new Change.Update(WWW, WWW_TTL))),
                argumentSet("value order difference is no change (values are sorted)", SYNC,
                        zone(set("mail", "MX", 300, "20 mx2.example.com.", "10 mx1.example.com.")), zone(MAIL), List.of()),
                argumentSet("case and trailing dot are absorbed by canonical names", SYNC,
                        zone(RecordSet.of(RecordNameCodec.canonical("WWW.Example.COM"), "A", 300, "192.0.2.1")), zone(WWW), List.of()),
                argumentSet("value change is an upsert", SYNC,
                        zone(WWW_NEW_VALUE), zone(WWW), List.of(new Change.Update(WWW, WWW_NEW_VALUE))),
                argumentSet("CNAME to A at one name: delete CNAME, create A", SYNC,
                        zone(WWW), zone(WWW_CNAME), List.of(new Change.Delete(WWW_CNAME), new Change.Create(WWW))),
                argumentSet("A to CNAME at one name: delete A, create CNAME", SYNC,
                        zone(WWW_CNAME), zone(WWW), List.of(new Change.Delete(WWW), new Change.Create(WWW_CNAME))),
                argumentSet("alias to A: delete + create", SYNC,
                        zone(WWW), zone(WWW_ALIAS), List.of(new Change.Delete(WWW_ALIAS), new Change.Create(WWW))),
                argumentSet("A to alias: delete + create", SYNC,
                        zone(WWW_ALIAS), zone(WWW), List.of(new Change.Delete(WWW), new Change.Create(WWW_ALIAS))),
                argumentSet("alias target change is an upsert", SYNC,
                        zone(WWW_ALIAS_2), zone(WWW_ALIAS), List.of(new Change.Update(WWW_ALIAS, WWW_ALIAS_2))),
                argumentSet("weighted: weight change is an upsert of that set only", SYNC,
                        zone(W1, W2_REWEIGHTED), zone(W1, W2), List.of(new Change.Update(W2, W2_REWEIGHTED))),
                argumentSet("weighted to failover: delete + create", SYNC,
                        zone(W1, W2_FAILOVER), zone(W1, W2), List.of(new Change.Delete(W2), new Change.Create(W2_FAILOVER))),
                argumentSet("new weighted set is a create", SYNC,
                        zone(W1, W2), zone(W1), List.of(new Change.Create(W2))),
                argumentSet("SYNC deletes the current set exactly", SYNC,
                        zone(WWW), zone(WWW, OLD), List.of(new Change.Delete(OLD))),
                argumentSet("SYNC: create, update, delete sorted by name, deletes of a name first", SYNC,
                        zone(NEW, WWW_NEW_VALUE, MAIL), zone(WWW, OLD, TXT),
                        List.of(new Change.Create(MAIL), new Change.Create(NEW), new Change.Delete(OLD),
                                new Change.Delete(TXT), new Change.Update(WWW, WWW_NEW_VALUE))),
                argumentSet("UPSERT_ONLY: creates and updates, no delete",
                        SYNC.withPolicy(SyncPolicy.UPSERT_ONLY),
                        zone(NEW, WWW_NEW_VALUE), zone(WWW, OLD),
                        List.of(new Change.Create(NEW), new Change.Update(WWW, WWW_NEW_VALUE))),
                argumentSet("UPSERT_ONLY: a routing-policy change still replaces the set",
                        SYNC.withPolicy(SyncPolicy.UPSERT_ONLY),
                        zone(W2_FAILOVER), zone(W2), List.of(new Change.Delete(W2), new Change.Create(W2_FAILOVER))),
                argumentSet("CREATE_ONLY: only creates",
                        SYNC.withPolicy(SyncPolicy.CREATE_ONLY),
                        zone(NEW, WWW_NEW_VALUE, W2_FAILOVER, WWW_CNAME), zone(WWW, OLD, W2, MAIL),
                        List.of(new Change.Create(NEW), new Change.Create(WWW_CNAME))),
                argumentSet("managed types: only A is planned",
                        SYNC.withManagedTypes("a"),
                        zone(WWW_NEW_VALUE, NEW, MAIL), zone(WWW, TXT),
                        List.of(new Change.Create(NEW), new Change.Update(WWW, WWW_NEW_VALUE))),
                argumentSet("ignored name is left alone on both sides",
                        SYNC.withIgnored(name("old"), name("www")),
                        zone(WWW_NEW_VALUE, NEW), zone(WWW, OLD), List.of(new Change.Create(NEW))),
                argumentSet("ignored subtree: names below it are left alone, the suffix itself is not",
                        SYNC.withIgnored("*." + name("dev")),
                        zone(set("dev", "A", 300, "192.0.2.7"), set("a.dev", "A", 300, "192.0.2.8")),
                        zone(set("b.x.dev", "TXT", 300, "\"keep\""), set("\\052.dev", "A", 300, "192.0.2.9")),
                        List.of(new Change.Create(set("dev", "A", 300, "192.0.2.7")))),
                argumentSet("ignore-TTL: TTL-only difference is no change",
                        SYNC.withIgnoreTtl(true), zone(WWW_TTL), zone(WWW), List.of()),
                argumentSet("ignore-TTL: an upsert keeps the current TTL",
                        SYNC.withIgnoreTtl(true), zone(WWW_NEW_VALUE_TTL), zone(WWW),
                        List.of(new Change.Update(WWW, WWW_NEW_VALUE))),
                argumentSet("ignore-TTL: a new set gets the desired TTL",
                        SYNC.withIgnoreTtl(true), zone(WWW_TTL), zone(), List.of(new Change.Create(WWW_TTL))),
                argumentSet("apex SOA and NS are never planned",
                        SYNC, zone(soa(5), NS_APEX_PRIMARY, WWW), zone(soa(1), NS_APEX, WWW), List.of()),
                argumentSet("apex SOA and NS missing from desired are not deleted",
                        SYNC, zone(WWW), zone(soa(1), NS_APEX, WWW), List.of()),
                argumentSet("a delegation NS below the apex is planned",
                        SYNC, zone(set("sub", "NS", 3600, "ns1.sub.example.com.")), zone(),
                        List.of(new Change.Create(set("sub", "NS", 3600, "ns1.sub.example.com.")))),
                argumentSet("SOA serial option: upsert keeps Route 53's SOA, takes the desired serial",
                        SYNC.withManageApexSoaSerial(true),
                        zone(RecordSet.of(TestRecords.ORIGIN, "SOA", 3600, "ns1.corp.example. admin.corp.example. 2024010101 3600 600 86400 300"), WWW),
                        zone(soa(1), WWW),
                        List.of(new Change.Update(soa(1), soa(2024010101)))),
                argumentSet("SOA serial option: same serial, other SOA fields differ: no change",
                        SYNC.withManageApexSoaSerial(true),
                        zone(RecordSet.of(TestRecords.ORIGIN, "SOA", 3600, "ns1.corp.example. admin.corp.example. 1 3600 600 86400 300")),
                        zone(soa(1)), List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void plans(PlanOptions options, ZoneSnapshot desired, ZoneSnapshot current, List<Change> expected) {
        Plan plan = new Planner(options).plan(desired, current);
        assertEquals(expected, plan.changes());
        assertEquals(TestRecords.ORIGIN, plan.origin());
    }

    @Test
    void currentSizeCountsOnlyManagedRecordSets() {
        Plan plan = new Planner(SYNC.withManagedTypes("A").withIgnored(name("old")))
                .plan(zone(), zone(soa(1), NS_APEX, WWW, OLD, NEW, TXT, MAIL));
        assertEquals(2, plan.currentSize());
        assertEquals(List.of(new Change.Delete(NEW), new Change.Delete(WWW)), plan.changes());
    }

    @Test
    void refusesADesiredRecordOutsideTheZone() {
        ZoneSnapshot desired = zone(set("www.example.org.", "A", 300, "192.0.2.1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Planner(SYNC).plan(desired, zone()));
        assertTrue(e.getMessage().contains("www.example.org. A lies outside zone example.com."), e.getMessage());
    }

    @Test
    void refusesZonesOfDifferentOrigins() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Planner(SYNC).plan(ZoneSnapshot.empty("example.org."), zone()));
        assertTrue(e.getMessage().contains("example.org.") && e.getMessage().contains("example.com."), e.getMessage());
    }

    @Test
    void refusesAnSoaWithoutASerialWhenManagingTheSerial() {
        ZoneSnapshot desired = zone(RecordSet.of(TestRecords.ORIGIN, "SOA", 900, "ns1.corp.example. admin.corp.example."));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Planner(SYNC.withManageApexSoaSerial(true)).plan(desired, zone(soa(1))));
        assertTrue(e.getMessage().contains("apex SOA of zone example.com. has no valid serial"), e.getMessage());
    }

    @Test
    void rejectsIgnoredNamesThatAreNotAbsolute() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SYNC.withIgnored("www.example.com"));
        assertTrue(e.getMessage().contains("ignored name must be an absolute name ending with a dot: www.example.com"),
                e.getMessage());
    }

    @Test
    void ignorePatternsInCanonicalSpellingAreSubtrees() {
        PlanOptions options = SYNC.withIgnored("\\052.dev.example.com.", "*.Stage.Example.com.", "one.example.com.");
        assertEquals(Set.of("dev.example.com.", "stage.example.com."), options.ignoredSubtrees());
        assertEquals(Set.of("one.example.com."), options.ignoredNames());
        assertTrue(options.ignores("\\052.dev.example.com."));
        assertTrue(options.ignores("a.b.stage.example.com."));
        assertTrue(!options.ignores("xdev.example.com.") && !options.ignores("dev.example.com."));
    }

    @Test
    void aZoneLargeEnoughToBeSplitOverTwoThreadsIsPlannedWhole() {
        List<RecordSet> current = new java.util.ArrayList<>(List.of(soa(1), apexNs("ns1.example.net.")));
        List<RecordSet> desired = new java.util.ArrayList<>(List.of(soa(2), apexNs("ns2.example.net.")));
        int sets = Planner.PARALLEL_THRESHOLD;
        for (int i = 0; i < sets; i++) {
            String value = "10.0." + (i >> 8 & 255) + "." + (i & 255);
            switch (i % 4) {
                case 0 -> { // unchanged
                    current.add(set("h" + i, "A", 300, value));
                    desired.add(set("h" + i, "A", 300, value));
                }
                case 1 -> desired.add(set("h" + i, "A", 300, value)); // created
                case 2 -> current.add(set("h" + i, "A", 300, value)); // deleted
                default -> { // updated
                    current.add(set("h" + i, "A", 300, value));
                    desired.add(set("h" + i, "A", 60, value));
                }
            }
        }

        Plan plan = new Planner(SYNC).plan(zone(desired), zone(current));

        assertEquals(sets / 4, plan.count(ChangeAction.CREATE));
        assertEquals(sets / 4, plan.count(ChangeAction.DELETE));
        assertEquals(sets / 4, plan.count(ChangeAction.UPSERT));
        assertEquals(3 * sets / 4, plan.currentSize(), "every managed current set counted once, apex left out");
        assertEquals(plan.changes(), new Planner(SYNC).plan(zone(desired), zone(current)).changes(), "same order");
    }

    @Test
    void aSetOutsideTheZoneIsNamedWhicheverThreadFindsIt() {
        List<RecordSet> desired = new java.util.ArrayList<>();
        for (int i = 0; i < Planner.PARALLEL_THRESHOLD; i++) {
            desired.add(set("h" + i, "A", 300, "192.0.2.1"));
        }
        desired.add(RecordSet.of("stray.example.org.", "A", 300, "192.0.2.2"));
        ZoneSnapshot wanted = ZoneSnapshot.of(TestRecords.ORIGIN, desired);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Planner(SYNC).plan(wanted, zone(soa(1))));
        assertTrue(e.getMessage().contains("stray.example.org.") && e.getMessage().contains("outside zone"),
                e.getMessage());
    }
}
