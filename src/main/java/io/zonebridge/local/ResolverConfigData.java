package io.zonebridge.local;

/**
 * A Route 53 Resolver configuration of one VPC.
 *
 * @param id               {@code rslvr-rc-} id
 * @param resourceId       VPC id
 * @param ownerId          owning account
 * @param settledStatus    status once the last update finished (ENABLED, DISABLED, USE_LOCAL_RESOURCE_SETTING)
 * @param transitionStatus status while the last update is in progress (ENABLING, DISABLING, ...)
 * @param settledAtMillis  time at which the update finishes
 */
public record ResolverConfigData(String id, String resourceId, String ownerId, String settledStatus,
                                 String transitionStatus, long settledAtMillis) {

    /** AutodefinedReverse status at {@code nowMillis}. */
    public String status(long nowMillis) {
        return nowMillis >= settledAtMillis ? settledStatus : transitionStatus;
    }
}
