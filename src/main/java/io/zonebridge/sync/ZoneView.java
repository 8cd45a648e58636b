package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Route 53 holds for one hosted zone, as far as the engine knows: filled by a full read, updated by every
 * batch Route 53 accepted and by re-reads of single names. Never trusted blindly: every batch planned against it
 * carries the exact values it holds, so Route 53 refuses a batch the view was wrong about. Not thread-safe (one
 * run per zone at a time).
 */
public final class ZoneView {

    private ZoneSnapshot snapshot;
    private final Instant readAt;

    /** A view filled by a full read at {@code readAt}. */
    public ZoneView(ZoneSnapshot fullRead, Instant readAt) {
        this.snapshot = fullRead;
        this.readAt = readAt;
    }

    /** The record sets held now. */
    public ZoneSnapshot snapshot() {
        return snapshot;
    }

    /** When the full read this view started from was made. */
    public Instant readAt() {
        return readAt;
    }

    /** Record sets held. */
    public int size() {
        return snapshot.size();
    }

    /** Takes in a batch Route 53 accepted: deletes remove their set, creates and upserts put theirs. */
    public void accepted(List<Change> changes) {
        Map<RecordKey, RecordSet> next = new HashMap<>(snapshot.recordSets());
        for (Change change : changes) {
            switch (change.action()) {
                case DELETE -> next.remove(change.key());
                case CREATE, UPSERT -> next.put(change.key(), change.recordSet());
            }
        }
        snapshot = new ZoneSnapshot(snapshot.origin(), next);
    }

    /** Replaces what is held for {@code names} by what a re-read of those names found. */
    public void reread(Set<String> names, Collection<RecordSet> found) {
        Map<RecordKey, RecordSet> next = new HashMap<>(snapshot.recordSets());
        next.keySet().removeIf(key -> names.contains(key.name()));
        found.forEach(set -> next.put(set.key(), set));
        snapshot = new ZoneSnapshot(snapshot.origin(), next);
    }

    /** Record sets that differ between this view and {@code fresh} (missing on either side or not equal). */
    public int differencesFrom(ZoneSnapshot fresh) {
        Map<RecordKey, RecordSet> held = snapshot.recordSets();
        int differences = 0;
        for (Map.Entry<RecordKey, RecordSet> entry : fresh.recordSets().entrySet()) {
            if (!entry.getValue().equals(held.get(entry.getKey()))) {
                differences++;
            }
        }
        for (RecordKey key : held.keySet()) {
            if (!fresh.recordSets().containsKey(key)) {
                differences++;
            }
        }
        return differences;
    }
}
