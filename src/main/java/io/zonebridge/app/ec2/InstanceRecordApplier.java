package io.zonebridge.app.ec2;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.Planner;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies instances' record changes to one hosted zone the project's way: the zone's current state
 * ({@link Route53Gateway#readZone}) with the upserts laid over it and the deletes taken out is the desired state;
 * {@link Planner} diffs it (so a record already right or already gone costs nothing), {@link SafetyLimits} checks
 * the plan, {@link ChangeBatcher} cuts Route 53 batches and the gateway applies them (rate limit, retries, split on
 * failure). The safety share counts the plan's overwrites of existing record sets; deletes are exempt because each
 * one is a record set the state store proves an instance of this job made, so a mass termination is not refused.
 */
public final class InstanceRecordApplier {

    /** What one apply did. */
    public record Outcome(long creates, long updates, long deletes, int batches) {
    }

    private final Route53Gateway gateway;
    private final SafetyLimits safety;

    public InstanceRecordApplier(Route53Gateway gateway, SafetyLimits safety) {
        this.gateway = gateway;
        this.safety = safety;
    }

    /**
     * Makes the zone hold {@code upserts} and not hold {@code deletes} (identities).
     *
     * @throws Ec2SyncException when the plan is unsafe or Route 53 refused part of it
     */
    public Outcome apply(HostedZoneRef zone, List<RecordSet> upserts, List<RecordSet> deletes) {
        ZoneSnapshot current = gateway.readZone(zone);
        Map<RecordKey, RecordSet> desired = new LinkedHashMap<>(current.recordSets());
        deletes.forEach(set -> desired.remove(set.key()));
        upserts.forEach(set -> desired.put(set.key(), set));
        Plan plan = new Planner(PlanOptions.defaults()).plan(new ZoneSnapshot(current.origin(), desired), current);
        List<Change> overwrites = plan.changes().stream().filter(c -> c.action() != ChangeAction.DELETE).toList();
        try {
            safety.check(new Plan(plan.origin(), plan.currentSize(), overwrites), false);
        } catch (RuntimeException e) {
            throw new Ec2SyncException("zone " + zone.name() + " (" + zone.id() + "): refused: " + e.getMessage(), e);
        }
        if (plan.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        List<ChangeBatch> batches = new ChangeBatcher(BatchLimits.ROUTE53).batches(plan);
        ApplyResult result = gateway.apply(zone, batches, false);
        if (!result.isComplete()) {
            throw new Ec2SyncException("zone " + zone.name() + " (" + zone.id() + "): " + result.appliedChanges()
                    + " changes applied, Route 53 refused: " + result.failures().stream()
                    .map(f -> f.name() + ": " + f.message()).collect(Collectors.joining("; ")));
        }
        return new Outcome(plan.count(ChangeAction.CREATE), plan.count(ChangeAction.UPSERT),
                plan.count(ChangeAction.DELETE), batches.size());
    }
}
