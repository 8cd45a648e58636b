package io.zonebridge.app;

/**
 * How a sync run behaves.
 *
 * @param full   fetch the whole zone even when the source's serial has not moved
 * @param dryRun plan and check the safety limits, apply nothing
 * @param force  apply even when the plan exceeds the safety limits
 */
public record SyncMode(boolean full, boolean dryRun, boolean force) {

    /** The service's mode: serial tracking, safety limits, apply. */
    public static final SyncMode SERVICE = new SyncMode(false, false, false);
}
