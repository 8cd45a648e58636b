package io.zonebridge.plan;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Computes the {@link Plan} that takes a zone from its current state (as read from Route 53) to the
 * desired state. Pure: no I/O, and the same inputs always give the same plan.
 *
 * <p>Rules:
 * <ul>
 *   <li>Identity is the {@link RecordKey}. A key only desired is a CREATE; a key only current is a
 *       DELETE of the current record set exactly as read (only under {@link SyncPolicy#SYNC}).</li>
 *   <li>A key on both sides that differs is an UPSERT ({@link Change.Update}) when both sides are
 *       alias or both are not, and both use the same {@link io.zonebridge.model.RoutingPolicy};
 *       otherwise Route 53 cannot UPSERT it and it becomes a DELETE of the current set plus a CREATE
 *       of the desired one (allowed under SYNC and UPSERT_ONLY).</li>
 *   <li>The apex SOA and apex NS are never planned. With
 *       {@link PlanOptions#manageApexSoaSerial()} on and a differing serial, the apex SOA is UPSERTed
 *       with the current SOA's mname, rname, timers and TTL and the desired serial (under every policy:
 *       the option is an explicit request).</li>
 *   <li>Record sets of unmanaged types or ignored names are left out on both sides.</li>
 *   <li>With {@link PlanOptions#ignoreTtl()}, a difference only in TTL is no change, and when the values
 *       change the record set sent keeps the <em>current</em> TTL (in an UPSERT, and in the CREATE that
 *       replaces a set of another routing policy), so TTLs never churn: they stay whatever they are in
 *       Route 53. A new record set, or one replacing an alias, gets the desired TTL.</li>
 * </ul>
 * The changes are sorted by name, deletes of a name before its creates and upserts, then by key.
 * {@link Plan#currentSize()} counts the current record sets the planner manages (not the apex SOA/NS,
 * ignored names or unmanaged types): the share that safety limits compare against.
 */
public final class Planner {

    private static final Comparator<Change> ORDER = Comparator
            .comparing((Change c) -> c.key().name())
            .thenComparingInt(c -> c.action() == ChangeAction.DELETE ? 0 : 1)
            .thenComparing(Change::key);

    /** Plans with at least this many record sets (desired and current) are split over two threads. */
    static final int PARALLEL_THRESHOLD = 4_000;

    private final PlanOptions options;
    private final boolean filtering;

    public Planner(PlanOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.filtering = !options.managedTypes().isEmpty() || !options.ignoredNames().isEmpty()
                || !options.ignoredSubtrees().isEmpty();
    }

    /** The changes that make {@code current} equal to {@code desired} within the options. */
    public Plan plan(ZoneSnapshot desired, ZoneSnapshot current) {
        String origin = current.origin();
        if (!desired.origin().equals(origin)) {
            throw new IllegalArgumentException("desired zone " + desired.origin() + " and current zone " + origin + " differ");
        }
        RecordSet[] wanted = desired.recordSets().values().toArray(RecordSet[]::new);
        RecordSet[] present = current.recordSets().values().toArray(RecordSet[]::new);
        // Both halves read only immutable maps; on large zones the second half runs on another thread, which
        // halves the wall time on two cores. The order is fixed by the sort below.
        Pass first;
        Pass second;
        if (wanted.length + present.length >= PARALLEL_THRESHOLD) {
            CompletableFuture<Pass> other =
                    CompletableFuture.supplyAsync(() -> pass(wanted, present, 1, 2, desired, current));
            first = pass(wanted, present, 0, 2, desired, current);
            try {
                second = other.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        } else {
            first = pass(wanted, present, 0, 1, desired, current);
            second = new Pass(List.of(), 0);
        }
        List<Change> changes = new ArrayList<>(first.changes().size() + second.changes().size() + 1);
        changes.addAll(first.changes());
        changes.addAll(second.changes());
        int managedCurrent = first.managedCurrent() + second.managedCurrent();
        if (options.manageApexSoaSerial()) {
            apexSerial(desired, current).ifPresent(changes::add);
        }
        changes.sort(ORDER);
        return new Plan(origin, managedCurrent, changes);
    }

    /** The changes for one part of the desired and current sets, and how many of those current sets are managed. */
    private record Pass(List<Change> changes, int managedCurrent) {
    }

    /** Plans part {@code part} of {@code parts} (by position) of the desired and of the current sets. */
    private Pass pass(RecordSet[] wanted, RecordSet[] present, int part, int parts, ZoneSnapshot desired,
            ZoneSnapshot current) {
        List<Change> changes = new ArrayList<>();
        String origin = current.origin();
        String originSuffix = "." + origin;
        Map<RecordKey, RecordSet> currentSets = current.recordSets();
        for (int i = wanted.length * part / parts; i < wanted.length * (part + 1) / parts; i++) {
            RecordSet want = wanted[i];
            RecordKey key = want.key();
            if (!key.name().endsWith(originSuffix) && !key.name().equals(origin)) {
                throw new IllegalArgumentException("desired record set " + key + " lies outside zone " + origin);
            }
            if (!managed(key, origin)) {
                continue;
            }
            RecordSet have = currentSets.get(key);
            if (have == null) {
                changes.add(new Change.Create(want));
            } else {
                diff(want, have, changes);
            }
        }
        int managedCurrent = 0;
        boolean deletesAllowed = options.policy().allowsDeletes();
        Map<RecordKey, RecordSet> desiredSets = desired.recordSets();
        for (int i = present.length * part / parts; i < present.length * (part + 1) / parts; i++) {
            RecordSet have = present[i];
            if (managed(have.key(), origin)) {
                managedCurrent++;
                if (deletesAllowed && !desiredSets.containsKey(have.key())) {
                    changes.add(new Change.Delete(have));
                }
            }
        }
        return new Pass(changes, managedCurrent);
    }

    /**
     * Whether plans of the zone {@code origin} include record sets of {@code key} (not the apex SOA or NS, nor an
     * unmanaged type or an ignored name): what {@link Plan#currentSize()} counts.
     */
    public boolean manages(RecordKey key, String origin) {
        return managed(key, origin);
    }

    /** Whether the options leave some types or names below the apex unmanaged (else only the apex SOA and NS). */
    public boolean filters() {
        return filtering;
    }

    private boolean managed(RecordKey key, String origin) {
        String type = key.type();
        if ((type.equals("SOA") || type.equals("NS")) && key.name().equals(origin)) {
            return false;
        }
        return !filtering || options.manages(type) && !options.ignores(key.name());
    }

    private void diff(RecordSet want, RecordSet have, List<Change> changes) {
        if (want.equals(have) || (options.ignoreTtl() && want.sameIgnoringTtl(have))) {
            return;
        }
        if (!options.policy().allowsUpdates()) {
            return;
        }
        RecordSet sent = options.ignoreTtl() && have.ttl() != null && !want.isAlias() ? want.withTtl(have.ttl()) : want;
        boolean sameShape = want.isAlias() == have.isAlias()
                && want.routing().policy() == have.routing().policy();
        if (sameShape) {
            changes.add(new Change.Update(have, sent));
        } else {
            changes.add(new Change.Delete(have));
            changes.add(new Change.Create(sent));
        }
    }

    private static Optional<Change> apexSerial(ZoneSnapshot desired, ZoneSnapshot current) {
        Optional<RecordSet> haveSoa = current.soa();
        if (haveSoa.isEmpty() || desired.soa().isEmpty()) {
            return Optional.empty();
        }
        long wantSerial = serial(desired);
        if (wantSerial == serial(current)) {
            return Optional.empty();
        }
        RecordSet have = haveSoa.get();
        String rewritten = current.soaValue().orElseThrow().withSerial(wantSerial).text();
        RecordSet upsert = RecordSet.of(have.key(), have.ttl(), List.of(rewritten));
        return Optional.of(new Change.Update(have, upsert));
    }

    private static long serial(ZoneSnapshot zone) {
        try {
            return zone.serial().orElseThrow();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("apex SOA of zone " + zone.origin() + " has no valid serial: "
                    + zone.soa().map(s -> s.values().toString()).orElse("none"), e);
        }
    }
}
