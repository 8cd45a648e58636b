package io.zonebridge.local;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests by operation name, the throttling errors answered and EventBridge deliveries, for tests and
 * benchmarks.
 */
public final class OperationCounters {
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final AtomicLong throttles = new AtomicLong();
    private final AtomicLong priorRequestNotComplete = new AtomicLong();
    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicLong eventRetries = new AtomicLong();
    private final AtomicLong eventFailures = new AtomicLong();
    private volatile String lastEventFailure;

    void request(String operation) {
        requests.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
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
        throttles.set(0);
        priorRequestNotComplete.set(0);
        eventsDelivered.set(0);
        eventRetries.set(0);
        eventFailures.set(0);
        lastEventFailure = null;
    }
}
