package io.zonebridge.intake;

import java.util.Objects;

/**
 * A queued message that can never be turned into work, whatever the retries: not JSON, not an event, or an event
 * with a field missing, mistyped or invalid. The message says what is wrong and where, {@link #reason()} which kind
 * of problem it is, {@link #pointer()} the offending (or missing) field. One type for every job reading a queue.
 */
public class MalformedEventException extends RuntimeException {

    private final RejectReason reason;
    private final String pointer;

    /**
     * @param reason  the kind of problem
     * @param message what is wrong, including where
     * @param pointer JSON pointer of the offending field, relative to the event (inside the SNS {@code Message}
     *                when the body was SNS-wrapped); {@code ""} for the whole body or when not known
     * @param cause   underlying parser error, or {@code null}
     */
    public MalformedEventException(RejectReason reason, String message, String pointer, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.pointer = pointer == null ? "" : pointer;
    }

    /** A problem with no particular field. */
    public MalformedEventException(RejectReason reason, String message) {
        this(reason, message, "", null);
    }

    /** The kind of problem. */
    public RejectReason reason() {
        return reason;
    }

    /** JSON pointer (RFC 6901) of the offending or missing field; {@code ""} means the whole body or not known. */
    public String pointer() {
        return pointer;
    }
}
