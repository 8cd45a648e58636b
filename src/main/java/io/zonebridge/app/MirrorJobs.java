package io.zonebridge.app;

import io.zonebridge.app.config.MirrorSchedule;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The bean {@code mirrorJobs} behind route {@code zone-mirror}: zones mirrored on a fixed period ({@code every},
 * first run at start) or a Quartz cron expression ({@code cron}, UTC). Each timer tick hands out the zones whose
 * time has come; the sync run's serial tracking skips zones whose source has not moved. Thread-safe.
 */
public final class MirrorJobs {

    private final ZoneCatalog catalog;
    private final Clock clock;
    private final Map<String, CronExpression> crons = new HashMap<>();
    private final Map<String, Instant> next = new HashMap<>();

    /** @throws IllegalArgumentException naming the zone when a cron expression is not valid */
    public MirrorJobs(ZoneCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        Instant now = clock.instant();
        for (ManagedZone zone : catalog.zones()) {
            zone.mirror().ifPresent(schedule -> {
                if (schedule.cron().isPresent()) {
                    CronExpression cron = parse(zone, schedule);
                    crons.put(zone.key(), cron);
                    next.put(zone.key(), after(cron, now));
                } else {
                    next.put(zone.key(), now);
                }
            });
        }
    }

    /** The mirror jobs due now, as work; each is rescheduled to its next time. */
    public synchronized List<ZoneWork> dueWork() {
        Instant now = clock.instant();
        List<ZoneWork> due = new ArrayList<>();
        for (ManagedZone zone : catalog.zones()) {
            Instant at = next.get(zone.key());
            if (at != null && !at.isAfter(now)) {
                due.add(zone.work("mirror"));
                CronExpression cron = crons.get(zone.key());
                next.put(zone.key(), cron != null ? after(cron, now) : now.plus(zone.mirror().orElseThrow().every().orElseThrow()));
            }
        }
        return due;
    }

    /** When the zone's mirror job runs next (empty when it has none). */
    public synchronized java.util.Optional<Instant> nextRun(String zoneKey) {
        return java.util.Optional.ofNullable(next.get(zoneKey));
    }

    private static Instant after(CronExpression cron, Instant now) {
        Date date = cron.getNextValidTimeAfter(Date.from(now));
        return date == null ? Instant.MAX : date.toInstant();
    }

    private static CronExpression parse(ManagedZone zone, MirrorSchedule schedule) {
        try {
            CronExpression cron = new CronExpression(schedule.cron().orElseThrow());
            cron.setTimeZone(TimeZone.getTimeZone("UTC"));
            return cron;
        } catch (ParseException e) {
            throw new IllegalArgumentException("zone " + zone.name() + ": mirror cron '" + schedule.cron().orElseThrow()
                    + "' is not a valid Quartz cron expression: " + e.getMessage(), e);
        }
    }
}
