package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Desired state of some record sets of a zone (a job that owns only part of a zone: PTRs, an instance's records):
 * for each key it decides, the set that key must hold, or empty for absent; every other key is left as it is.
 * Decided against the zone's view, and decided again after the engine re-read part of it (a stale view), so a job
 * can take what it found into account (ownership, sets in the way).
 *
 * <p><b>Released keys and the safety limits.</b> The safety limits guard against a source that breaks and makes
 * sets look stale; they count every update and delete. A delete of a set whose owner the job's ownership store
 * names, and which that owner ended explicitly (an instance terminated or untagged), is not inferred from a
 * source: such keys are {@link #released()} and their deletes do not count. One rule for every job with an
 * ownership store; a job without one releases nothing.
 */
@FunctionalInterface
public interface PartialDesired {

    /** The decisions against {@code view}: key → the set it must be, or empty for "must be absent". */
    Map<RecordKey, Optional<RecordSet>> against(ZoneSnapshot view);

    /** Keys whose delete the ownership store proves and the owner asked for (see above); none by default. */
    default Set<RecordKey> released() {
        return Set.of();
    }

    /** These decisions with {@code keys} released. */
    default PartialDesired releasing(Set<RecordKey> keys) {
        PartialDesired decisions = this;
        Set<RecordKey> copy = Set.copyOf(keys);
        return new PartialDesired() {
            @Override
            public Map<RecordKey, Optional<RecordSet>> against(ZoneSnapshot view) {
                return decisions.against(view);
            }

            @Override
            public Set<RecordKey> released() {
                return copy;
            }
        };
    }

    /** Fixed decisions: {@code present} must be exactly these sets, {@code absent} keys must not exist. */
    static PartialDesired of(Collection<RecordSet> present, Collection<RecordKey> absent) {
        Map<RecordKey, Optional<RecordSet>> decided = new LinkedHashMap<>();
        absent.forEach(key -> decided.put(key, Optional.empty()));
        present.forEach(set -> decided.put(set.key(), Optional.of(set)));
        Map<RecordKey, Optional<RecordSet>> fixed = Map.copyOf(decided);
        return view -> fixed;
    }

    /** The whole zone as desired: {@code view} with the decisions laid over it. */
    static ZoneSnapshot overlay(ZoneSnapshot view, Map<RecordKey, Optional<RecordSet>> decisions) {
        Map<RecordKey, RecordSet> sets = new HashMap<>(view.recordSets());
        decisions.forEach((key, set) -> {
            if (set.isPresent()) {
                sets.put(key, set.get());
            } else {
                sets.remove(key);
            }
        });
        return new ZoneSnapshot(view.origin(), sets);
    }
}
