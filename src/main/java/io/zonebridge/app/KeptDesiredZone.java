package io.zonebridge.app;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The desired zone a secondary keeps between runs, in Route 53's form: the zone as last converted whole, plus the
 * record sets deltas changed since, so a delta is taken in proportion to its size while a run that plans the whole
 * zone still gets it whole (merged when first asked for, then kept). Immutable: an uncommitted delta never touches
 * the zone it came from.
 */
final class KeptDesiredZone {

    /** Sets changed since the last whole zone beyond which a delta folds them into a new whole zone at once. */
    private static final int MIN_FOLD = 1_024;

    /** The zone as last merged whole. */
    private ZoneSnapshot merged;
    /** Sets changed since {@link #merged}: a key mapped to null was removed; unmodifiable. */
    private Map<RecordKey, RecordSet> changed;

    /** The zone as converted whole. */
    KeptDesiredZone(ZoneSnapshot whole) {
        this(whole, Map.of());
    }

    private KeptDesiredZone(ZoneSnapshot merged, Map<RecordKey, RecordSet> changed) {
        this.merged = merged;
        this.changed = changed;
    }

    /**
     * This zone with a delta taken in: the sets at {@code removed} keys gone, then {@code added} put (the sets the
     * delta's names held before and hold now).
     */
    synchronized KeptDesiredZone with(Collection<RecordKey> removed, Collection<RecordSet> added) {
        Map<RecordKey, RecordSet> next = new HashMap<>(changed);
        removed.forEach(key -> next.put(key, null));
        added.forEach(set -> next.put(set.key(), set));
        if (next.size() > Math.max(MIN_FOLD, merged.size() / 4)) {
            return new KeptDesiredZone(merge(merged, next));
        }
        return new KeptDesiredZone(merged, Collections.unmodifiableMap(next));
    }

    /** The whole desired zone (merged on the first call, in proportion to the zone, then kept). */
    synchronized ZoneSnapshot snapshot() {
        if (!changed.isEmpty()) {
            merged = merge(merged, changed);
            changed = Map.of();
        }
        return merged;
    }

    private static ZoneSnapshot merge(ZoneSnapshot zone, Map<RecordKey, RecordSet> changed) {
        Map<RecordKey, RecordSet> sets = new HashMap<>(zone.recordSets());
        changed.forEach((key, set) -> {
            if (set == null) {
                sets.remove(key);
            } else {
                sets.put(key, set);
            }
        });
        return new ZoneSnapshot(zone.origin(), sets);
    }
}
