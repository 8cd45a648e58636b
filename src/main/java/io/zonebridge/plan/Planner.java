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

    /** Zones at least this large are planned with the delete pass on a second thread. */
    static final int PARALLEL_THRESHOLD = 50_000;

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
        Map<RecordKey, RecordSet> currentSets = current.recordSets();
        Map<RecordKey, RecordSet> desiredSets = desired.recordSets();
        // The two passes read only immutable maps; on large zones the delete pass runs beside the
        // create/update pass, which halves the wall time on two cores. The order is fixed by the sort below.
        CompletableFuture<DeletePass> deletePass = currentSets.size() >= PARALLEL_THRESHOLD
                ? CompletableFuture.supplyAsync(() -> deletes(currentSets, desiredSets, origin))
                : CompletableFuture.completedFuture(deletes(currentSets, desiredSets, origin));
        List<Change> changes = createsAndUpdates(desiredSets, currentSets, origin);
        DeletePass removed = deletePass.join();
        changes.addAll(removed.deletes());
        int managedCurrent = removed.managedCurrent();
        if (options.manageApexSoaSerial()) {
            apexSerial(desired, current).ifPresent(changes::add);
        }
        changes.sort(ORDER);
        return new Plan(origin, managedCurrent, changes);
    }

    private List<Change> createsAndUpdates(Map<RecordKey, RecordSet> desiredSets, Map<RecordKey, RecordSet> currentSets,
                                           String origin) {
        List<Change> changes = new ArrayList<>();
        String originSuffix = "." + origin;
        for (RecordSet want : desiredSets.values()) {
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
        return changes;
    }

    /** Deletes of managed current sets that are not desired, and how many current sets are managed. */
    private record DeletePass(List<Change> deletes, int managedCurrent) {
    }

    private DeletePass deletes(Map<RecordKey, RecordSet> currentSets, Map<RecordKey, RecordSet> desiredSets, String origin) {
        List<Change> deletes = new ArrayList<>();
        int managedCurrent = 0;
        boolean allowed = options.policy().allowsDeletes();
        for (Map.Entry<RecordKey, RecordSet> entry : currentSets.entrySet()) {
            RecordKey key = entry.getKey();   // the key alone: the record set is read only when deleted
            if (managed(key, origin)) {
                managedCurrent++;
                if (allowed && !desiredSets.containsKey(key)) {
                    deletes.add(new Change.Delete(entry.getValue()));
                }
            }
        }
        return new DeletePass(deletes, managedCurrent);
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
