package io.zonebridge.reverse;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counters of ignored events by {@link IgnoreReason}, and of skipped alias changes. */
public final class IgnoreCounts {

    private final Map<IgnoreReason, AtomicLong> byReason = new EnumMap<>(IgnoreReason.class);
    private final AtomicLong aliasChangesSkipped = new AtomicLong();

    public IgnoreCounts() {
        for (IgnoreReason reason : IgnoreReason.values()) {
            byReason.put(reason, new AtomicLong());
        }
    }

    void record(IgnoreReason reason) {
        byReason.get(reason).incrementAndGet();
    }

    void recordAliasChangesSkipped(int count) {
        aliasChangesSkipped.addAndGet(count);
    }

    /** Events ignored for the reason so far. */
    public long count(IgnoreReason reason) {
        return byReason.get(reason).get();
    }

    /** Alias A/AAAA changes skipped so far (in accepted and in {@link IgnoreReason#ALIAS_ONLY} events). */
    public long aliasChangesSkipped() {
        return aliasChangesSkipped.get();
    }

    /** A copy of the per-reason counts. */
    public Map<IgnoreReason, Long> snapshot() {
        Map<IgnoreReason, Long> copy = new EnumMap<>(IgnoreReason.class);
        byReason.forEach((reason, count) -> copy.put(reason, count.get()));
        return copy;
    }
}
