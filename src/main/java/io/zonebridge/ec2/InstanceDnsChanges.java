package io.zonebridge.ec2;

import io.zonebridge.model.RecordSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record changes one EC2 event calls for, per hosted zone id, for the caller to plan and apply; and the
 * PTR pairs to keep or drop through the reverse DNS path. Deletes carry the record set as it was made.
 *
 * @param upserts            record sets to create or update, by hosted zone id
 * @param deletes            record sets to delete, by hosted zone id
 * @param ptrUpserts         address → name pairs whose PTR should exist
 * @param ptrDeletes         address → name pairs whose PTR should go
 * @param warnings           problems for the caller to log
 * @param associationsNeeded private zones to associate with the instance's VPC
 * @param staleEvent         true when the event was older than the last applied one and was ignored
 */
public record InstanceDnsChanges(Map<String, List<RecordSet>> upserts, Map<String, List<RecordSet>> deletes,
                                 List<AddressName> ptrUpserts, List<AddressName> ptrDeletes,
                                 List<DnsWarning> warnings, List<AssociationNeeded> associationsNeeded,
                                 boolean staleEvent) {

    public InstanceDnsChanges {
        upserts = copy(upserts);
        deletes = copy(deletes);
        ptrUpserts = List.copyOf(ptrUpserts);
        ptrDeletes = List.copyOf(ptrDeletes);
        warnings = List.copyOf(warnings);
        associationsNeeded = List.copyOf(associationsNeeded);
    }

    /** No change. */
    public static InstanceDnsChanges none() {
        return new InstanceDnsChanges(Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), false);
    }

    /** An ignored event older than the last one applied. */
    public static InstanceDnsChanges stale() {
        return new InstanceDnsChanges(Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), true);
    }

    /** True when nothing is to be changed in Route 53 or the reverse zones. */
    public boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty() && ptrUpserts.isEmpty() && ptrDeletes.isEmpty();
    }

    /** These changes followed by {@code other}'s (for events naming several instances). */
    public InstanceDnsChanges plus(InstanceDnsChanges other) {
        return new InstanceDnsChanges(merge(upserts, other.upserts), merge(deletes, other.deletes),
                concat(ptrUpserts, other.ptrUpserts), concat(ptrDeletes, other.ptrDeletes),
                concat(warnings, other.warnings), concat(associationsNeeded, other.associationsNeeded),
                staleEvent && other.staleEvent);
    }

    private static Map<String, List<RecordSet>> merge(Map<String, List<RecordSet>> a, Map<String, List<RecordSet>> b) {
        Map<String, List<RecordSet>> out = new TreeMap<>();
        a.forEach((zone, sets) -> out.computeIfAbsent(zone, z -> new ArrayList<>()).addAll(sets));
        b.forEach((zone, sets) -> out.computeIfAbsent(zone, z -> new ArrayList<>()).addAll(sets));
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Map<String, List<RecordSet>> copy(Map<String, List<RecordSet>> in) {
        Map<String, List<RecordSet>> out = new TreeMap<>();
        in.forEach((zone, sets) -> {
            if (!sets.isEmpty()) {
                out.put(zone, List.copyOf(sets));
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
