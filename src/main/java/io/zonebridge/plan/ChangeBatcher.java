package io.zonebridge.plan;

import io.zonebridge.model.RecordSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a {@link Plan} into {@link ChangeBatch}es that each fit one ChangeResourceRecordSets request.
 *
 * <p>Counting, as Route 53 does: every value of a record set is one ResourceRecord element and adds
 * its length in characters (the canonical value, which is the string sent); an UPSERT counts twice for
 * both, a CREATE or DELETE once. An alias record set counts as one element, and its characters as the
 * length of the alias target's DNS name (Route 53 does not document how it counts aliases; this is the
 * conservative choice).
 *
 * <p>All changes of one record name go into the same batch (a CNAME replaced by an A must be deleted
 * and created in one request), deletes of a name first. Name groups keep the plan's order (of first
 * appearance) and fill batches greedily. A name group that alone exceeds a limit is an error
 * ({@link BatchLimitException}), never silently dropped or split.
 */
public final class ChangeBatcher {

    private final BatchLimits limits;

    public ChangeBatcher(BatchLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The batches, each change exactly once. */
    public List<ChangeBatch> batches(Plan plan) {
        Map<String, List<Change>> groups = new LinkedHashMap<>();
        for (Change change : plan.changes()) {
            groups.computeIfAbsent(change.key().name(), n -> new ArrayList<>(2)).add(change);
        }
        List<ChangeBatch> batches = new ArrayList<>();
        List<Change> open = new ArrayList<>();
        int openElements = 0;
        int openCharacters = 0;
        for (Map.Entry<String, List<Change>> group : groups.entrySet()) {
            List<Change> changes = deletesFirst(group.getValue());
            int elements = 0;
            int characters = 0;
            for (Change change : changes) {
                elements += elements(change);
                characters += characters(change);
            }
            check(group.getKey(), elements, limits.maxElements(), "ResourceRecord elements");
            check(group.getKey(), characters, limits.maxCharacters(), "value characters");
            if (openElements + elements > limits.maxElements() || openCharacters + characters > limits.maxCharacters()) {
                batches.add(new ChangeBatch(open, openElements, openCharacters));
                open = new ArrayList<>();
                openElements = 0;
                openCharacters = 0;
            }
            open.addAll(changes);
            openElements += elements;
            openCharacters += characters;
        }
        if (!open.isEmpty()) {
            batches.add(new ChangeBatch(open, openElements, openCharacters));
        }
        return batches;
    }

    /** ResourceRecord elements of one change as Route 53 counts them. */
    public static int elements(Change change) {
        RecordSet set = change.recordSet();
        int count = set.isAlias() ? 1 : set.values().size();
        return count * weight(change);
    }

    /** Value characters of one change as Route 53 counts them. */
    public static int characters(Change change) {
        RecordSet set = change.recordSet();
        int count = 0;
        if (set.isAlias()) {
            count = set.alias().dnsName().length();
        } else {
            for (String value : set.values()) {
                count += value.length();
            }
        }
        return count * weight(change);
    }

    private static int weight(Change change) {
        return change.action() == ChangeAction.UPSERT ? 2 : 1;
    }

    private static List<Change> deletesFirst(List<Change> changes) {
        if (changes.size() == 1) {
            return changes;
        }
        List<Change> ordered = new ArrayList<>(changes.size());
        for (Change change : changes) {
            if (change.action() == ChangeAction.DELETE) {
                ordered.add(change);
            }
        }
        for (Change change : changes) {
            if (change.action() != ChangeAction.DELETE) {
                ordered.add(change);
            }
        }
        return ordered;
    }

    private static void check(String name, int count, int limit, String what) {
        if (count > limit) {
            throw new BatchLimitException(name, "the changes of record name " + name + " need " + count + " " + what
                    + ", more than the limit of " + limit + " per ChangeResourceRecordSets request");
        }
    }
}
