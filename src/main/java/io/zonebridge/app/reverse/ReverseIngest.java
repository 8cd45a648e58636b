package io.zonebridge.app.reverse;

import io.zonebridge.reverse.IgnoreCounts;
import io.zonebridge.reverse.MalformedEventException;
import io.zonebridge.reverse.ReverseEventIntake;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bean {@code reverseIngest} of the {@code reverse-ingest} route: an SQS message body (EventBridge or SNS-wrapped
 * CloudTrail event) and its receipt handle → the {@link PendingReverseWork} it asks for, or {@code null} when the
 * event is ignored (counted by reason in {@link #ignored()}). A malformed body throws {@link MalformedEventException}.
 * Scheduled events are told apart first ({@link #isScheduledEvent}): they go to the organisation reconcile.
 */
public final class ReverseIngest {

    private final ReverseEventIntake intake;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    public ReverseIngest(ReverseEventIntake intake) {
        this.intake = intake;
    }

    /** The work the message asks for, or {@code null} when it is ignored. */
    public PendingReverseWork accept(String body, String receiptHandle) {
        try {
            return intake.workFor(body).map(work -> {
                accepted.incrementAndGet();
                return new PendingReverseWork(work, receiptHandle == null ? List.of() : List.of(receiptHandle));
            }).orElse(null);
        } catch (MalformedEventException e) {
            malformed.incrementAndGet();
            throw e;
        }
    }

    /** Whether the message is an EventBridge {@code Scheduled Event}: it triggers the organisation reconcile. */
    public boolean isScheduledEvent(String body) {
        return intake.isScheduledEvent(body);
    }

    /** Events that led to work so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Malformed messages so far (sent to the dead-letter queue). */
    public long malformed() {
        return malformed.get();
    }

    /** Ignored events by reason, and skipped alias changes. */
    public IgnoreCounts ignored() {
        return intake.counts();
    }
}
