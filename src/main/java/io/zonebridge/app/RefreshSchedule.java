package io.zonebridge.app;

import io.zonebridge.secondary.SoaTimers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bean {@code refreshSchedule} behind route {@code zone-refresh}: when each zone is next checked, from its
 * source's SOA timers (RFC 1034 §4.3.5) with the configured overrides: {@code refresh} after a successful run,
 * {@code retry} after a failed one (but not past expiry). Every zone is due once at start. Zones with a mirror
 * schedule are left to {@link MirrorJobs}. This is what catches a lost NOTIFY. Thread-safe.
 */
public final class RefreshSchedule {

    private final ZoneCatalog catalog;
    private final Clock clock;
    private final Map<String, Instant> nextCheck = new HashMap<>();
    private final Map<String, Instant> lastSuccess = new HashMap<>();

    public RefreshSchedule(ZoneCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        Instant now = clock.instant();
        for (ManagedZone zone : catalog.zones()) {
            if (zone.mirror().isEmpty()) {
                nextCheck.put(zone.key(), now);
            }
        }
    }

    /**
     * The zones due now, as work. Each is pushed back by its retry interval at once, so a zone whose run is still
     * going is not handed out again before {@link #finished} sets the real next check.
     */
    public synchronized List<ZoneWork> dueWork() {
        Instant now = clock.instant();
        List<ZoneWork> due = new ArrayList<>();
        for (ManagedZone zone : catalog.zones()) {
            Instant next = nextCheck.get(zone.key());
            if (next != null && !next.isAfter(now)) {
                due.add(zone.work(lastSuccess.containsKey(zone.key()) ? "refresh" : "start"));
                nextCheck.put(zone.key(), now.plus(zone.timers().applyTo(null).retry()));
            }
        }
        return due;
    }

    /** Records the end of a run of {@code zone}: schedules the next check from the source's timers. */
    public synchronized void finished(ManagedZone zone, SoaTimers sourceTimers, boolean success) {
        if (zone.mirror().isPresent()) {
            return;
        }
        SoaTimers timers = zone.timers().applyTo(sourceTimers);
        if (success) {
            lastSuccess.put(zone.key(), clock.instant());
            nextCheck.put(zone.key(), timers.nextCheckAfterSuccess(clock));
        } else {
            nextCheck.put(zone.key(), timers.nextCheckAfterFailure(lastSuccess.get(zone.key()), clock));
        }
    }

    /** When the zone is next checked (empty for mirrored zones). */
    public synchronized java.util.Optional<Instant> nextCheck(String zoneKey) {
        return java.util.Optional.ofNullable(nextCheck.get(zoneKey));
    }
}
