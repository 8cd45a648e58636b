package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.Planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Route 53 holds for one hosted zone, as far as the engine knows: filled by a full read, updated by every
 * batch Route 53 accepted and by re-reads of single names, each in proportion to what changed. Kept by name, so the
 * sets of a few names are found without walking the zone. Never trusted blindly: every batch planned against it
 * carries the exact values it holds, so Route 53 refuses a batch the view was wrong about. Not thread-safe (one
 * run per zone at a time).
 */
public final class ZoneView {

    private final String origin;
    private final NavigableMap<RecordKey, RecordSet> sets;
    private final Instant readAt;

    /** A view filled by a full read at {@code readAt}. */
    public ZoneView(ZoneSnapshot fullRead, Instant readAt) {
        this.origin = fullRead.origin();
        this.sets = new TreeMap<>(fullRead.recordSets());
        this.readAt = readAt;
    }

    /** The record sets held now (a copy: costs in proportion to the zone). */
    public ZoneSnapshot snapshot() {
        return new ZoneSnapshot(origin, sets);
    }

    /** The record sets held now at {@code names} (any type, any set identifier). */
    public ZoneSnapshot at(Set<String> names) {
        List<RecordSet> found = new ArrayList<>();
        for (String name : names) {
            found.addAll(named(name).values());
        }
        return ZoneSnapshot.of(origin, found);
    }

    /** When the full read this view started from was made. */
    public Instant readAt() {
        return readAt;
    }

    /** Record sets held. */
    public int size() {
        return sets.size();
    }

    /**
     * Record sets held that {@code planner} manages, as {@link Planner#plan} counts them for
     * {@link io.zonebridge.plan.Plan#currentSize()}: without walking the zone when the planner filters nothing.
     */
    public int managedSize(Planner planner) {
        if (planner.filters()) {
            return (int) sets.keySet().stream().filter(key -> planner.manages(key, origin)).count();
        }
        return sets.size() - (int) named(origin).keySet().stream().filter(key -> !planner.manages(key, origin)).count();
    }

    /** Takes in a batch Route 53 accepted: deletes remove their set, creates and upserts put theirs. */
    public void accepted(List<Change> changes) {
        for (Change change : changes) {
            switch (change.action()) {
                case DELETE -> sets.remove(change.key());
                case CREATE, UPSERT -> sets.put(change.key(), change.recordSet());
            }
        }
    }

    /**
     * Holds each of {@code desired}'s sets in place of an equal one held, key included, so a zone in step keeps one
     * copy of each set (the view's and the desired zone's are the same instances); changes nothing the view says.
     */
    public void share(Collection<RecordSet> desired) {
        for (RecordSet set : desired) {
            RecordSet held = sets.get(set.key());
            if (held != null && held != set && held.equals(set)) {
                sets.remove(set.key()); // a put would keep the held key: remove it with its entry
                sets.put(set.key(), set);
            }
        }
    }

    /** Replaces what is held for {@code names} by what a re-read of those names found. */
    public void reread(Set<String> names, Collection<RecordSet> found) {
        for (String name : names) {
            named(name).clear();
        }
        found.forEach(set -> sets.put(set.key(), set));
    }

    /** Replaces everything held by what a full read found. */
    public void reread(ZoneSnapshot full) {
        sets.clear();
        sets.putAll(full.recordSets());
    }

    /** Record sets that differ between this view and {@code fresh} (missing on either side or not equal). */
    public int differencesFrom(ZoneSnapshot fresh) {
        int differences = 0;
        for (Map.Entry<RecordKey, RecordSet> entry : fresh.recordSets().entrySet()) {
            if (!entry.getValue().equals(sets.get(entry.getKey()))) {
                differences++;
            }
        }
        for (RecordKey key : sets.keySet()) {
            if (!fresh.recordSets().containsKey(key)) {
                differences++;
            }
        }
        return differences;
    }

    /** The (live) range of sets held at {@code name}: keys sort by name first, and the empty type sorts first. */
    private NavigableMap<RecordKey, RecordSet> named(String name) {
        NavigableMap<RecordKey, RecordSet> from = sets.tailMap(new RecordKey(name, "", null), true);
        RecordKey end = null;
        for (RecordKey key : from.keySet()) {
            if (!key.name().equals(name)) {
                end = key;
                break;
            }
        }
        return end == null ? from : sets.subMap(new RecordKey(name, "", null), true, end, false);
    }
}
