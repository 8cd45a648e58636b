package io.zonebridge.app;

import io.zonebridge.secondary.SoaTimers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bean {@code refreshSchedule} behind route {@code zone-refresh}: when each zone is next checked, from its
 * source's SOA timers (RFC 1034 §4.3.5) with the configured overrides: {@code refresh} after a successful run,
 * {@code retry} after a failed one (but not past expiry). Every zone is due once at start. Zones with a mirror
 * schedule are left to {@link MirrorJobs}. This is what catches a lost NOTIFY.
 *
 * <p>A zone whose checks have failed for longer than its SOA {@code expire} (counted from its last success, or from
 * the service's start) is <em>expired</em>: a secondary would stop answering for it, but Route 53 keeps serving the
 * last copy, so zonebridge says so loudly instead (an ERROR log once, {@link #expiredZones()} for the health check)
 * and keeps retrying. A success clears it. Thread-safe.
 */
public final class RefreshSchedule {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RefreshSchedule.class);

    private final ZoneCatalog catalog;
    private final Clock clock;
    private final Map<String, Instant> nextCheck = new HashMap<>();
    private final Map<String, Instant> lastSuccess = new HashMap<>();
    private final Set<String> expired = new TreeSet<>();
    private final Instant started;

    public RefreshSchedule(ZoneCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        Instant now = clock.instant();
        this.started = now;
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

    /**
     * Makes every zone (except mirrored ones) due now: a replica that has just become the leader checks them all,
     * since the previous leader may have stopped in the middle of a run.
     */
    public synchronized void allDue() {
        Instant now = clock.instant();
        nextCheck.replaceAll((zone, next) -> now);
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
            expired.remove(zone.key());
        } else {
            Instant since = lastSuccess.getOrDefault(zone.key(), started);
            nextCheck.put(zone.key(), timers.nextCheckAfterFailure(since, clock));
            if (timers.isExpired(since, clock) && expired.add(zone.key())) {
                LOG.error("zone {} expired: no successful check of its primaries since {} (SOA expire {}); Route 53 keeps "
                        + "serving the last copy, zonebridge keeps retrying", zone.name(), since, timers.expire());
            }
        }
    }

    /** Keys of the zones whose checks have failed for longer than their SOA expire. */
    public synchronized Set<String> expiredZones() {
        return Set.copyOf(expired);
    }

    /** When the zone is next checked (empty for mirrored zones). */
    public synchronized Optional<Instant> nextCheck(String zoneKey) {
        return Optional.ofNullable(nextCheck.get(zoneKey));
    }
}
