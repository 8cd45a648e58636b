package io.zonebridge.plan;

import java.util.List;

/**
 * One ChangeResourceRecordSets request's worth of changes, within Route 53's limits.
 *
 * @param changes        the changes, deletes of a name before its creates
 * @param elementCount   ResourceRecord elements as Route 53 counts them (UPSERT twice)
 * @param characterCount value characters as Route 53 counts them (UPSERT twice)
 */
public record ChangeBatch(List<Change> changes, int elementCount, int characterCount) {
    public ChangeBatch {
        changes = List.copyOf(changes);
    }
}
