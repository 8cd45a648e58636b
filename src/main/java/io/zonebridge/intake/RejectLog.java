package io.zonebridge.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * Logs rejected input at WARN within a bound: at most {@code linesPerWindow} lines per window for each (source,
 * reason), and at most {@value #SOURCES_PER_REASON} times that for a reason over all sources (so junk from many
 * spoofed addresses stays bounded too); what is held back is counted and told in one line when that pair next logs
 * in a later window. Counts every rejection by reason whatever was logged. Thread-safe; never throws.
 */
public final class RejectLog {

    /** Default: three lines a minute per source and reason. */
    public static final int DEFAULT_LINES = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    /** Pairs tracked before those whose window has passed are forgotten (many spoofed sources stay bounded). */
    static final int MAX_TRACKED = 4096;
    /** A reason logs at most this many sources' worth of lines per window. */
    static final int SOURCES_PER_REASON = 5;

    /** The key of a reason's budget over all sources (no real source is empty and starts with a NUL). */
    private static final String ALL_SOURCES = "\0all";

    private final Logger log;
    private final int linesPerWindow;
    private final Duration window;
    private final Clock clock;
    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();
    private final Map<Key, Budget> budgets = new ConcurrentHashMap<>();

    public RejectLog(Logger log, int linesPerWindow, Duration window, Clock clock) {
        if (linesPerWindow < 1) {
            throw new IllegalArgumentException("linesPerWindow must be at least 1, was " + linesPerWindow);
        }
        this.log = Objects.requireNonNull(log, "log");
        this.linesPerWindow = linesPerWindow;
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Three lines a minute per source and reason, on the system clock. */
    public RejectLog(Logger log) {
        this(log, DEFAULT_LINES, DEFAULT_WINDOW, Clock.systemUTC());
    }

    /**
     * Counts one rejection and logs {@code detail} unless this (source, reason) used its lines in this window.
     *
     * @param source where it came from (an address, a queue), or "" when unknown
     * @param reason a short stable key, used as the metric tag
     * @param detail what was wrong and where, for the log line
     * @return whether a line was written
     */
    public boolean reject(String source, String reason, String detail) {
        byReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
        if (budgets.size() > MAX_TRACKED) {
            forgetQuietPairs();
        }
        Instant now = clock.instant();
        Budget pair = budgets.computeIfAbsent(new Key(source, reason), k -> new Budget());
        Budget all = budgets.computeIfAbsent(new Key(ALL_SOURCES, reason), k -> new Budget());
        long held;
        synchronized (all) {
            synchronized (pair) {
                held = pair.roll(now, window);
                all.roll(now, window);
                if (pair.used >= linesPerWindow || all.used >= linesPerWindow * SOURCES_PER_REASON) {
                    pair.held++;
                    return false;
                }
                pair.used++;
                all.used++;
            }
        }
        String from = source.isEmpty() ? "" : " from " + source;
        if (held > 0) {
            log.warn("rejected{} ({}): {} [{} more like it were not logged]", from, reason, detail, held);
        } else {
            log.warn("rejected{} ({}): {}", from, reason, detail);
        }
        return true;
    }

    /** Rejections so far by reason (a copy). */
    public Map<String, Long> counts() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        byReason.forEach((reason, adder) -> copy.put(reason, adder.sum()));
        return copy;
    }

    /** Rejections so far for one reason. */
    public long count(String reason) {
        LongAdder adder = byReason.get(reason);
        return adder == null ? 0 : adder.sum();
    }

    /** How many (source, reason) pairs are tracked now. */
    int tracked() {
        return budgets.size();
    }

    private void forgetQuietPairs() {
        Instant cutoff = clock.instant().minus(window);
        budgets.values().removeIf(b -> {
            synchronized (b) {
                return b.start == null || b.start.isBefore(cutoff);
            }
        });
        if (budgets.size() > MAX_TRACKED) {
            budgets.clear();
        }
    }

    private record Key(String source, String reason) {
    }

    private static final class Budget {
        private Instant start;
        private int used;
        private long held;

        /** Starts a new window when the last one is over; returns what was held back in the one that ended. */
        long roll(Instant now, Duration window) {
            if (start != null && now.isBefore(start.plus(window))) {
                return 0;
            }
            long ended = held;
            start = now;
            used = 0;
            held = 0;
            return ended;
        }
    }
}
