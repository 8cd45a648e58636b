package io.zonebridge.app;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.secondary.KeptZone;
import io.zonebridge.zonefile.DnsRecordConverter;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.xbill.DNS.Record;

/**
 * The desired zone a secondary keeps between runs, in Route 53's form: a base zone plus the record sets a delta
 * changed since, so a delta is taken in proportion to its size while a run that plans the whole zone still gets it
 * whole (merged each time it is asked for: the engine asks once a run). Once a zone is applied, the base is not
 * held as record sets at all but converted again from the kept zone when asked for ({@link #keptAs}): between
 * runs the record sets live once, in the view of what Route 53 holds, and the primary's zone once, packed. Immutable:
 * an uncommitted delta never touches the zone it came from.
 */
final class KeptDesiredZone {

    /** Sets changed since the base beyond which a delta folds them into a new base at once. */
    private static final int MIN_FOLD = 1_024;

    /** The zone the changes apply to. */
    private final Supplier<ZoneSnapshot> base;
    /** Sets changed since {@link #base}: a key mapped to null was removed; unmodifiable. */
    private final Map<RecordKey, RecordSet> changed;

    /** The zone as converted whole. */
    KeptDesiredZone(ZoneSnapshot whole) {
        this(() -> whole, Map.of());
    }

    private KeptDesiredZone(Supplier<ZoneSnapshot> base, Map<RecordKey, RecordSet> changed) {
        this.base = base;
        this.changed = changed;
    }

    /**
     * This zone, now applied, as {@code records} (the same zone as the primary's records, kept by name) converted
     * when asked for; this zone as it is when the records are not kept by name (converting them would build and
     * keep every record).
     */
    KeptDesiredZone keptAs(String origin, Collection<Record> records) {
        if (!(records instanceof KeptZone kept)) {
            return this;
        }
        return new KeptDesiredZone(() -> DnsRecordConverter.toSnapshot(origin, kept), Map.of());
    }

    /**
     * This zone with a delta taken in: the sets at {@code removed} keys gone, then {@code added} put (the sets the
     * delta's names held before and hold now).
     */
    KeptDesiredZone with(Collection<RecordKey> removed, Collection<RecordSet> added) {
        Map<RecordKey, RecordSet> next = new HashMap<>(changed);
        removed.forEach(key -> next.put(key, null));
        added.forEach(set -> next.put(set.key(), set));
        if (next.size() > MIN_FOLD) {
            return new KeptDesiredZone(merge(base.get(), next));
        }
        return new KeptDesiredZone(base, Collections.unmodifiableMap(next));
    }

    /** The whole desired zone (merged now, in proportion to the zone). */
    ZoneSnapshot snapshot() {
        return changed.isEmpty() ? base.get() : merge(base.get(), changed);
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
