package io.zonebridge.secondary;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of NOTIFY packets by {@link NotifyReason}. */
public final class NotifyStats {

    private final Map<NotifyReason, LongAdder> counters = new EnumMap<>(NotifyReason.class);

    /** All counters at zero. */
    public NotifyStats() {
        for (NotifyReason reason : NotifyReason.values()) {
            counters.put(reason, new LongAdder());
        }
    }

    void count(NotifyReason reason) {
        counters.get(reason).increment();
    }

    /** How many packets were handled for {@code reason}. */
    public long get(NotifyReason reason) {
        return counters.get(reason).sum();
    }

    /** How many packets were handled in all. */
    public long total() {
        return counters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A copy of every counter. */
    public Map<NotifyReason, Long> snapshot() {
        Map<NotifyReason, Long> copy = new EnumMap<>(NotifyReason.class);
        counters.forEach((reason, adder) -> copy.put(reason, adder.sum()));
        return copy;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
