package io.zonebridge.app;

/**
 * Where a managed zone's desired state comes from (a primary by zone transfer, a zone file, later computed
 * reverse or EC2 records). Called by one sync run at a time per zone.
 */
public interface DesiredStateSource {

    /**
     * Fetches the desired zone.
     *
     * @param full ignore the last applied serial and return the whole zone even when it has not moved
     */
    DesiredState fetch(boolean full);

    /** Tells the source that {@code state} (from the last {@link #fetch}) is now in Route 53 completely. */
    void applied(DesiredState state);

    /** Where the zone comes from, for status and logs (no secrets). */
    String describe();
}
