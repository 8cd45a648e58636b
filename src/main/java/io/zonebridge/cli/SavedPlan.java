package io.zonebridge.cli;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.Plan;
import io.zonebridge.route53.BatchRefusedException;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.sync.VerifiedBatches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reviewed plan ({@link PlanFile}) checked against its hosted zone and sent as the sync engine's verified
 * batches. Before anything is sent, the hosted zone is read whole and its {@link ZoneFingerprint} compared with the
 * plan's: any difference, in a set the plan touches or not, refuses the plan (the touched sets that changed are
 * named). The batches then carry the exact old values (DELETE + CREATE), so Route 53 itself refuses a batch when a
 * set changed in the moment between the check and the send; such a batch is never re-planned.
 */
final class SavedPlan {

    private final PlanFile file;

    SavedPlan(PlanFile file) {
        this.file = file;
    }

    PlanFile file() {
        return file;
    }

    HostedZoneRef zone() {
        return file.hostedZone();
    }

    /** Why the plan no longer fits {@code current}, or empty when the zone is exactly as it was planned against. */
    Optional<String> staleAgainst(ZoneSnapshot current) {
        String now = ZoneFingerprint.of(current);
        if (now.equals(file.fingerprint())) {
            return Optional.empty();
        }
        List<String> touched = changedTouchedSets(current);
        return Optional.of("hosted zone " + zone().id() + " (" + PlanReport.display(zone().name())
                + ") changed since the plan was made (fingerprint " + shortly(file.fingerprint()) + ", now "
                + shortly(now) + "): " + (touched.isEmpty()
                        ? "no record set the plan touches changed, but others did"
                        : "changed since: " + String.join(", ", touched))
                + "; nothing applied; make a new plan");
    }

    /** The plan with its current size as Route 53 holds it now (for the safety limits). */
    Plan plan(ZoneSnapshot current) {
        return new Plan(file.plan().origin(), current.size(), file.plan().changes());
    }

    /** The verified batches of the plan, each sent once; stops at the first batch Route 53 refuses. */
    Sent send(Route53Gateway gateway) {
        List<ChangeBatch> batches = VerifiedBatches.route53().batches(file.plan());
        List<String> changeIds = new ArrayList<>();
        int applied = 0;
        for (int i = 0; i < batches.size(); i++) {
            try {
                changeIds.add(gateway.submit(zone(), batches.get(i).changes()));
                applied += batches.get(i).changes().size();
            } catch (BatchRefusedException e) {
                return new Sent(applied, changeIds, i + 1, batches.size(), e.getMessage());
            }
        }
        return new Sent(applied, changeIds, 0, batches.size(), null);
    }

    /**
     * What sending achieved.
     *
     * @param appliedChanges changes (in Route 53's terms) in accepted batches
     * @param changeIds      ids of the accepted batches
     * @param refusedBatch   the batch Route 53 refused (1-based), 0 when none
     * @param batches        batches in the plan
     * @param refusal        Route 53's message, or null
     */
    record Sent(int appliedChanges, List<String> changeIds, int refusedBatch, int batches, String refusal) {
        boolean complete() {
            return refusedBatch == 0;
        }
    }

    private List<String> changedTouchedSets(ZoneSnapshot current) {
        List<String> changed = new ArrayList<>();
        for (Change change : file.plan().changes()) {
            RecordSet expected = change instanceof Change.Create ? null
                    : change instanceof Change.Update u ? u.current() : change.recordSet();
            RecordSet now = current.get(change.key()).orElse(null);
            if (expected == null ? now != null : !expected.equals(now)) {
                changed.add(PlanReport.display(change.key().name()) + " " + change.key().type()
                        + (change.key().setIdentifier() == null ? "" : " (" + change.key().setIdentifier() + ")"));
            }
        }
        return changed;
    }

    private static String shortly(String fingerprint) {
        return fingerprint.length() > 19 ? fingerprint.substring(0, 19) : fingerprint;
    }
}
