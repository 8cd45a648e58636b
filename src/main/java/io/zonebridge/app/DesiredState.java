package io.zonebridge.app;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.secondary.SoaTimers;
import java.util.Objects;

/**
 * What a {@link DesiredStateSource} found: a new complete zone, no change since the last applied serial, or a
 * failure (in which case there is no snapshot, so nothing can be applied or deleted).
 *
 * @param kind     what was found
 * @param snapshot the complete desired zone (only for {@link Kind#CHANGED})
 * @param serial   the source's serial, when known
 * @param timers   the source's SOA timers, when known
 * @param detail   what was done, or why it failed
 */
public record DesiredState(Kind kind, ZoneSnapshot snapshot, Long serial, SoaTimers timers, String detail) {

    /** What a source found. */
    public enum Kind {
        /** A complete zone newer than the last applied one (or the first one). */
        CHANGED,
        /** The source's serial has not moved past the last applied one: nothing to do. */
        UNCHANGED,
        /** No complete zone could be had: nothing may be applied. */
        FAILED
    }

    /** Requires a snapshot exactly for CHANGED. */
    public DesiredState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if ((kind == Kind.CHANGED) != (snapshot != null)) {
            throw new IllegalArgumentException("a " + kind + " desired state " + (snapshot == null ? "needs" : "has no")
                    + " snapshot");
        }
    }

    static DesiredState failed(Long serial, SoaTimers timers, String detail) {
        return new DesiredState(Kind.FAILED, null, serial, timers, detail);
    }
}
