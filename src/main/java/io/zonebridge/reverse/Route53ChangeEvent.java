package io.zonebridge.reverse;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A CloudTrail-recorded Route 53 ChangeResourceRecordSets call, as delivered by EventBridge.
 *
 * @param account      the account the call was made in (EventBridge {@code account})
 * @param region       the event's region (always {@code us-east-1} for Route 53)
 * @param eventId      CloudTrail {@code eventID}: the key to de-duplicate repeated deliveries
 * @param time         CloudTrail {@code eventTime}
 * @param hostedZoneId the changed hosted zone, bare ({@code Z…}, no {@code /hostedzone/} prefix); {@code null}
 *                     only for a failed call recorded without its parameters
 * @param caller       who made the call
 * @param errorCode    CloudTrail {@code errorCode} when the call failed, else {@code null}
 * @param comment      the change batch comment, or {@code null}
 * @param changes      the changes of the batch, in request order
 */
public record Route53ChangeEvent(String account, String region, String eventId, Instant time,
                                 String hostedZoneId, CallerIdentity caller, String errorCode,
                                 String comment, List<RecordChange> changes) implements CloudTrailMessage {

    public Route53ChangeEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(caller, "caller");
        changes = List.copyOf(changes);
    }

    /** True when CloudTrail recorded an error: Route 53 then changed nothing. */
    public boolean failed() {
        return errorCode != null;
    }
}
