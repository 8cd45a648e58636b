package io.zonebridge.route53;

import java.util.List;

/**
 * What applying a plan's batches achieved.
 *
 * @param appliedChanges changes Route 53 accepted
 * @param changeIds      ids of the accepted ChangeResourceRecordSets requests (bare)
 * @param failures       name groups Route 53 still refused, with its message
 */
public record ApplyResult(int appliedChanges, List<String> changeIds, List<FailedGroup> failures) {

    public ApplyResult {
        changeIds = List.copyOf(changeIds);
        failures = List.copyOf(failures);
    }

    public boolean isComplete() {
        return failures.isEmpty();
    }

    /**
     * A group of changes of one name that Route 53 refused.
     *
     * @param name    the record name
     * @param changes number of changes in the group
     * @param message Route 53's error message
     */
    public record FailedGroup(String name, int changes, String message) {
    }
}
