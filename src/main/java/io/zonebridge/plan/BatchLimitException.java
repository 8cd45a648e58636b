package io.zonebridge.plan;

/** The changes of one record name alone exceed a batch limit, so they cannot be sent in one request. */
public final class BatchLimitException extends RuntimeException {

    private final String name;

    public BatchLimitException(String name, String message) {
        super(message);
        this.name = name;
    }

    /** The record name whose changes do not fit. */
    public String name() {
        return name;
    }
}
