package io.zonebridge.intake;

import java.util.Objects;

/**
 * A queued message that can never be turned into work, whatever the retries: its message says what is wrong and
 * where, {@link #reason()} says which kind of problem it is. The jobs' parser exceptions extend it.
 */
public class UnusableMessageException extends RuntimeException {

    private final RejectReason reason;

    public UnusableMessageException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The kind of problem. */
    public RejectReason reason() {
        return reason;
    }
}
