package io.zonebridge.ec2;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * @param withoutRecords     running instances that got no record at all (no DNS tag yet, no DHCP-options domain
 *                           with a zone): candidates for the late-tag retry
 */
public record InstanceDnsChanges(Map<String, List<RecordSet>> upserts, Map<String, List<RecordSet>> deletes,
                                 List<AddressName> ptrUpserts, List<AddressName> ptrDeletes,
                                 List<DnsWarning> warnings, List<AssociationNeeded> associationsNeeded,
                                 boolean staleEvent, List<String> withoutRecords) {

    public InstanceDnsChanges {
        upserts = copy(upserts);
        deletes = copy(deletes);
        ptrUpserts = List.copyOf(ptrUpserts);
        ptrDeletes = List.copyOf(ptrDeletes);
        warnings = List.copyOf(warnings);
        associationsNeeded = List.copyOf(associationsNeeded);
        withoutRecords = List.copyOf(withoutRecords);
    }

    /** Changes where every running instance got records. */
    public InstanceDnsChanges(Map<String, List<RecordSet>> upserts, Map<String, List<RecordSet>> deletes,
                              List<AddressName> ptrUpserts, List<AddressName> ptrDeletes, List<DnsWarning> warnings,
                              List<AssociationNeeded> associationsNeeded, boolean staleEvent) {
        this(upserts, deletes, ptrUpserts, ptrDeletes, warnings, associationsNeeded, staleEvent, List.of());
    }

    /** These changes with {@code instanceIds} as the running instances without records. */
    public InstanceDnsChanges withoutRecords(List<String> instanceIds) {
        return new InstanceDnsChanges(upserts, deletes, ptrUpserts, ptrDeletes, warnings, associationsNeeded,
                staleEvent, instanceIds);
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

    /**
     * The changes of several events as one. A record set upserted more than once keeps the last upsert; one both
     * upserted and deleted is upserted (a delete means nobody owns it any more, an upsert that an instance EC2
     * describes as running does), and the same for PTR pairs. Stale only when every part was; an empty list
     * gives {@link #none()}.
     */
    public static InstanceDnsChanges merge(List<InstanceDnsChanges> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<String, Map<RecordKey, RecordSet>> upserts = new TreeMap<>();
        Map<String, Map<RecordKey, RecordSet>> deletes = new TreeMap<>();
        Map<String, AddressName> ptrUpserts = new LinkedHashMap<>();
        Map<String, AddressName> ptrDeletes = new LinkedHashMap<>();
        List<DnsWarning> warnings = new ArrayList<>();
        List<AssociationNeeded> associations = new ArrayList<>();
        Set<String> withoutRecords = new TreeSet<>();
        for (InstanceDnsChanges p : parts) {
            withoutRecords.addAll(p.withoutRecords);
            p.upserts.forEach((zone, sets) -> sets.forEach(set ->
                    upserts.computeIfAbsent(zone, z -> new LinkedHashMap<>()).put(set.key(), set)));
            p.deletes.forEach((zone, sets) -> sets.forEach(set ->
                    deletes.computeIfAbsent(zone, z -> new LinkedHashMap<>()).put(set.key(), set)));
            p.ptrUpserts.forEach(a -> ptrUpserts.put(a.address(), a));
            p.ptrDeletes.forEach(a -> ptrDeletes.put(a.address(), a));
            warnings.addAll(p.warnings);
            associations.addAll(p.associationsNeeded);
        }
        upserts.forEach((zone, sets) -> {
            if (deletes.containsKey(zone)) {
                deletes.get(zone).keySet().removeAll(sets.keySet());
            }
        });
        ptrDeletes.keySet().removeAll(ptrUpserts.keySet());
        boolean stale = !parts.isEmpty() && parts.stream().allMatch(InstanceDnsChanges::staleEvent);
        return new InstanceDnsChanges(values(upserts), values(deletes), List.copyOf(ptrUpserts.values()),
                List.copyOf(ptrDeletes.values()), warnings, associations.stream().distinct().toList(), stale,
                List.copyOf(withoutRecords));
    }

    private static Map<String, List<RecordSet>> values(Map<String, Map<RecordKey, RecordSet>> byZone) {
        Map<String, List<RecordSet>> out = new TreeMap<>();
        byZone.forEach((zone, sets) -> out.put(zone, List.copyOf(sets.values())));
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
