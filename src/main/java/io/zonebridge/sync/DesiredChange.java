package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A change to a zone's desired state, as a delta (an IXFR) gives it: the record names it concerns, and every record
 * set those names should hold now. A set held at one of those names and not given here should be absent; names not
 * given are not concerned.
 *
 * @param origin the zone's apex, canonical
 * @param names  the canonical record names concerned; unmodifiable
 * @param sets   the sets those names should hold, by key; each at one of {@code names}; unmodifiable
 */
public record DesiredChange(String origin, Set<String> names, Map<RecordKey, RecordSet> sets) {

    public DesiredChange {
        Objects.requireNonNull(origin, "origin");
        names = Set.copyOf(names);
        sets = Map.copyOf(sets);
        for (RecordKey key : sets.keySet()) {
            if (!names.contains(key.name())) {
                throw new IllegalArgumentException("record set " + key + " is at none of the changed names " + names);
            }
        }
    }

    /** The change that makes {@code names} hold exactly {@code sets}; a duplicate key is an error naming it. */
    public static DesiredChange of(String origin, Set<String> names, Collection<RecordSet> sets) {
        Map<RecordKey, RecordSet> byKey = new HashMap<>();
        for (RecordSet set : sets) {
            if (byKey.put(set.key(), set) != null) {
                throw new IllegalArgumentException("duplicate record set " + set.key() + " in a change of " + origin);
            }
        }
        return new DesiredChange(origin, names, byKey);
    }
}
