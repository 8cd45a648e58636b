package io.zonebridge.app;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.Planner;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.route53.ZoneLocator;
import io.zonebridge.route53.ZoneSelector;

import java.util.List;

/**
 * A plan against a hosted zone as Route 53 holds it now: the zone (located without guessing, or already known)
 * read whole, diffed against the desired snapshot and cut into batches. The service's sync runs and the
 * {@code plan} and {@code apply} commands all plan this way.
 *
 * @param zone    the hosted zone
 * @param plan    the plan
 * @param batches its change batches
 */
public record HostedZonePlan(HostedZoneRef zone, Plan plan, List<ChangeBatch> batches) {

    /** Locates the hosted zone the selector names, which must be the desired zone's, and plans against it. */
    public static HostedZonePlan make(Route53Gateway gateway, ZoneSelector selector, ZoneSnapshot desired,
            PlanOptions options) {
        HostedZoneRef zone = new ZoneLocator(gateway).locate(selector);
        if (!zone.name().equals(desired.origin())) {
            throw new IllegalArgumentException("the zone file is for " + desired.origin() + " but hosted zone "
                    + zone.id() + " is " + zone.name());
        }
        return make(gateway, zone, desired, options);
    }

    /** Reads the hosted zone and plans the desired snapshot against it. */
    public static HostedZonePlan make(Route53Gateway gateway, HostedZoneRef zone, ZoneSnapshot desired,
            PlanOptions options) {
        ZoneSnapshot current = gateway.readZone(zone);
        Plan plan = new Planner(options).plan(desired, current);
        return new HostedZonePlan(zone, plan, new ChangeBatcher(BatchLimits.ROUTE53).batches(plan));
    }
}
