package io.zonebridge.app.ec2;

import io.zonebridge.ec2.Ec2StateEventParser;
import io.zonebridge.ec2.PendingEc2Work;
import io.zonebridge.intake.IntakeDecision;
import io.zonebridge.intake.MessageIntake;
import io.zonebridge.intake.RejectLog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code ec2Ingest} of the {@code ec2-ingest} route: an SQS message body (EC2 state change or CloudTrail
 * CreateTags/DeleteTags, direct from EventBridge or SNS-wrapped) and its receipt handle → what becomes of the
 * message ({@link MessageIntake} decides): the {@link PendingEc2Work} it asks for, ignored when the event does not
 * concern instance DNS, or rejected with what and where (counted by reason in {@link #rejected()}; the route
 * dead-letters it). Never throws for bad input.
 */
public final class Ec2Ingest {

    /** Where rejected messages are logged (a few lines a minute per reason). */
    public static final String LOGGER = "io.zonebridge.ec2.ingest";
    private static final String NOT_INSTANCE_DNS = "not_instance_dns";

    private final Ec2StateEventParser parser = new Ec2StateEventParser();
    private final MessageIntake messages =
            new MessageIntake("ec2 events queue", new RejectLog(LoggerFactory.getLogger(LOGGER)));
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();

    /** What becomes of the message. */
    public IntakeDecision<PendingEc2Work> decide(String body, String receiptHandle) {
        IntakeDecision<PendingEc2Work> decision = messages.decide(body, b -> parser.parse(b)
                .<IntakeDecision<PendingEc2Work>>map(event -> new IntakeDecision.Accepted<>(
                        PendingEc2Work.of(event, receiptHandle)))
                .orElseGet(() -> new IntakeDecision.Ignored<>(NOT_INSTANCE_DNS, "not an instance DNS event")));
        if (decision instanceof IntakeDecision.Accepted) {
            accepted.incrementAndGet();
        } else if (decision instanceof IntakeDecision.Ignored) {
            ignored.incrementAndGet();
        }
        return decision;
    }

    /** Events that led to work so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Well-formed events that did not concern instance DNS. */
    public long ignored() {
        return ignored.get();
    }

    /** Messages rejected so far (sent to the dead-letter queue). */
    public long malformed() {
        return messages.rejectedTotal();
    }

    /** Messages rejected so far by reason key (e.g. {@code invalid-json}). */
    public Map<String, Long> rejected() {
        return messages.rejected();
    }
}
