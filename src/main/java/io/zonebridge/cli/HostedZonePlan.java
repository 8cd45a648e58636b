package io.zonebridge.cli;

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
 * A plan against a hosted zone as Route 53 holds it now: the zone located without guessing, read
 * whole, diffed against the desired snapshot and cut into batches.
 *
 * @param zone    the hosted zone
 * @param plan    the plan
 * @param batches its change batches
 */
record HostedZonePlan(HostedZoneRef zone, Plan plan, List<ChangeBatch> batches) {

    static HostedZonePlan make(Route53Gateway gateway, ZoneSelector selector, ZoneSnapshot desired, PlanOptions options) {
        HostedZoneRef zone = new ZoneLocator(gateway).locate(selector);
        if (!zone.name().equals(desired.origin())) {
            throw new IllegalArgumentException("the zone file is for " + desired.origin() + " but hosted zone "
                    + zone.id() + " is " + zone.name());
        }
        ZoneSnapshot current = gateway.readZone(zone);
        Plan plan = new Planner(options).plan(desired, current);
        return new HostedZonePlan(zone, plan, new ChangeBatcher(BatchLimits.ROUTE53).batches(plan));
    }
}
