package io.zonebridge.reverse;

import java.util.Objects;
import java.util.Optional;

/**
 * The ingest step in one call, for a route to invoke as a bean: SQS message body → parse →
 * filter → the {@link ReverseWork} it asks for. Ignored messages are counted in {@link #counts()};
 * a malformed body throws {@link MalformedEventException} (the route sends it to the dead-letter
 * queue with the exception's message). Thread-safe.
 */
public final class ReverseEventIntake {

    private final CloudTrailEventParser parser = new CloudTrailEventParser();
    private final EventFilter filter;

    /** @param ownChanges how zonebridge's own changes are recognised */
    public ReverseEventIntake(OwnChangeRules ownChanges) {
        this.filter = new EventFilter(Objects.requireNonNull(ownChanges, "ownChanges"));
    }

    /**
     * The work an SQS message body asks for, or empty when the message is ignored.
     *
     * @throws MalformedEventException when the body is not a well-formed event
     */
    public Optional<ReverseWork> workFor(String body) {
        FilterDecision decision = filter.decide(parser.parse(body));
        return decision instanceof FilterDecision.Accepted accepted
                ? Optional.of(AffectedNames.of(accepted))
                : Optional.empty();
    }

    /** Whether the body is an EventBridge scheduled event (a reconcile trigger, see {@link CloudTrailEventParser#isScheduledEvent}). */
    public boolean isScheduledEvent(String body) {
        return parser.isScheduledEvent(body);
    }

    /** Counters of ignored messages by reason. */
    public IgnoreCounts counts() {
        return filter.counts();
    }
}
