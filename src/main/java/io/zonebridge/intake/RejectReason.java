package io.zonebridge.intake;

import java.util.Locale;

/** Why a queued message could not be turned into work; {@link #key()} is the metric tag and log reason. */
public enum RejectReason {
    /** The body (or an SNS notification's {@code Message}) is empty or not JSON. */
    INVALID_JSON,
    /** JSON, but not an EventBridge event or SNS notification: a top-level field is missing or mistyped. */
    INVALID_ENVELOPE,
    /** An event field the job needs is missing, mistyped or out of range. */
    INVALID_FIELD,
    /** A DNS name in the event is not a valid name. */
    INVALID_NAME,
    /** A record value does not fit its type. */
    INVALID_VALUE,
    /** A record type Route 53 does not have. */
    UNKNOWN_TYPE,
    /** Reading the message failed in an unforeseen way (a bug, or input nobody thought of). */
    UNEXPECTED_ERROR;

    /** The reason in lower case with hyphens, e.g. {@code invalid-value}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
