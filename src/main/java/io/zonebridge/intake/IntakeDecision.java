package io.zonebridge.intake;

import java.util.Objects;
import java.util.function.Function;

/**
 * What becomes of one queued message: work ({@link Accepted}), nothing to do ({@link Ignored}: delete it), a run of
 * the job's own ({@link Triggered}: run it, then delete the message), or unusable ({@link Rejected}: dead-letter it
 * with {@link #rejectReason()} and delete it). Routes read {@link #rejected()}, {@link #rejectReason()},
 * {@link #triggered()} and {@link #work()}.
 *
 * @param <W> the work a message asks for
 */
public sealed interface IntakeDecision<W> permits IntakeDecision.Accepted, IntakeDecision.Ignored,
        IntakeDecision.Triggered, IntakeDecision.Rejected {

    /** The work, or {@code null} when there is none. */
    default W work() {
        return null;
    }

    /** Whether the message goes to the dead-letter queue. */
    default boolean rejected() {
        return false;
    }

    /** Whether the message asks for a run of the job's own (the route hands it to the job's trigger). */
    default boolean triggered() {
        return false;
    }

    /** What is wrong and where (the dead letter's {@code zonebridgeRejectReason}), or {@code null}. */
    default String rejectReason() {
        return null;
    }

    /** The same decision with the work, if any, converted by {@code convert}. */
    <V> IntakeDecision<V> map(Function<? super W, ? extends V> convert);

    /** @param work what the message asks for */
    record Accepted<W>(W work) implements IntakeDecision<W> {
        public Accepted {
            Objects.requireNonNull(work, "work");
        }

        @Override
        public <V> IntakeDecision<V> map(Function<? super W, ? extends V> convert) {
            return new Accepted<>(convert.apply(work));
        }
    }

    /**
     * @param reason a short stable key (counted by the job)
     * @param detail what the message was
     */
    record Ignored<W>(String reason, String detail) implements IntakeDecision<W> {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <V> IntakeDecision<V> map(Function<? super W, ? extends V> convert) {
            return new Ignored<>(reason, detail);
        }
    }

    /** @param what what the message asks for, for the log (e.g. an organisation reconcile) */
    record Triggered<W>(String what) implements IntakeDecision<W> {
        public Triggered {
            Objects.requireNonNull(what, "what");
        }

        @Override
        public <V> IntakeDecision<V> map(Function<? super W, ? extends V> convert) {
            return new Triggered<>(what);
        }

        @Override
        public boolean triggered() {
            return true;
        }
    }

    /**
     * @param reason the kind of problem
     * @param detail what is wrong and where: control characters escaped, at most {@value #MAX_DETAIL} characters
     */
    record Rejected<W>(RejectReason reason, String detail) implements IntakeDecision<W> {

        /** Longest detail kept (an SQS attribute and a log line, not a copy of the input). */
        public static final int MAX_DETAIL = 1000;

        public Rejected {
            Objects.requireNonNull(reason, "reason");
            detail = printable(detail == null ? reason.key() : detail);
        }

        @Override
        public <V> IntakeDecision<V> map(Function<? super W, ? extends V> convert) {
            return new Rejected<>(reason, detail);
        }

        @Override
        public boolean rejected() {
            return true;
        }

        @Override
        public String rejectReason() {
            return detail;
        }

        /** Control and non-XML characters as {@code \\uXXXX}: SQS attributes refuse them, logs should not hold them. */
        private static String printable(String text) {
            StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_DETAIL + 16));
            for (int i = 0; i < text.length() && out.length() < MAX_DETAIL; i++) {
                char c = text.charAt(i);
                boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (surrogatePair) {
                    out.append(c).append(text.charAt(++i));
                } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == 0xfffe
                        || c == 0xffff) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.length() < MAX_DETAIL ? out.toString() : out.append("...").toString();
        }
    }
}
