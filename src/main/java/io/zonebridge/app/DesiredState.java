package io.zonebridge.app;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.secondary.SoaTimers;
import io.zonebridge.sync.DesiredChange;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link DesiredStateSource} found: a new complete zone (for a delta such as an IXFR, also the change alone,
 * so it can be planned in proportion to its size), no change since the last applied serial, or a failure (in which
 * case there is no snapshot, so nothing can be applied or deleted).
 *
 * @param kind   what was found
 * @param whole  the complete desired zone (only for {@link Kind#CHANGED}), built when first asked for
 * @param change what changed since the state last applied, when the source knows it exactly (a delta); else null
 * @param serial the source's serial, when known
 * @param timers the source's SOA timers, when known
 * @param detail what was done, or why it failed
 */
public record DesiredState(Kind kind, Supplier<ZoneSnapshot> whole, DesiredChange change, Long serial,
                           SoaTimers timers, String detail) {

    /** What a source found. */
    public enum Kind {
        /** A complete zone newer than the last applied one (or the first one). */
        CHANGED,
        /** The source's serial has not moved past the last applied one: nothing to do. */
        UNCHANGED,
        /** No complete zone could be had: nothing may be applied. */
        FAILED
    }

    /** Requires a snapshot exactly for CHANGED, and a change only with one. */
    public DesiredState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if ((kind == Kind.CHANGED) != (whole != null)) {
            throw new IllegalArgumentException("a " + kind + " desired state " + (whole == null ? "needs" : "has no")
                    + " snapshot");
        }
        if (change != null && whole == null) {
            throw new IllegalArgumentException("a " + kind + " desired state has no change");
        }
    }

    /** A state with the whole zone (or none), and no change. */
    public DesiredState(Kind kind, ZoneSnapshot snapshot, Long serial, SoaTimers timers, String detail) {
        this(kind, snapshot == null ? null : () -> snapshot, null, serial, timers, detail);
    }

    /** A new zone known by what changed since the state last applied, and whole on demand. */
    static DesiredState changed(DesiredChange change, Supplier<ZoneSnapshot> whole, Long serial, SoaTimers timers,
                                String detail) {
        return new DesiredState(Kind.CHANGED, Objects.requireNonNull(whole, "whole"),
                Objects.requireNonNull(change, "change"), serial, timers, detail);
    }

    static DesiredState failed(Long serial, SoaTimers timers, String detail) {
        return new DesiredState(Kind.FAILED, (Supplier<ZoneSnapshot>) null, null, serial, timers, detail);
    }

    /** The complete desired zone (only for {@link Kind#CHANGED}, else null). */
    public ZoneSnapshot snapshot() {
        return whole == null ? null : whole.get();
    }
}
