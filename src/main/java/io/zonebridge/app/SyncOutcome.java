package io.zonebridge.app;

import java.util.Objects;

/**
 * The result of one sync run of one zone.
 *
 * @param zoneKey  the zone's key
 * @param zoneName the zone's name
 * @param result   what happened
 * @param serial   the source's serial, when known
 * @param creates  record sets created (or planned, in a dry run)
 * @param updates  record sets updated (or planned)
 * @param deletes  record sets deleted (or planned)
 * @param batches  change batches submitted (or planned)
 * @param message  detail: what was done, or the error
 */
public record SyncOutcome(String zoneKey, String zoneName, Result result, Long serial, long creates, long updates,
                          long deletes, int batches, String message) {

    /** What one sync run did. */
    public enum Result {
        /** Changes were applied. */
        APPLIED,
        /** The hosted zone already equals the source. */
        IN_STEP,
        /** The source's serial has not moved: nothing was transferred or planned. */
        UP_TO_DATE,
        /** Planned and checked against the safety limits; nothing applied. */
        DRY_RUN,
        /** The safety limits refused the plan; nothing applied. */
        REFUSED,
        /** The source, Route 53 or part of the apply failed. */
        FAILED,
        /** The zone is paused (over JMX): nothing was read or applied. */
        PAUSED;

        /** Whether this result counts as a failure (exit code, retry timer). */
        public boolean isFailure() {
            return this == REFUSED || this == FAILED;
        }
    }

    /** Requires key, name, result and message. */
    public SyncOutcome {
        Objects.requireNonNull(zoneKey, "zone key");
        Objects.requireNonNull(zoneName, "zone name");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
    }

    static SyncOutcome failed(ManagedZone zone, Long serial, String message) {
        return new SyncOutcome(zone.key(), zone.name(), Result.FAILED, serial, 0, 0, 0, 0, message);
    }
}
