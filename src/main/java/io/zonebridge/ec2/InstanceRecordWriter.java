package io.zonebridge.ec2;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.sync.PartialDesired;
import io.zonebridge.sync.SyncEngine;
import io.zonebridge.sync.SyncReport;
import io.zonebridge.sync.SyncRequest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes instances' record changes to one hosted zone through the {@link SyncEngine}: the upserts must be exactly
 * those sets, the deletes' keys must be absent, every other set of the zone is left alone
 * ({@link PartialDesired}). Planned against the engine's view of the zone (so a record already right or already
 * gone costs nothing, and no zone is read per run), checked by the same safety limits as every other job, sent as
 * verified batches, a stale view re-read by name; every {@code verifyEvery} the zone is read whole again and the
 * job's own record sets are repaired ({@link #verify}). The
 * deletes are {@linkplain PartialDesired#released() released}: the state store proves the instance made each one
 * and the instance ended (terminated, stopped, untagged), so a mass termination is not refused.
 */
public final class InstanceRecordWriter {

    /** What one write did. */
    public record Outcome(long creates, long updates, long deletes, int batches) {
    }

    private final SyncEngine engine;
    private final Duration verifyEvery;

    /**
     * @param engine      the sync engine of the account the zones are in
     * @param verifyEvery how often a zone's view is read whole again ({@link #verify}: drift found is counted
     *                    and the job's own record sets are repaired)
     */
    public InstanceRecordWriter(SyncEngine engine, Duration verifyEvery) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.verifyEvery = Objects.requireNonNull(verifyEvery, "verifyEvery");
    }

    /** Whether the zone's view is older than {@code verifyEvery} (or there is none): a verification is due. */
    public boolean verificationDue(String zoneId) {
        return engine.verificationDue(zoneId, verifyEvery);
    }

    /**
     * Verifies the zone: reads it whole (a full read, paced by the engine's verification budget) and makes the
     * record sets the job owns there equal to {@code owned} again, repairing drift made by hand; every other set
     * is left alone, nothing is released.
     *
     * @throws Ec2SyncException when the repair is unsafe or Route 53 refused part of it
     */
    public Outcome verify(HostedZoneRef zone, List<RecordSet> owned) {
        return write(zone, PartialDesired.of(owned, List.of()), SyncRequest.NORMAL.withVerify(true));
    }

    /**
     * Makes the zone hold {@code upserts} and not hold {@code deletes} (by key).
     *
     * @throws Ec2SyncException when the plan is unsafe or Route 53 refused part of it
     */
    public Outcome apply(HostedZoneRef zone, List<RecordSet> upserts, List<RecordSet> deletes) {
        List<RecordKey> gone = deletes.stream().map(RecordSet::key).toList();
        return write(zone, PartialDesired.of(upserts, gone).releasing(Set.copyOf(gone)),
                SyncRequest.NORMAL.withVerifyEvery(verifyEvery));
    }

    private Outcome write(HostedZoneRef zone, PartialDesired desired, SyncRequest request) {
        SyncReport report = engine.syncPartial(zone, desired, PlanOptions.defaults(), request);
        if (report.result() == SyncReport.Result.REFUSED) {
            throw new Ec2SyncException("zone " + zone.name() + " (" + zone.id() + "): refused: " + report.detail());
        }
        if (report.incomplete()) {
            throw new Ec2SyncException("zone " + zone.name() + " (" + zone.id() + "): "
                    + report.applied().appliedChanges() + " changes applied, Route 53 refused: "
                    + report.applied().failures().stream().map(f -> f.name() + ": " + f.message())
                    .collect(Collectors.joining("; ")));
        }
        Plan plan = report.plan();
        return new Outcome(plan.count(ChangeAction.CREATE), plan.count(ChangeAction.UPSERT),
                plan.count(ChangeAction.DELETE), report.batches());
    }
}
