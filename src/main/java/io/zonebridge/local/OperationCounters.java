package io.zonebridge.local;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests by operation name, the throttling errors answered and EventBridge deliveries, for tests and
 * benchmarks; and when the recent requests of each operation arrived ({@link #arrivedAt}), so a benchmark times a
 * request where it reached the emulator, not where a poll of the counters noticed it.
 */
public final class OperationCounters {
    /** Arrival times kept per operation: those of its last {@value} requests. */
    private static final int ARRIVALS_KEPT = 256;

    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, long[]> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final AtomicLong throttles = new AtomicLong();
    private final AtomicLong priorRequestNotComplete = new AtomicLong();
    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicLong eventRetries = new AtomicLong();
    private final AtomicLong eventFailures = new AtomicLong();
    private volatile String lastEventFailure;

    void request(String operation) {
        long now = System.nanoTime();
        long[] times = arrivals.computeIfAbsent(operation, o -> new long[ARRIVALS_KEPT]);
        synchronized (times) {
            long number = requests.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
            times[(int) ((number - 1) % ARRIVALS_KEPT)] = now;
            times.notifyAll();
        }
    }

    /**
     * Waits until {@code count} requests of {@code operation} have arrived, woken by each arrival (no polling);
     * false when {@code limit} passed first.
     */
    public boolean awaitRequests(String operation, long count, Duration limit) throws InterruptedException {
        long[] times = arrivals.computeIfAbsent(operation, o -> new long[ARRIVALS_KEPT]);
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (times) {
            while (requests(operation) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(times, left);
            }
            return true;
        }
    }

    /**
     * When request number {@code number} (1 for the first) of {@code operation} arrived, in {@link System#nanoTime()}
     * of this process; empty when it has not arrived or is older than the last {@value #ARRIVALS_KEPT}.
     */
    public OptionalLong arrivedAt(String operation, long number) {
        long[] times = arrivals.get(operation);
        if (times == null || number < 1) {
            return OptionalLong.empty();
        }
        synchronized (times) {
            long count = requests(operation);
            return number > count || number <= count - ARRIVALS_KEPT ? OptionalLong.empty()
                    : OptionalLong.of(times[(int) ((number - 1) % ARRIVALS_KEPT)]);
        }
    }

    void refused(String operation, String code) {
        refusals.computeIfAbsent(operation + "/" + code, o -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Requests for {@code operation} answered with error {@code code} (e.g. {@code ChangeResourceRecordSets},
     * {@code InvalidChangeBatch}: a batch whose DELETE did not match or whose CREATE found the record set there).
     */
    public long refusals(String operation, String code) {
        AtomicLong count = refusals.get(operation + "/" + code);
        return count == null ? 0 : count.get();
    }

    void throttle() {
        throttles.incrementAndGet();
    }

    void priorRequestNotComplete() {
        priorRequestNotComplete.incrementAndGet();
    }

    void eventDelivered() {
        eventsDelivered.incrementAndGet();
    }

    void eventDeliveryRetried() {
        eventRetries.incrementAndGet();
    }

    void eventDeliveryFailed(String reason) {
        lastEventFailure = reason;
        eventFailures.incrementAndGet();
    }

    /** EventBridge deliveries that succeeded (to an SQS queue or onto another bus). */
    public long eventsDelivered() {
        return eventsDelivered.get();
    }

    /** EventBridge deliveries retried after a failed attempt. */
    public long eventDeliveryRetries() {
        return eventRetries.get();
    }

    /** EventBridge deliveries given up (after the retries, or undeliverable). */
    public long eventDeliveryFailures() {
        return eventFailures.get();
    }

    /** Why the last EventBridge delivery was given up, or null. */
    public String lastEventDeliveryFailure() {
        return lastEventFailure;
    }

    /** Requests received for {@code operation} (e.g. {@code ChangeResourceRecordSets}), throttled ones included. */
    public long requests(String operation) {
        AtomicLong count = requests.get(operation);
        return count == null ? 0 : count.get();
    }

    /** A sorted snapshot of all request counts. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((operation, count) -> copy.put(operation, count.get()));
        return copy;
    }

    /** Throttling errors answered. */
    public long throttles() {
        return throttles.get();
    }

    /** PriorRequestNotComplete errors answered. */
    public long priorRequestNotCompleteErrors() {
        return priorRequestNotComplete.get();
    }

    /** Sets every counter back to zero. */
    public void reset() {
        requests.clear();
        arrivals.clear();
        throttles.set(0);
        priorRequestNotComplete.set(0);
        eventsDelivered.set(0);
        eventRetries.set(0);
        eventFailures.set(0);
        lastEventFailure = null;
    }
}
