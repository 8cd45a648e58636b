package io.zonebridge.route53;

import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Applies change batches so that one bad record cannot block a zone: a batch Route 53 refuses is split
 * into its name groups (all changes of one name stay together) and resubmitted in halves, recursively,
 * so the valid part still goes in few requests; a name group still refused on its own is reported
 * with Route 53's message. A refusal the caller marks as not worth splitting (a stale view: the caller
 * re-reads and re-plans instead) is reported for every name group of the refused batch, unsplit.
 * Shared by every {@link Route53Gateway} implementation and the sync engine.
 */
public final class NameGroupBisection {

    /** Sends one ChangeResourceRecordSets request; returns the change id or reports the refusal. */
    @FunctionalInterface
    public interface Submitter {
        String submit(List<Change> changes) throws BatchRefusedException;
    }

    private final Submitter submitter;
    private final Predicate<String> unsplit;
    private final List<String> changeIds = new ArrayList<>();
    private final List<ApplyResult.FailedGroup> failures = new ArrayList<>();
    private int applied;

    private NameGroupBisection(Submitter submitter, Predicate<String> unsplit) {
        this.submitter = submitter;
        this.unsplit = unsplit;
    }

    /** Submits every batch in order, bisecting refused ones. */
    public static ApplyResult apply(List<ChangeBatch> batches, Submitter submitter) {
        return apply(batches, submitter, message -> false);
    }

    /**
     * Submits every batch in order, bisecting refused ones unless Route 53's message matches {@code unsplit}:
     * such a refusal is reported for each name group of the refused part as it is.
     */
    public static ApplyResult apply(List<ChangeBatch> batches, Submitter submitter, Predicate<String> unsplit) {
        NameGroupBisection run = new NameGroupBisection(submitter, unsplit);
        for (ChangeBatch batch : batches) {
            if (!batch.changes().isEmpty()) {
                run.submit(batch.changes(), nameGroups(batch.changes()));
            }
        }
        return new ApplyResult(run.applied, run.changeIds, run.failures);
    }

    private void submit(List<Change> changes, List<List<Change>> groups) {
        try {
            accept(changes, submitter.submit(changes));
        } catch (BatchRefusedException refused) {
            if (groups.size() == 1 || unsplit.test(refused.getMessage())) {
                groups.forEach(group -> fail(group, refused));
            } else {
                int mid = groups.size() / 2;
                submit(groups.subList(0, mid));
                submit(groups.subList(mid, groups.size()));
            }
        }
    }

    private void submit(List<List<Change>> groups) {
        List<Change> changes = new ArrayList<>();
        groups.forEach(changes::addAll);
        submit(changes, groups);
    }

    private void accept(List<Change> changes, String changeId) {
        applied += changes.size();
        changeIds.add(changeId);
    }

    private void fail(List<Change> group, BatchRefusedException refused) {
        failures.add(new ApplyResult.FailedGroup(group.get(0).key().name(), group.size(), refused.getMessage()));
    }

    /** The changes grouped by record name, groups in order of first appearance, changes in batch order. */
    static List<List<Change>> nameGroups(List<Change> changes) {
        Map<String, List<Change>> byName = new LinkedHashMap<>();
        for (Change change : changes) {
            byName.computeIfAbsent(change.key().name(), n -> new ArrayList<>()).add(change);
        }
        return new ArrayList<>(byName.values());
    }
}
