package io.zonebridge.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-zone sync status (last sync time, serial, changes, last error), kept in memory for status reports and,
 * later, JMX. Thread-safe.
 */
public final class ZoneStatusBoard {

    private final Map<String, ZoneStatus> statuses = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Clock clock;

    /** Zones a {@link #whenRecorded} caller still waits for. */
    private record Waiter(Set<String> missing, CompletableFuture<Void> done) {
    }

    public ZoneStatusBoard(Clock clock) {
        this.clock = clock;
    }

    /** Records the outcome of a run. */
    public void record(SyncOutcome outcome) {
        statuses.compute(outcome.zoneKey(), (key, before) -> {
            Instant now = clock.instant();
            boolean failed = outcome.result().isFailure();
            boolean succeeded = !failed && outcome.result() != SyncOutcome.Result.PAUSED;
            return new ZoneStatus(key, outcome.zoneName(), now,
                    succeeded ? now : before == null ? null : before.lastSuccess(),
                    outcome.serial() != null ? outcome.serial() : before == null ? null : before.serial(),
                    outcome,
                    failed ? outcome.message() : before == null ? null : before.lastError(),
                    (before == null ? 0 : before.failures()) + (failed ? 1 : 0));
        });
        List<CompletableFuture<Void>> complete = new ArrayList<>();
        synchronized (waiters) {
            waiters.removeIf(waiter -> {
                waiter.missing().remove(outcome.zoneKey());
                return waiter.missing().isEmpty() && complete.add(waiter.done());
            });
        }
        complete.forEach(done -> done.complete(null));
    }

    /**
     * Completes once each of these zones has an outcome recorded (its first run finished, failed or not: what
     * readiness waits for); at once when they all have one already.
     */
    public CompletableFuture<Void> whenRecorded(Collection<String> zoneKeys) {
        Waiter waiter = new Waiter(new HashSet<>(zoneKeys), new CompletableFuture<>());
        synchronized (waiters) {
            waiter.missing().removeIf(statuses::containsKey);
            if (!waiter.missing().isEmpty()) {
                waiters.add(waiter);
                return waiter.done();
            }
        }
        waiter.done().complete(null);
        return waiter.done();
    }

    /** The status of one zone, if it was synced at all. */
    public Optional<ZoneStatus> get(String zoneKey) {
        return Optional.ofNullable(statuses.get(zoneKey));
    }

    /** Every zone's status. */
    public List<ZoneStatus> all() {
        return statuses.values().stream().sorted(java.util.Comparator.comparing(ZoneStatus::zoneKey)).toList();
    }
}
