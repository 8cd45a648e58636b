package io.zonebridge.plan;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only jqwik generators: pairs of (desired, current) zones over small pools of names, types, set
 * identifiers, routing policies, values and alias targets, so the two zones overlap and differ in every
 * way the planner distinguishes. Both zones carry an apex SOA and NS that differ at random.
 */
final class RandomZones {

    private static final int MAX_SETS = 25;

    private RandomZones() {
    }

    /** (desired, current): desired keeps a random part of current and adds or overrides random sets. */
    static Arbitrary<Tuple2<ZoneSnapshot, ZoneSnapshot>> pairs() {
        Arbitrary<List<RecordSet>> sets = recordSets().list().ofMaxSize(MAX_SETS);
        Arbitrary<List<Boolean>> keep = Arbitraries.of(true, true, false).list().ofSize(MAX_SETS);
        Arbitrary<Long> serials = Arbitraries.longs().between(1, 3);
        return Combinators.combine(sets, sets, keep, serials, serials).as((current, extra, mask, s1, s2) -> {
            Map<RecordKey, RecordSet> currentSets = byKey(current);
            Map<RecordKey, RecordSet> desiredSets = new LinkedHashMap<>();
            int i = 0;
            for (RecordSet set : currentSets.values()) {
                if (mask.get(i++)) {
                    desiredSets.put(set.key(), set);
                }
            }
            extra.forEach(set -> desiredSets.put(set.key(), set));
            currentSets.put(RecordKey.of(TestRecords.ORIGIN, "SOA"), TestRecords.soa(s1));
            currentSets.put(RecordKey.of(TestRecords.ORIGIN, "NS"), TestRecords.apexNs("ns-1.awsdns-01.org."));
            desiredSets.put(RecordKey.of(TestRecords.ORIGIN, "SOA"), TestRecords.soa(s2).withTtl(3600));
            desiredSets.put(RecordKey.of(TestRecords.ORIGIN, "NS"), TestRecords.apexNs("ns1.corp.example."));
            return Tuple.of(new ZoneSnapshot(TestRecords.ORIGIN, desiredSets), new ZoneSnapshot(TestRecords.ORIGIN, currentSets));
        });
    }

    static Arbitrary<RecordSet> recordSets() {
        Arbitrary<String> names = Arbitraries.of("@", "a", "b", "www", "x.a", "\\052");
        Arbitrary<String> types = Arbitraries.of("A", "AAAA", "TXT", "CNAME", "MX", "NS");
        Arbitrary<String> setIds = Arbitraries.of("", "", "s1", "s2");
        Arbitrary<Integer> routings = Arbitraries.integers().between(0, 5);
        Arbitrary<Boolean> aliases = Arbitraries.of(false, false, false, true);
        Arbitrary<String> targets = Arbitraries.of("lb-1.example.net.", "lb-2.example.net.");
        Arbitrary<List<String>> values = Arbitraries.of("v1", "v2", "v3", "\"long text value\"")
                .list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<Long> ttls = Arbitraries.of(60L, 300L);
        return Combinators.combine(names, types, setIds, routings, aliases, targets, values, ttls)
                .as((name, type, setId, routing, alias, target, vals, ttl) -> {
                    // the apex NS is Route 53's own (only the fixed one below); NS here are delegations
                    String owner = name.equals("@") && type.equals("NS") ? "sub" : name;
                    RecordKey key = new RecordKey(TestRecords.name(owner), type, setId);
                    Routing attributes = key.setIdentifier() == null ? Routing.SIMPLE : routing(routing);
                    if (alias && !type.equals("NS")) {
                        return new RecordSet(key, null, List.of(), new AliasTarget("Z1", target, false), attributes);
                    }
                    return new RecordSet(key, ttl, vals, null, attributes);
                });
    }

    private static Routing routing(int choice) {
        return switch (choice) {
            case 0 -> Routing.weighted(1);
            case 1 -> Routing.weighted(2);
            case 2 -> TestRecords.failover("PRIMARY");
            case 3 -> TestRecords.failover("SECONDARY");
            case 4 -> new Routing(null, "eu-west-1", null, null, null, null, null, null);
            default -> Routing.multiValue();
        };
    }

    private static Map<RecordKey, RecordSet> byKey(List<RecordSet> sets) {
        Map<RecordKey, RecordSet> map = new LinkedHashMap<>();
        sets.forEach(set -> map.put(set.key(), set));
        return map;
    }
}
