package io.zonebridge.intake;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The one place that decides, for every job reading a queue, what becomes of a message: the job's reader gives the
 * work or an ignore; anything the reader throws makes the message {@link IntakeDecision.Rejected} (an
 * {@link MalformedEventException} with its reason, any other runtime exception as
 * {@link RejectReason#UNEXPECTED_ERROR}), never an exception that would leave the message on its queue to come
 * back for ever. Rejections are counted by reason and logged through a {@link RejectLog} (no stack traces).
 * Thread-safe.
 */
public final class MessageIntake {

    private final String source;
    private final RejectLog log;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder ignored = new LongAdder();

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
        } catch (MalformedEventException e) {
            decision = new IntakeDecision.Rejected<>(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            decision = new IntakeDecision.Rejected<>(RejectReason.UNEXPECTED_ERROR, unexpected(e));
        }
        if (decision instanceof IntakeDecision.Rejected<W> rejected) {
            log.reject(source, rejected.reason().key(), rejected.detail());
        }
        return decision;
    }

    /**
     * Decides about one message with the job's {@code reader}; accepted work comes with the message's receipt
     * handle (the message is deleted once the work is applied). Counts accepted and ignored messages.
     */
    public <W extends MergeableWork<W>> IntakeDecision<PendingWork<W>> decide(String body, String receiptHandle,
            Function<String, IntakeDecision<W>> reader) {
        IntakeDecision<PendingWork<W>> decision = decide(body, reader).map(work -> PendingWork.of(work, receiptHandle));
        if (decision instanceof IntakeDecision.Accepted) {
            accepted.increment();
        } else if (decision instanceof IntakeDecision.Ignored) {
            ignored.increment();
        }
        return decision;
    }

    /** Messages that became work so far (through {@link #decide(String, String, Function)}). */
    public long accepted() {
        return accepted.sum();
    }

    /** Messages ignored so far (through {@link #decide(String, String, Function)}). */
    public long ignored() {
        return ignored.sum();
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
