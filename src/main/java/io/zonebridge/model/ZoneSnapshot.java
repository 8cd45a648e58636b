package io.zonebridge.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The record sets of one zone at one moment, keyed by {@link RecordKey}.
 *
 * @param origin     the zone's apex in canonical form (lower case, trailing dot)
 * @param recordSets record sets by identity; unmodifiable
 */
public record ZoneSnapshot(String origin, Map<RecordKey, RecordSet> recordSets) {

    public ZoneSnapshot {
        Objects.requireNonNull(origin, "origin");
        if (!origin.endsWith(".")) {
            throw new IllegalArgumentException("zone origin must be absolute (end with a dot): " + origin);
        }
        recordSets = Map.copyOf(recordSets);
    }

    /** A snapshot of the given record sets; a duplicate identity is an error naming it. */
    public static ZoneSnapshot of(String origin, Collection<RecordSet> sets) {
        Map<RecordKey, RecordSet> map = new HashMap<>(sets.size() * 2);
        for (RecordSet set : sets) {
            RecordSet previous = map.put(set.key(), set);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate record set " + set.key() + " in zone " + origin);
            }
        }
        return new ZoneSnapshot(origin, map);
    }

    /** An empty zone. */
    public static ZoneSnapshot empty(String origin) {
        return new ZoneSnapshot(origin, Map.of());
    }

    public Optional<RecordSet> get(RecordKey key) {
        return Optional.ofNullable(recordSets.get(key));
    }

    public int size() {
        return recordSets.size();
    }

    /** The apex SOA record set, if the snapshot has one. */
    public Optional<RecordSet> soa() {
        return get(RecordKey.of(origin, "SOA"));
    }

    /** The SOA serial, if the snapshot has an apex SOA. */
    public Optional<Long> serial() {
        return soaValue().map(SoaValue::serial);
    }

    /** The fields of the apex SOA, if the snapshot has one. */
    public Optional<SoaValue> soaValue() {
        return soa().map(s -> SoaValue.parse(s.values().get(0)));
    }
}
