package io.zonebridge.app;

/**
 * A sync run that failed at Route 53 (reading, applying, or a change group refused), worth redelivering. Failures
 * of the source (transfer, zone file) are not thrown: they wait for the zone's retry timer.
 */
public final class ZoneSyncException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ZoneSyncException(String message) {
        super(message);
    }
}
