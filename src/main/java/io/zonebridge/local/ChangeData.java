package io.zonebridge.local;

/**
 * A submitted change: PENDING until {@code insyncAtMillis}, INSYNC afterwards.
 *
 * @param id             bare change id
 * @param submittedMillis submission time (epoch ms)
 * @param insyncAtMillis time from which the change reads INSYNC
 * @param comment        batch comment or null
 */
public record ChangeData(String id, long submittedMillis, long insyncAtMillis, String comment) {

    /** PENDING or INSYNC at {@code nowMillis}. */
    public String status(long nowMillis) {
        return nowMillis >= insyncAtMillis ? "INSYNC" : "PENDING";
    }
}
