package io.zonebridge.reverse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides which parsed messages lead to reverse-DNS work: successful ChangeResourceRecordSets calls,
 * not made by zonebridge, that change A or AAAA record sets with addresses. Checks in this order:
 * not Route 53 / other call, {@link IgnoreReason#FAILED_CALL}, {@link IgnoreReason#OWN_CHANGE},
 * {@link IgnoreReason#NO_ADDRESS_RECORDS}, {@link IgnoreReason#ALIAS_ONLY}. Every ignored message and
 * every skipped alias change is counted in {@link #counts()}. Thread-safe.
 */
public final class EventFilter {

    private final OwnChangeRules ownChanges;
    private final IgnoreCounts counts = new IgnoreCounts();

    /** @param ownChanges how zonebridge's own changes are recognised */
    public EventFilter(OwnChangeRules ownChanges) {
        this.ownChanges = Objects.requireNonNull(ownChanges, "ownChanges");
    }

    /** Decides, and counts what is ignored. */
    public FilterDecision decide(CloudTrailMessage message) {
        FilterDecision decision = evaluate(message);
        if (decision instanceof FilterDecision.Ignored ignored) {
            counts.record(ignored.reason());
        }
        return decision;
    }

    /** The counters of ignored events. */
    public IgnoreCounts counts() {
        return counts;
    }

    private FilterDecision evaluate(CloudTrailMessage message) {
        if (message instanceof IgnoredMessage ignored) {
            return new FilterDecision.Ignored(ignored.reason(), ignored.detail(), ignored.eventId());
        }
        Route53ChangeEvent event = (Route53ChangeEvent) message;
        if (event.failed()) {
            return ignore(IgnoreReason.FAILED_CALL, "call failed with " + event.errorCode(), event);
        }
        if (ownChanges.matches(event)) {
            return ignore(IgnoreReason.OWN_CHANGE, "made by " + event.caller().arn(), event);
        }
        List<RecordChange> withAddresses = new ArrayList<>();
        int aliases = 0;
        for (RecordChange change : event.changes()) {
            if (!change.isAddressType()) {
                continue;
            }
            if (change.isAlias()) {
                aliases++;
            } else {
                withAddresses.add(change);
            }
        }
        counts.recordAliasChangesSkipped(aliases);
        if (withAddresses.isEmpty()) {
            return aliases == 0
                    ? ignore(IgnoreReason.NO_ADDRESS_RECORDS, "no A or AAAA change", event)
                    : ignore(IgnoreReason.ALIAS_ONLY, aliases + " alias A/AAAA change(s), no address", event);
        }
        return new FilterDecision.Accepted(event, withAddresses, aliases);
    }

    private static FilterDecision.Ignored ignore(IgnoreReason reason, String detail, Route53ChangeEvent event) {
        return new FilterDecision.Ignored(reason, detail, event.eventId());
    }
}
