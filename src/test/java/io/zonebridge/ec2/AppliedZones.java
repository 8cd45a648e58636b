package io.zonebridge.ec2;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test stand-in for the apply path: hosted zones as record maps and PTRs as an address map, changed the way
 * Route 53 would after a diff against the zone (a DELETE of a present record must match it exactly; one of a record
 * already gone is dropped).
 */
final class AppliedZones {

    final Map<String, Map<RecordKey, RecordSet>> zones = new TreeMap<>();
    final Map<String, String> ptrs = new TreeMap<>();

    void apply(InstanceDnsChanges changes) {
        changes.deletes().forEach((zone, sets) -> sets.forEach(set -> {
            RecordSet current = zones.getOrDefault(zone, Map.of()).get(set.key());
            if (current == null) {
                return; // already gone: the diff against the zone drops it
            }
            assertEquals(current, set, "a DELETE must carry the current record set of " + set.key() + " in " + zone);
            zones.get(zone).remove(set.key());
            if (zones.get(zone).isEmpty()) {
                zones.remove(zone);
            }
        }));
        changes.upserts().forEach((zone, sets) -> sets.forEach(set ->
                zones.computeIfAbsent(zone, z -> new TreeMap<>()).put(set.key(), set)));
        changes.ptrDeletes().forEach(a -> ptrs.remove(a.address(), a.name()));
        changes.ptrUpserts().forEach(a -> ptrs.put(a.address(), a.name()));
    }

    RecordSet get(String zone, String name, String type) {
        return zones.getOrDefault(zone, Map.of()).get(RecordKey.of(name, type));
    }

    List<RecordSet> all(String zone) {
        return List.copyOf(zones.getOrDefault(zone, Map.of()).values());
    }
}
