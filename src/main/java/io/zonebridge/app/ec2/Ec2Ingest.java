package io.zonebridge.app.ec2;

import io.zonebridge.ec2.Ec2StateEventParser;
import io.zonebridge.ec2.Ec2Work;
import io.zonebridge.intake.IntakeDecision;
import io.zonebridge.intake.MessageIntake;
import io.zonebridge.intake.PendingWork;
import io.zonebridge.intake.RejectLog;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code ec2Ingest} of the {@code ec2-ingest} route (template {@code sqs-event-job}): an SQS message body (EC2
 * state change or CloudTrail CreateTags/DeleteTags, direct from EventBridge or SNS-wrapped) and its receipt handle
 * → what becomes of the message ({@link MessageIntake} decides): the {@link PendingWork} it asks for, ignored when
 * the event does not concern instance DNS, or rejected with what and where (counted by reason in
 * {@link #rejected()}; the route dead-letters it). Never throws for bad input.
 */
public final class Ec2Ingest {

    /** Where rejected messages are logged (a few lines a minute per reason). */
    public static final String LOGGER = "io.zonebridge.ec2.ingest";
    private static final String NOT_INSTANCE_DNS = "not_instance_dns";

    private final Ec2StateEventParser parser = new Ec2StateEventParser();
    private final MessageIntake messages =
            new MessageIntake("ec2 events queue", new RejectLog(LoggerFactory.getLogger(LOGGER)));

    /** What becomes of the message. */
    public IntakeDecision<PendingWork<Ec2Work>> decide(String body, String receiptHandle) {
        return messages.decide(body, receiptHandle, b -> parser.parse(b)
                .<IntakeDecision<Ec2Work>>map(event -> new IntakeDecision.Accepted<>(Ec2Work.of(event)))
                .orElseGet(() -> new IntakeDecision.Ignored<>(NOT_INSTANCE_DNS, "not an instance DNS event")));
    }

    /** Events that led to work so far. */
    public long accepted() {
        return messages.accepted();
    }

    /** Well-formed events that did not concern instance DNS. */
    public long ignored() {
        return messages.ignored();
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
