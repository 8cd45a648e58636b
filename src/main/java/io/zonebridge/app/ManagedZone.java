package io.zonebridge.app;

import io.zonebridge.app.config.MirrorSchedule;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.route53.ZoneSelector;
import java.time.Duration;
import java.util.Optional;

/**
 * One hosted zone zonebridge keeps in step, with everything a sync run needs.
 *
 * @param key       account and hosted-zone target; the aggregation and lock key
 * @param name      zone name, canonical
 * @param target    which hosted zone receives it (located with {@link io.zonebridge.route53.ZoneLocator})
 * @param source    where the desired state comes from
 * @param options   planner options (policy, ignore-TTL, apex SOA serial)
 * @param timers    overrides of the source's SOA refresh/retry/expire
 * @param mirror    a mirror schedule, when the zone is mirrored on a period or cron instead of SOA timers
 * @param verifyEvery how often the hosted zone is read whole to find and repair drift
 */
public record ManagedZone(String key, String name, ZoneSelector target, DesiredStateSource source,
                          PlanOptions options, TimerOverrides timers, Optional<MirrorSchedule> mirror,
                          Duration verifyEvery) {

    /** Work for this zone for one reason. */
    public ZoneWork work(String reason) {
        return ZoneWork.of(key, name, reason);
    }
}
