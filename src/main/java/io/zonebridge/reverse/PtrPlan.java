package io.zonebridge.reverse;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PTR state zonebridge wants in each reverse zone, and the part of the current state it may change.
 * Hand each zone's pair to the Planner as {@code plan(desired, managedCurrent)}: since
 * {@code managedCurrent} holds only PTRs zonebridge manages (see {@link OwnershipPolicy}), the only
 * deletes are {@link #stale(String) stale managed PTRs}, and nothing else in the zone is touched.
 * After applying, the caller records created PTRs as owned and forgets deleted ones.
 *
 * @param desired            per reverse zone name: the PTR record sets wanted (within scope, not blocked)
 * @param managedCurrent     per reverse zone name: the existing PTR record sets zonebridge may change or delete
 * @param blocked            wanted PTRs whose name is occupied by a record set zonebridge does not manage
 * @param unmatchedAddresses addresses no reverse zone covers (count and report them)
 * @param unreadZones        reverse zones that would receive PTRs but whose current state was not supplied
 *                           (left out: zonebridge never writes a zone blind)
 * @param skipped            forward record sets or values that yield no PTR, with the reason
 */
public record PtrPlan(Map<String, ZoneSnapshot> desired, Map<String, ZoneSnapshot> managedCurrent,
                      List<BlockedPtr> blocked, Set<String> unmatchedAddresses, Set<String> unreadZones,
                      List<String> skipped) {

    public PtrPlan {
        desired = Map.copyOf(desired);
        managedCurrent = Map.copyOf(managedCurrent);
        blocked = List.copyOf(blocked);
        unmatchedAddresses = Set.copyOf(unmatchedAddresses);
        unreadZones = Set.copyOf(unreadZones);
        skipped = List.copyOf(skipped);
    }

    /** The reverse zones the plan covers, sorted. */
    public Set<String> zoneNames() {
        return new TreeSet<>(desired.keySet());
    }

    /** Managed PTR record sets of the zone that are no longer wanted: the deletes, sorted by key. */
    public List<RecordSet> stale(String zoneName) {
        ZoneSnapshot wanted = desired.get(zoneName);
        ZoneSnapshot managed = managedCurrent.get(zoneName);
        if (managed == null) {
            return List.of();
        }
        return managed.recordSets().values().stream()
                .filter(ptr -> wanted == null || !wanted.recordSets().containsKey(ptr.key()))
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();
    }

    /** Wanted PTR record sets of the zone that are missing or differ from the current managed ones. */
    public List<RecordSet> toWrite(String zoneName) {
        ZoneSnapshot wanted = desired.get(zoneName);
        ZoneSnapshot managed = managedCurrent.get(zoneName);
        if (wanted == null) {
            return List.of();
        }
        return wanted.recordSets().values().stream()
                .filter(ptr -> managed == null || !ptr.equals(managed.recordSets().get(ptr.key())))
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();
    }

    /** True when no zone needs a write or a delete. */
    public boolean isSettled() {
        return desired.keySet().stream().allMatch(zone -> stale(zone).isEmpty() && toWrite(zone).isEmpty());
    }

    static RecordKey ptrKey(String ptrName) {
        return RecordKey.of(ptrName, "PTR");
    }
}
