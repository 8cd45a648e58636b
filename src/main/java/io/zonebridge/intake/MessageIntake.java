package io.zonebridge.intake;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one place that decides, for every job reading a queue, what becomes of a message: the job's reader gives the
 * work or an ignore; anything the reader throws makes the message {@link IntakeDecision.Rejected} (an
 * {@link UnusableMessageException} with its reason, any other runtime exception as
 * {@link RejectReason#UNEXPECTED_ERROR}), never an exception that would leave the message on its queue to come
 * back for ever. Rejections are counted by reason and logged through a {@link RejectLog} (no stack traces).
 * Thread-safe.
 */
public final class MessageIntake {

    private final String source;
    private final RejectLog log;

    /**
     * @param source the queue (or job) the messages come from, for the log
     * @param log    counts and logs the rejections
     */
    public MessageIntake(String source, RejectLog log) {
        this.source = Objects.requireNonNull(source, "source");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Decides about one message body with the job's {@code reader}. */
    public <W> IntakeDecision<W> decide(String body, Function<String, IntakeDecision<W>> reader) {
        IntakeDecision<W> decision;
        try {
            decision = Objects.requireNonNull(reader.apply(body), "the reader decided nothing");
        } catch (UnusableMessageException e) {
            decision = new IntakeDecision.Rejected<>(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            decision = new IntakeDecision.Rejected<>(RejectReason.UNEXPECTED_ERROR, unexpected(e));
        }
        if (decision instanceof IntakeDecision.Rejected<W> rejected) {
            log.reject(source, rejected.reason().key(), rejected.detail());
        }
        return decision;
    }

    /** Rejections so far by reason key. */
    public Map<String, Long> rejected() {
        return log.counts();
    }

    /** Rejections so far in all. */
    public long rejectedTotal() {
        return log.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String unexpected(RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        String at = trace.length == 0 ? "" : " at " + trace[0];
        return "unexpected " + e.getClass().getName() + " reading the message: " + e.getMessage() + at;
    }
}
