package io.zonebridge.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per zone at a time, with no fixed debounce: the first work for an idle zone runs at once, on the thread
 * that hands it over; work arriving while that zone's run is in flight is merged (by {@code merge}) into one pending
 * item, which the same thread runs as soon as the run in flight ends. So a burst of triggers costs one run now and
 * one more run afterwards, however long it is. Thread-safe; different zones run in parallel.
 *
 * @param <W> the work item, a small value that merges (e.g. zone, reasons, names)
 */
public final class ZoneRunQueue<W> {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneRunQueue.class);

    private final BinaryOperator<W> merge;
    private final Set<String> running = new HashSet<>();
    private final Map<String, W> pending = new HashMap<>();

    /** @param merge combines pending work with work that arrives later (for the same zone) */
    public ZoneRunQueue(BinaryOperator<W> merge) {
        this.merge = Objects.requireNonNull(merge, "merge");
    }

    /**
     * Hands over work for {@code zoneKey}: runs it now when the zone is idle (then every item merged meanwhile,
     * until none is left) and returns the first run's result; when a run is in flight, merges it into the pending
     * item and returns empty at once. A later run that throws is logged; the first run's exception propagates.
     */
    public <R> Optional<R> submit(String zoneKey, W work, Function<W, R> run) {
        synchronized (this) {
            if (running.contains(zoneKey)) {
                pending.merge(zoneKey, work, merge);
                return Optional.empty();
            }
            running.add(zoneKey);
        }
        try {
            return Optional.ofNullable(run.apply(work));
        } finally {
            drain(zoneKey, run);
        }
    }

    /** Work waiting for the zone's run in flight to end, if any. */
    public synchronized Optional<W> pending(String zoneKey) {
        return Optional.ofNullable(pending.get(zoneKey));
    }

    /** Whether a run of the zone is in flight. */
    public synchronized boolean busy(String zoneKey) {
        return running.contains(zoneKey);
    }

    private <R> void drain(String zoneKey, Function<W, R> run) {
        while (true) {
            W next;
            synchronized (this) {
                next = pending.remove(zoneKey);
                if (next == null) {
                    running.remove(zoneKey);
                    return;
                }
            }
            try {
                run.apply(next);
            } catch (RuntimeException e) {
                LOG.warn("zone {}: merged work failed: {}", zoneKey, e.toString());
            }
        }
    }
}
