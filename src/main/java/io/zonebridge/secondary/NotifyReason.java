package io.zonebridge.secondary;

/** Why a NOTIFY packet was handled the way it was; also the key of {@link NotifyStats}. */
public enum NotifyReason {
    /** A valid NOTIFY for a configured zone from an allowed source: answered, and the zone should be checked. */
    ACCEPTED,
    /** Valid, but the same (zone, serial) was accepted within the duplicate window: answered, nothing to do. */
    DUPLICATE,
    /** From a source not allowed for the zone, or for a zone that is not configured: answered REFUSED. */
    REFUSED,
    /** TSIG missing, unknown or invalid for a zone that requires it: answered NOTAUTH. */
    NOTAUTH,
    /**
     * A request that is not a well-formed NOTIFY (question count or type), or whose header can be read but not the
     * rest (truncated, garbled, trailing bytes after the message): answered FORMERR.
     */
    FORMERR,
    /** A request with another opcode than NOTIFY: answered NOTIMP. */
    NOTIMP,
    /** Not a DNS request at all (shorter than a header, or a response): dropped without an answer. */
    MALFORMED
}
