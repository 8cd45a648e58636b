package io.zonebridge.reverse;

import io.zonebridge.intake.RejectReason;
import io.zonebridge.intake.UnusableMessageException;

/**
 * An SQS message body that is not valid JSON or not a well-formed CloudTrail Route 53 event.
 * The message says what is wrong and where; {@link #pointer()} is the JSON pointer of the offending
 * (or missing) field, relative to the event (inside the SNS {@code Message} when the body was SNS-wrapped).
 */
public class MalformedEventException extends UnusableMessageException {

    private final String pointer;

    /**
     * @param reason  the kind of problem
     * @param message what is wrong, including where
     * @param pointer JSON pointer of the offending field ({@code ""} for the whole body)
     * @param cause   underlying parser error, or {@code null}
     */
    public MalformedEventException(RejectReason reason, String message, String pointer, Throwable cause) {
        super(reason, message, cause);
        this.pointer = pointer;
    }

    /** JSON pointer (RFC 6901) of the offending or missing field; {@code ""} means the whole body. */
    public String pointer() {
        return pointer;
    }
}
