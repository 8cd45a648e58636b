package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan as batches Route 53 itself verifies: a changed set is a DELETE of the exact values the view holds plus a
 * CREATE of the new ones (in the same batch, as all changes of one name are), a new set a CREATE, a removed set a
 * DELETE with its exact values. Route 53 refuses such a batch whole when the view was wrong about any set in it, so
 * nothing is ever written over a set the engine has not seen. The only UPSERT left is the apex SOA serial (Route 53
 * forbids deleting the SOA). DELETE + CREATE count against the batch limits as an UPSERT does.
 */
public final class VerifiedBatches {

    private final ChangeBatcher batcher;

    public VerifiedBatches(BatchLimits limits) {
        this.batcher = new ChangeBatcher(limits);
    }

    /** Route 53's limits. */
    public static VerifiedBatches route53() {
        return new VerifiedBatches(BatchLimits.ROUTE53);
    }

    /** The plan's changes, updates written as DELETE + CREATE except the apex SOA. */
    public static List<Change> changes(Plan plan) {
        List<Change> out = new ArrayList<>(plan.changes().size() + 8);
        for (Change change : plan.changes()) {
            if (change instanceof Change.Update update && !isApexSoa(update.key(), plan.origin())) {
                out.add(new Change.Delete(update.current()));
                out.add(new Change.Create(update.desired()));
            } else {
                out.add(change);
            }
        }
        return out;
    }

    /** The plan's verified changes cut into batches within the limits. */
    public List<ChangeBatch> batches(Plan plan) {
        return batcher.batches(new Plan(plan.origin(), plan.currentSize(), changes(plan)));
    }

    private static boolean isApexSoa(RecordKey key, String origin) {
        return key.type().equals("SOA") && key.isApexOf(origin);
    }
}
