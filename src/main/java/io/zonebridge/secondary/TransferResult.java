package io.zonebridge.secondary;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Record;

/**
 * The outcome of one {@link ZoneTransferClient#transfer} call.
 *
 * <p>{@link #records()} is the <em>complete</em> zone (apex SOA included, once) for {@link Status#IXFR} and
 * {@link Status#AXFR}; the known records unchanged for {@link Status#UP_TO_DATE}; and always empty for
 * {@link Status#FAILED}, so a failed or partial transfer can never be mistaken for an empty zone.
 *
 * @param status what happened
 * @param serial the zone's serial after the call: the new one for IXFR/AXFR, the known one (possibly
 *     {@code null}) for UP_TO_DATE and FAILED
 * @param records the full zone as dnsjava records (see above)
 * @param timers the primary's SOA timers, or {@code null} when no primary answered
 * @param primary the primary that answered last, or {@code null}
 * @param message what was done, or why it failed (every primary's failure, in order)
 * @param delta for {@link Status#IXFR}, what the differences changed in the known zone (the names they touched,
 *     with their records before and after); {@code null} otherwise
 */
public record TransferResult(Status status, Long serial, List<Record> records, SoaTimers timers,
        PrimaryServer primary, String message, ZoneDelta delta) {

    /** What a transfer call did. */
    public enum Status {
        /** The primary's serial has not moved past the known one: nothing was transferred. */
        UP_TO_DATE,
        /** An incremental transfer was applied to the known records. */
        IXFR,
        /** The whole zone was transferred. */
        AXFR,
        /** No primary gave a complete, verified answer: use nothing of this result. */
        FAILED
    }

    /** Requires status and message; copies the records (a kept zone is immutable already); forces none for FAILED. */
    public TransferResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        records = status == Status.FAILED || records == null ? List.of()
                : records instanceof AxfrRecords || records instanceof KeptZone ? records : List.copyOf(records);
        if (delta != null && status != Status.IXFR) {
            throw new IllegalArgumentException("only an IXFR result has a delta, not " + status);
        }
    }

    /** A result without a delta (anything but an IXFR). */
    public TransferResult(Status status, Long serial, List<Record> records, SoaTimers timers, PrimaryServer primary,
            String message) {
        this(status, serial, records, timers, primary, message, null);
    }

    static TransferResult failed(Long serial, SoaTimers timers, PrimaryServer primary, String message) {
        return new TransferResult(Status.FAILED, serial, List.of(), timers, primary, message);
    }

    /** Whether {@link #records()} holds a new complete zone to apply (IXFR or AXFR). */
    public boolean hasNewZone() {
        return status == Status.IXFR || status == Status.AXFR;
    }

    @Override
    public String toString() {
        return "TransferResult[" + status + ", serial=" + serial + ", " + records.size() + " records, timers="
                + timers + ", primary=" + primary + ", " + message + "]";
    }
}
