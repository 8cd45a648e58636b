package io.zonebridge.app.reverse;

import io.zonebridge.intake.IntakeDecision;
import io.zonebridge.intake.MessageIntake;
import io.zonebridge.intake.RejectLog;
import io.zonebridge.reverse.IgnoreCounts;
import io.zonebridge.reverse.PendingReverseWork;
import io.zonebridge.reverse.ReverseEventIntake;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code reverseIngest} of the {@code reverse-ingest} route: an SQS message body (EventBridge or SNS-wrapped
 * CloudTrail event) and its receipt handle → what becomes of the message ({@link MessageIntake} decides): the
 * {@link PendingReverseWork} it asks for, ignored (counted by reason in {@link #ignored()}: failed calls, other
 * events, zonebridge's own changes), or rejected with what and where (counted by reason in {@link #rejected()};
 * the route dead-letters it). Never throws for bad input. Scheduled events are told apart first
 * ({@link #isScheduledEvent}): they go to the organisation reconcile.
 */
public final class ReverseIngest {

    /** Where rejected messages are logged (a few lines a minute per reason). */
    public static final String LOGGER = "io.zonebridge.reverse.ingest";

    private final ReverseEventIntake intake;
    private final MessageIntake messages;
    private final AtomicLong accepted = new AtomicLong();

    public ReverseIngest(ReverseEventIntake intake) {
        this.intake = intake;
        this.messages = new MessageIntake("reverse events queue", new RejectLog(LoggerFactory.getLogger(LOGGER)));
    }

    /** What becomes of the message. */
    public IntakeDecision<PendingReverseWork> decide(String body, String receiptHandle) {
        IntakeDecision<PendingReverseWork> decision = messages.decide(body, b -> intake.decide(b).map(work ->
                new PendingReverseWork(work, receiptHandle == null ? List.of() : List.of(receiptHandle))));
        if (decision.work() != null) {
            accepted.incrementAndGet();
        }
        return decision;
    }

    /** Whether the message is an EventBridge {@code Scheduled Event}: it triggers the organisation reconcile. */
    public boolean isScheduledEvent(String body) {
        return intake.isScheduledEvent(body);
    }

    /** Events that led to work so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Messages rejected so far (sent to the dead-letter queue). */
    public long malformed() {
        return messages.rejectedTotal();
    }

    /** Messages rejected so far by reason key (e.g. {@code invalid-value}). */
    public Map<String, Long> rejected() {
        return messages.rejected();
    }

    /** Ignored events by reason, and skipped alias changes. */
    public IgnoreCounts ignored() {
        return intake.counts();
    }
}
