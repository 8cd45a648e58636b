package io.zonebridge.app;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One unit of work for the apply pipeline: "look at this hosted zone again". A small serialisable value (never a
 * live object) so it can travel through SEDA today and a FIFO queue (message group = {@link #zoneKey()}) later.
 * It is a trigger and a hint, never the truth: the synchronizer always diffs desired against current state.
 *
 * @param zoneKey  account and hosted-zone target, e.g. {@code default/example.internal.:private:vpc-0abc}
 * @param zoneName the zone's name, canonical
 * @param reasons  why the zone is looked at (notify, refresh, mirror, file-changed, ...), sorted and distinct
 * @param names    record names the trigger concerns, sorted and distinct (empty: the whole zone)
 */
public record ZoneWork(String zoneKey, String zoneName, List<String> reasons, List<String> names)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates and sorts. */
    public ZoneWork {
        Objects.requireNonNull(zoneKey, "zone key");
        Objects.requireNonNull(zoneName, "zone name");
        reasons = List.copyOf(new TreeSet<>(reasons));
        names = List.copyOf(new TreeSet<>(names));
    }

    /** Work for the whole zone for one reason. */
    public static ZoneWork of(String zoneKey, String zoneName, String reason) {
        return new ZoneWork(zoneKey, zoneName, List.of(reason), List.of());
    }

    /** This work and {@code other} (for the same zone) as one: reasons and names united. */
    public ZoneWork merge(ZoneWork other) {
        if (!zoneKey.equals(other.zoneKey)) {
            throw new IllegalArgumentException("cannot merge work for " + other.zoneKey + " into work for " + zoneKey);
        }
        return new ZoneWork(zoneKey, zoneName, Stream.concat(reasons.stream(), other.reasons.stream()).toList(),
                names.isEmpty() || other.names.isEmpty() ? List.of()
                        : Stream.concat(names.stream(), other.names.stream()).toList());
    }
}
