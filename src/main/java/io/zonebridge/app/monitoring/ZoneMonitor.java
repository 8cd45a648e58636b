package io.zonebridge.app.monitoring;

import io.zonebridge.app.ManagedZone;
import io.zonebridge.app.PausedZones;
import io.zonebridge.app.SyncOutcome;
import io.zonebridge.app.ZoneStatus;
import io.zonebridge.app.ZoneStatusBoard;
import io.zonebridge.app.ZoneSynchronizer;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The standard MBean of one managed zone: its status from the {@link ZoneStatusBoard}, drift found, sync now, verify
 * now, pause, resume.
 */
public final class ZoneMonitor implements ZoneMonitorMBean {

    /** Work reason of a sync asked for over JMX. */
    public static final String SYNC_NOW_REASON = "jmx-sync-now";

    private final ManagedZone zone;
    private final ZoneStatusBoard board;
    private final PausedZones paused;
    private final BiConsumer<ManagedZone, String> pipeline;
    private final LongSupplier drift;

    /**
     * @param pipeline puts work for a zone, with a reason, on the apply pipeline
     * @param drift    record sets verification reads found drifted in the zone
     */
    public ZoneMonitor(ManagedZone zone, ZoneStatusBoard board, PausedZones paused,
                       BiConsumer<ManagedZone, String> pipeline, LongSupplier drift) {
        this.zone = zone;
        this.board = board;
        this.paused = paused;
        this.pipeline = pipeline;
        this.drift = drift;
    }

    private Optional<ZoneStatus> status() {
        return board.get(zone.key());
    }

    private Optional<SyncOutcome> last() {
        return status().map(ZoneStatus::last);
    }

    @Override
    public String getZoneKey() {
        return zone.key();
    }

    @Override
    public String getZoneName() {
        return zone.name();
    }

    @Override
    public String getLastSyncTime() {
        return status().map(ZoneStatus::lastAttempt).map(Instant::toString).orElse("");
    }

    @Override
    public String getLastSuccessTime() {
        return status().map(ZoneStatus::lastSuccess).map(Instant::toString).orElse("");
    }

    @Override
    public long getSerial() {
        return status().map(ZoneStatus::serial).orElse(-1L);
    }

    @Override
    public long getPendingChanges() {
        return last().filter(o -> o.result().isFailure() || o.result() == SyncOutcome.Result.DRY_RUN)
                .map(o -> o.creates() + o.updates() + o.deletes()).orElse(0L);
    }

    @Override
    public String getLastResult() {
        return last().map(o -> o.result().name()).orElse("NONE");
    }

    @Override
    public String getLastMessage() {
        return last().map(SyncOutcome::message).orElse("");
    }

    @Override
    public String getLastError() {
        return status().map(ZoneStatus::lastError).orElse("");
    }

    @Override
    public long getFailures() {
        return status().map(ZoneStatus::failures).orElse(0L);
    }

    @Override
    public long getCreates() {
        return last().map(SyncOutcome::creates).orElse(0L);
    }

    @Override
    public long getUpdates() {
        return last().map(SyncOutcome::updates).orElse(0L);
    }

    @Override
    public long getDeletes() {
        return last().map(SyncOutcome::deletes).orElse(0L);
    }

    @Override
    public boolean isPaused() {
        return paused.isPaused(zone.key());
    }

    @Override
    public void syncNow() {
        pipeline.accept(zone, SYNC_NOW_REASON);
    }

    @Override
    public void verifyNow() {
        pipeline.accept(zone, ZoneSynchronizer.VERIFY);
    }

    @Override
    public long getDriftFound() {
        return drift.getAsLong();
    }

    @Override
    public void pause() {
        paused.pause(zone.key());
    }

    @Override
    public void resume() {
        paused.resume(zone.key());
    }
}
