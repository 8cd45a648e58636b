package io.zonebridge.app.ec2;

import io.zonebridge.ec2.Ec2StateEventParser;
import io.zonebridge.ec2.MalformedEventException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bean {@code ec2Ingest} of the {@code ec2-ingest} route: an SQS message body (EC2 state change or CloudTrail
 * CreateTags/DeleteTags, direct from EventBridge or SNS-wrapped) and its receipt handle → the
 * {@link PendingEc2Work} it asks for, or {@code null} when the event does not concern instance DNS. A malformed
 * body throws {@link MalformedEventException} (the route sends it to the dead-letter queue with the reason).
 */
public final class Ec2Ingest {

    private final Ec2StateEventParser parser = new Ec2StateEventParser();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    /** The work the message asks for, or {@code null} when it is ignored. */
    public PendingEc2Work accept(String body, String receiptHandle) {
        try {
            return parser.parse(body).map(event -> {
                accepted.incrementAndGet();
                return PendingEc2Work.of(event, receiptHandle);
            }).orElseGet(() -> {
                ignored.incrementAndGet();
                return null;
            });
        } catch (MalformedEventException e) {
            malformed.incrementAndGet();
            throw e;
        }
    }

    /** Events that led to work so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Well-formed events that did not concern instance DNS. */
    public long ignored() {
        return ignored.get();
    }

    /** Malformed messages so far (sent to the dead-letter queue). */
    public long malformed() {
        return malformed.get();
    }
}
