package io.zonebridge.app.reverse;

import io.zonebridge.intake.IntakeDecision;
import io.zonebridge.intake.MessageIntake;
import io.zonebridge.intake.PendingWork;
import io.zonebridge.intake.RejectLog;
import io.zonebridge.reverse.IgnoreCounts;
import io.zonebridge.reverse.ReverseEventIntake;
import io.zonebridge.reverse.ReverseWork;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code reverseIngest} of the {@code reverse-ingest} route (template {@code sqs-event-job}): an SQS message
 * body (EventBridge or SNS-wrapped CloudTrail event) and its receipt handle → what becomes of the message
 * ({@link MessageIntake} decides): the {@link PendingWork} it asks for, an organisation reconcile (an EventBridge
 * Scheduled Event: triggered), ignored (counted by reason in {@link #ignored()}: failed calls, other events,
 * zonebridge's own changes), or rejected with what and where (counted by reason in {@link #rejected()}; the route
 * dead-letters it). Never throws for bad input.
 */
public final class ReverseIngest {

    /** Where rejected messages are logged (a few lines a minute per reason). */
    public static final String LOGGER = "io.zonebridge.reverse.ingest";

    private final ReverseEventIntake intake;
    private final MessageIntake messages;

    public ReverseIngest(ReverseEventIntake intake) {
        this.intake = intake;
        this.messages = new MessageIntake("reverse events queue", new RejectLog(LoggerFactory.getLogger(LOGGER)));
    }

    /** What becomes of the message. */
    public IntakeDecision<PendingWork<ReverseWork>> decide(String body, String receiptHandle) {
        return messages.decide(body, receiptHandle, intake::decide);
    }

    /** Events that led to work so far. */
    public long accepted() {
        return messages.accepted();
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
