package io.zonebridge.reverse;

import io.zonebridge.intake.EventEnvelope;
import io.zonebridge.intake.IntakeDecision;
import io.zonebridge.intake.MalformedEventException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The ingest step in one call, for a route to invoke as a bean: SQS message body → parse →
 * filter → the {@link ReverseWork} it asks for. Ignored messages are counted in {@link #counts()};
 * a malformed body throws {@link MalformedEventException} (which {@link io.zonebridge.intake.MessageIntake} turns
 * into a rejection: the route dead-letters the message with the exception's message). Thread-safe.
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
        return Optional.ofNullable(decide(body).work());
    }

    /**
     * What an SQS message body asks for, read once: {@link IntakeDecision.Accepted} work,
     * {@link IntakeDecision.Ignored} (reason: the {@link IgnoreReason} in lower case), or for an EventBridge
     * scheduled event (see {@link CloudTrailEventParser#isScheduledEvent}) {@link IntakeDecision.Triggered}: an
     * organisation reconcile.
     *
     * @throws MalformedEventException when the body is not a well-formed event
     */
    public IntakeDecision<ReverseWork> decide(String body) {
        EventEnvelope envelope = EventEnvelope.read(body);
        if (CloudTrailEventParser.SCHEDULE_SOURCE.equals(envelope.text("source"))
                && CloudTrailEventParser.SCHEDULED_DETAIL_TYPE.equals(envelope.text("detail-type"))) {
            return new IntakeDecision.Triggered<>("organisation reconcile");
        }
        FilterDecision decision = filter.decide(parser.parse(envelope));
        if (decision instanceof FilterDecision.Accepted accepted) {
            return new IntakeDecision.Accepted<>(AffectedNames.of(accepted));
        }
        FilterDecision.Ignored ignored = (FilterDecision.Ignored) decision;
        return new IntakeDecision.Ignored<>(ignored.reason().name().toLowerCase(Locale.ROOT), ignored.detail());
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
