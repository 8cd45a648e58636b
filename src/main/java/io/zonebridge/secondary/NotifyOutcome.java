package io.zonebridge.secondary;

import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * What {@link NotifyHandler} made of one packet: the bytes to send back (none for a dropped packet), the zone
 * and the serial hint the NOTIFY carried (when it got that far), why, and a human-readable detail.
 *
 * @param reason how the packet was handled
 * @param response the response to send to the source, or {@code null} when the packet is dropped
 * @param zone the zone named in the question, or {@code null} when unknown
 * @param serialHint the serial of the SOA in the answer section, or {@code null} when absent
 * @param detail a short explanation, e.g. which check failed
 */
public record NotifyOutcome(NotifyReason reason, byte[] response, Name zone, Long serialHint, String detail) {

    /** Requires a reason and a detail. */
    public NotifyOutcome {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether this NOTIFY should trigger a check of the zone (accepted and not a duplicate). */
    public boolean accepted() {
        return reason == NotifyReason.ACCEPTED;
    }

    /** Whether this was a repeat of an already accepted (zone, serial). */
    public boolean duplicate() {
        return reason == NotifyReason.DUPLICATE;
    }

    /** The response to send back, if any. */
    public Optional<byte[]> responseBytes() {
        return Optional.ofNullable(response);
    }

    @Override
    public String toString() {
        return "NotifyOutcome[" + reason + ", zone=" + zone + ", serial=" + serialHint
                + ", response=" + (response == null ? "none" : response.length + " bytes") + ", " + detail + "]";
    }
}
