package io.zonebridge.reverse;

/**
 * An SQS message body that is not valid JSON or not a well-formed CloudTrail Route 53 event.
 * The message says what is wrong and where; {@link #pointer()} is the JSON pointer of the offending
 * (or missing) field, relative to the event (inside the SNS {@code Message} when the body was SNS-wrapped).
 */
public class MalformedEventException extends RuntimeException {

    private final String pointer;

    /**
     * @param message what is wrong, including where
     * @param pointer JSON pointer of the offending field ({@code ""} for the whole body)
     * @param cause   underlying parser error, or {@code null}
     */
    public MalformedEventException(String message, String pointer, Throwable cause) {
        super(message, cause);
        this.pointer = pointer;
    }

    /** JSON pointer (RFC 6901) of the offending or missing field; {@code ""} means the whole body. */
    public String pointer() {
        return pointer;
    }
}
