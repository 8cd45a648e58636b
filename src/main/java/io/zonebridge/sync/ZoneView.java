package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.Planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Route 53 holds for one hosted zone, as far as the engine knows: filled by a full read, updated by every
 * batch Route 53 accepted and by re-reads of single names, each in proportion to what changed. Kept sorted by key
 * in one array (four bytes a set beside the sets themselves, which it shares with the desired zone where they are
 * equal: {@link #share}), so the sets of a few names are found without walking the zone. Never trusted blindly:
 * every batch planned against it carries the exact values it holds, so Route 53 refuses a batch the view was wrong
 * about. Not thread-safe (one run per zone at a time).
 */
public final class ZoneView {

    private static final Comparator<RecordSet> BY_KEY = RecordSet::compareKeyTo;
    private static final RecordSet[] NONE = new RecordSet[0];

    private final String origin;
    /** Sorted by key, one set per key. */
    private RecordSet[] sets;
    private final Instant readAt;
    private final long generation;

    /** A view filled by a full read at {@code readAt}, in {@code generation} ({@link ViewGeneration}). */
    public ZoneView(ZoneSnapshot fullRead, Instant readAt, long generation) {
        this.origin = fullRead.origin();
        this.sets = sorted(fullRead);
        this.readAt = readAt;
        this.generation = generation;
    }

    /** The record sets held now (a copy: costs in proportion to the zone). */
    public ZoneSnapshot snapshot() {
        return ZoneSnapshot.of(origin, Arrays.asList(sets));
    }

    /** The record sets held now at {@code names} (any type, any set identifier). */
    public ZoneSnapshot at(Set<String> names) {
        List<RecordSet> found = new ArrayList<>();
        for (String name : names) {
            found.addAll(Arrays.asList(sets).subList(first(name), end(name)));
        }
        return ZoneSnapshot.of(origin, found);
    }

    /** When the full read this view started from was made. */
    public Instant readAt() {
        return readAt;
    }

    /** The {@link ViewGeneration} it was read in. */
    public long generation() {
        return generation;
    }

    /** Record sets held. */
    public int size() {
        return sets.length;
    }

    /**
     * Record sets held that {@code planner} manages, as {@link Planner#plan} counts them for
     * {@link io.zonebridge.plan.Plan#currentSize()}: without walking the zone when the planner filters nothing.
     */
    public int managedSize(Planner planner) {
        if (planner.filters()) {
            return (int) Arrays.stream(sets).filter(set -> planner.manages(set.key(), origin)).count();
        }
        int unmanaged = 0;
        for (int i = first(origin), end = end(origin); i < end; i++) {
            unmanaged += planner.manages(sets[i].key(), origin) ? 0 : 1;
        }
        return sets.length - unmanaged;
    }

    /** Takes in a batch Route 53 accepted: deletes remove their set, creates and upserts put theirs. */
    public void accepted(List<Change> changes) {
        Set<RecordKey> deleted = new HashSet<>();
        NavigableMap<RecordKey, RecordSet> put = new TreeMap<>(); // in order: a later change to a key wins
        for (Change change : changes) {
            switch (change.action()) {
                case DELETE -> {
                    deleted.add(change.key());
                    put.remove(change.key());
                }
                case CREATE, UPSERT -> put.put(change.key(), change.recordSet());
            }
        }
        edit(deleted, Set.of(), put);
    }

    /**
     * Holds each of {@code desired}'s sets in place of an equal one held, key included, so a zone in step keeps one
     * copy of each set (the view's and the desired zone's are the same instances); changes nothing the view says.
     */
    public void share(Collection<RecordSet> desired) {
        for (RecordSet set : desired) {
            int at = indexOf(set.key());
            if (at >= 0 && sets[at] != set && sets[at].equals(set)) {
                sets[at] = set;
            }
        }
    }

    /** Replaces what is held for {@code names} by what a re-read of those names found. */
    public void reread(Set<String> names, Collection<RecordSet> found) {
        NavigableMap<RecordKey, RecordSet> put = new TreeMap<>();
        found.forEach(set -> put.put(set.key(), set));
        edit(Set.of(), names, put);
    }

    /** Replaces everything held by what a full read found. */
    public void reread(ZoneSnapshot full) {
        sets = sorted(full);
    }

    /** Record sets that differ between this view and {@code fresh} (missing on either side or not equal). */
    public int differencesFrom(ZoneSnapshot fresh) {
        int differences = 0;
        for (Map.Entry<RecordKey, RecordSet> entry : fresh.recordSets().entrySet()) {
            int at = indexOf(entry.getKey());
            if (at < 0 || !entry.getValue().equals(sets[at])) {
                differences++;
            }
        }
        for (RecordSet set : sets) {
            if (!fresh.recordSets().containsKey(set.key())) {
                differences++;
            }
        }
        return differences;
    }

    /**
     * The sets held without those at {@code removed} keys and at {@code names}, with {@code put} in their place or
     * beside them (a sorted merge, in proportion to the zone).
     */
    private void edit(Set<RecordKey> removed, Set<String> names, NavigableMap<RecordKey, RecordSet> put) {
        List<RecordSet> next = new ArrayList<>(sets.length + put.size());
        Iterator<RecordSet> added = put.values().iterator();
        RecordSet pending = added.hasNext() ? added.next() : null;
        for (RecordSet held : sets) {
            while (pending != null && pending.compareKeyTo(held) < 0) {
                next.add(pending);
                pending = added.hasNext() ? added.next() : null;
            }
            RecordKey key = held.key();
            if (!removed.contains(key) && !names.contains(held.name()) && !put.containsKey(key)) {
                next.add(held);
            }
        }
        while (pending != null) {
            next.add(pending);
            pending = added.hasNext() ? added.next() : null;
        }
        sets = next.toArray(NONE);
    }

    private static RecordSet[] sorted(ZoneSnapshot zone) {
        RecordSet[] all = zone.recordSets().values().toArray(NONE);
        Arrays.sort(all, BY_KEY);
        return all;
    }

    /** The index of the set at {@code key}, or a negative number when none is held. */
    private int indexOf(RecordKey key) {
        int low = 0;
        int high = sets.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = sets[mid].compareKeyTo(key);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The index of the first set at {@code name} or after it: keys sort by name first, and the empty type first. */
    private int first(String name) {
        RecordKey start = new RecordKey(name, "", null);
        int low = 0;
        int high = sets.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sets[mid].compareKeyTo(start) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The index just after the last set at {@code name}. */
    private int end(String name) {
        int i = first(name);
        while (i < sets.length && sets[i].hasName(name)) {
            i++;
        }
        return i;
    }
}
