package io.zonebridge.reverse;

import java.util.Objects;

/**
 * A well-formed event that is not a Route 53 ChangeResourceRecordSets call, recognised and ignored.
 *
 * @param reason  why it is ignored ({@link IgnoreReason#NOT_ROUTE53} or {@link IgnoreReason#NOT_CHANGE_RECORD_SETS})
 * @param detail  what it was, e.g. {@code detail-type "Scheduled Event" from aws.events}
 * @param eventId the EventBridge event id, or {@code null} when absent
 */
public record IgnoredMessage(IgnoreReason reason, String detail, String eventId) implements CloudTrailMessage {
    public IgnoredMessage {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
