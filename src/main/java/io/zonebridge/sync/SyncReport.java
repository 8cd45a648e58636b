package io.zonebridge.sync;

import io.zonebridge.plan.Plan;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.HostedZoneRef;

import java.util.List;

/**
 * What one sync run of one hosted zone did.
 *
 * @param zone        the hosted zone
 * @param result      what happened
 * @param plan        the plan made against the view (the first one, as the safety limits saw it)
 * @param batches     verified batches the plan needed
 * @param applied     what Route 53 accepted and what it still refused (empty for runs that applied nothing)
 * @param drift       record sets a verification read found different from the view (0: none, or no verification)
 * @param fullReads   whole-zone reads made by this run
 * @param nameReads   single-name reads made by this run
 * @param staleRetries times a batch was refused for a stale view and the affected names were re-read
 * @param detail      why the run was refused, or empty
 */
public record SyncReport(HostedZoneRef zone, Result result, Plan plan, int batches, ApplyResult applied, int drift,
                         int fullReads, int nameReads, int staleRetries, String detail) {

    /** What a sync run did. */
    public enum Result {
        /** Changes were applied (all of them, or some with refusals reported in {@link #applied()}). */
        APPLIED,
        /** Nothing to change. */
        IN_STEP,
        /** Planned and checked; nothing applied. */
        DRY_RUN,
        /** The safety limits refused the plan; nothing (more) applied. */
        REFUSED
    }

    /** Whether Route 53 refused part of the changes. */
    public boolean incomplete() {
        return !applied.isComplete();
    }

    static ApplyResult nothing() {
        return new ApplyResult(0, List.of(), List.of());
    }
}
