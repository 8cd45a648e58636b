package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.Planner;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.plan.UnsafePlanException;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.NameGroupBisection;
import io.zonebridge.route53.Route53Gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sync engine of an account: desired zone (whole, or a {@link DesiredChange} planned in proportion to the
 * change) → the zone's {@link ZoneView} → {@link Planner} → {@link SafetyLimits} → {@link VerifiedBatches} →
 * Route 53 → view updated. The view is filled by one full read
 * (the first run of a zone is thereby a full reconcile), kept up to date by every batch Route 53 accepts, and read
 * again whole when a verification is asked for or due, within the verification budget (drift found is counted and
 * repaired like any change). A batch Route 53 refuses because the view was stale is answered by re-reading the names
 * it concerns (or the whole zone, when that is fewer calls), re-planning and retrying, a bounded number of times; a
 * batch refused for a bad record is split by name group ({@link NameGroupBisection}). A Route 53 error other than a
 * refusal (throttling after the SDK's retries, a lost response) drops the view, so the next run reads again; so
 * does a new {@link ViewGeneration} (a replica that leads again).
 * Call it for one zone at a time ({@link ZoneRunQueue}); different zones may run in parallel.
 */
public final class SyncEngine {

    /** Rounds of re-read and retry after stale-view refusals before the rest is reported as refused. */
    static final int STALE_ROUNDS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final Route53Gateway gateway;
    private final SafetyLimits safety;
    private final boolean waitForInsync;
    private final AccountRateLimiter verifyBudget;
    private final Clock clock;
    private final ViewGeneration generation;
    private final VerifiedBatches verified = VerifiedBatches.route53();
    private final Map<String, ZoneView> views = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> drift = new ConcurrentHashMap<>();
    private volatile Progress progress = (done, total, part) -> { };

    /** Told after each batch of a run: {@code done} of {@code total} batches, and what that batch achieved. */
    @FunctionalInterface
    public interface Progress {
        void batch(int done, int total, ApplyResult part);
    }

    /**
     * @param gateway       Route 53 of one account
     * @param safety        the safety limits every plan is checked against (unless forced)
     * @param waitForInsync wait until applied changes are INSYNC
     * @param verifyBudget  paces the pages of verification reads (its rate is the verification share of the
     *                      account's); null: verification reads are paced by the account's limiter alone
     * @param clock         for view ages
     * @param generation    which views are trusted (shared by a service's engines)
     */
    public SyncEngine(Route53Gateway gateway, SafetyLimits safety, boolean waitForInsync,
                      AccountRateLimiter verifyBudget, Clock clock, ViewGeneration generation) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.waitForInsync = waitForInsync;
        this.verifyBudget = verifyBudget;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.generation = Objects.requireNonNull(generation, "generation");
    }

    /** An engine whose views stay trusted for its lifetime (a generation of its own). */
    public SyncEngine(Route53Gateway gateway, SafetyLimits safety, boolean waitForInsync,
                      AccountRateLimiter verifyBudget, Clock clock) {
        this(gateway, safety, waitForInsync, verifyBudget, clock, new ViewGeneration());
    }

    /** An engine for a one-shot command: no verification budget, system clock. */
    public SyncEngine(Route53Gateway gateway, SafetyLimits safety, boolean waitForInsync) {
        this(gateway, safety, waitForInsync, null, Clock.systemUTC());
    }

    /** Reports each batch applied to {@code listener} (the command line's progress lines). */
    public void onProgress(Progress listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
    }

    /**
     * One run: makes {@code zone} equal to {@code desired} within {@code options}.
     *
     * @throws RuntimeException when Route 53 failed other than by refusing a batch (the view is dropped)
     */
    public SyncReport sync(HostedZoneRef zone, ZoneSnapshot desired, PlanOptions options, SyncRequest request) {
        Objects.requireNonNull(desired, "desired");
        return run(zone, null, held -> desired, options, request, Set.of());
    }

    /**
     * One run of a change (a delta): makes the names {@code change} concerns hold exactly its sets within
     * {@code options}, planning those names only against the view, in proportion to the change, not to the zone.
     * Everything else is as {@link #sync}: the same policies and ownership (the {@link Planner}'s), safety limits
     * (against the managed size of the whole zone), verified batches and stale-view handling. A run that reads
     * the zone whole (no view yet, or a verification asked for or due) plans the whole desired zone, {@code whole},
     * instead, so the first run is a full reconcile and drift found is repaired.
     *
     * @param whole the whole desired zone with the change in it; asked for only by a run that plans it whole
     * @throws RuntimeException when Route 53 failed other than by refusing a batch (the view is dropped)
     */
    public SyncReport syncChange(HostedZoneRef zone, DesiredChange change, Supplier<ZoneSnapshot> whole,
                                 PlanOptions options, SyncRequest request) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(whole, "whole");
        ZoneSnapshot[] asked = new ZoneSnapshot[1];
        return run(zone, change, held -> asked[0] == null ? (asked[0] = whole.get()) : asked[0], options, request,
                Set.of());
    }

    /**
     * @param change    a delta to plan by name against the view, or null to plan the whole desired zone
     * @param desiredOf the whole desired zone, given what the view holds (a job deciding against the view)
     * @param released  deletes the safety limits do not count (an owner's records it ended)
     */
    private SyncReport run(HostedZoneRef zone, DesiredChange change, Function<ZoneSnapshot, ZoneSnapshot> desiredOf,
                           PlanOptions options, SyncRequest request, Set<RecordKey> released) {
        Reads reads = new Reads();
        try {
            ZoneView view = view(zone, request, reads);
            Planner planner = new Planner(options);
            Function<ZoneView, Plan> planning;
            if (change != null && reads.full == 0) {
                planning = v -> partial(planner, change, v);
            } else {
                planning = v -> {
                    ZoneSnapshot held = v.snapshot();
                    ZoneSnapshot desired = desiredOf.apply(held);
                    v.share(desired.recordSets().values());
                    return planner.plan(desired, held);
                };
            }
            Plan plan = planning.apply(view);
            int batches = plan.isEmpty() ? 0 : verified.batches(plan).size();
            try {
                safety.check(counted(plan, released), request.force());
            } catch (UnsafePlanException e) {
                return reads.report(zone, SyncReport.Result.REFUSED, plan, batches, SyncReport.nothing(), e.getMessage());
            }
            if (plan.isEmpty() || request.dryRun()) {
                return reads.report(zone, plan.isEmpty() ? SyncReport.Result.IN_STEP : SyncReport.Result.DRY_RUN, plan,
                        batches, SyncReport.nothing(), "");
            }
            return apply(zone, view, planning, plan, batches, request, reads, released);
        } catch (RuntimeException e) {
            views.remove(zone.id());
            throw e;
        }
    }

    /**
     * The plan of a change's names against what the view holds at them; its current size is the managed size of
     * the whole view, as a plan of the whole zone has it (the safety limits compare against it). The view holds
     * the change's sets it already equals as they are (one copy of each), as a plan of the whole zone does.
     */
    private static Plan partial(Planner planner, DesiredChange change, ZoneView view) {
        view.share(change.sets().values());
        Plan plan = planner.plan(new ZoneSnapshot(change.origin(), change.sets()), view.at(change.names()));
        return new Plan(plan.origin(), view.managedSize(planner), plan.changes());
    }

    /** The plan {@link #sync} would apply now, with its verified batches; reads the zone when there is no view. */
    public Planned plan(HostedZoneRef zone, ZoneSnapshot desired, PlanOptions options) {
        Plan plan = new Planner(options).plan(desired, view(zone, SyncRequest.NORMAL, new Reads()).snapshot());
        return new Planned(zone, plan, verified.batches(plan));
    }

    /**
     * A plan and its verified batches.
     *
     * @param zone    the hosted zone
     * @param plan    the plan against the view
     * @param batches the verified batches it goes out as
     */
    public record Planned(HostedZoneRef zone, Plan plan, List<ChangeBatch> batches) {
    }

    /** Whether the view of {@code zoneId} is missing or older than {@code verifyEvery}. */
    public boolean verificationDue(String zoneId, Duration verifyEvery) {
        ZoneView view = trusted(zoneId);
        return view == null || verifyEvery != null
                && !view.readAt().plus(verifyEvery).isAfter(clock.instant());
    }

    /** Record sets found drifted in {@code zoneId} by verification reads since start. */
    public long driftFound(String zoneId) {
        LongAdder found = drift.get(zoneId);
        return found == null ? 0 : found.sum();
    }

    /** Forgets the view of a zone, so its next run reads it whole (as after a restart). */
    public void forget(String zoneId) {
        views.remove(zoneId);
    }

    // --- partial desired state (jobs owning part of a zone: reverse PTRs, EC2 instance records) ---

    /**
     * One run for part of a zone: the keys {@code desired} decides (against the view, and again after a re-read)
     * become exactly those sets or absent; every other set is left alone. Same view, safety limits (relative to the
     * whole zone), verified batches, stale-view recovery and verification as {@link #sync}.
     */
    public SyncReport syncPartial(HostedZoneRef zone, PartialDesired desired, PlanOptions options,
                                  SyncRequest request) {
        return run(zone, null, held -> PartialDesired.overlay(held, desired.against(held)), options, request,
                desired.released());
    }

    /** The plan as the safety limits count it: without the deletes of released keys ({@link PartialDesired}). */
    private static Plan counted(Plan plan, Set<RecordKey> released) {
        if (released.isEmpty()) {
            return plan;
        }
        return new Plan(plan.origin(), plan.currentSize(), plan.changes().stream()
                .filter(c -> !(c.action() == ChangeAction.DELETE && released.contains(c.key())))
                .toList());
    }

    /** What the engine holds for {@code zone} now, reading it whole when there is no view or a verification is due. */
    public ZoneSnapshot current(HostedZoneRef zone, SyncRequest request) {
        try {
            return view(zone, request, new Reads()).snapshot();
        } catch (RuntimeException e) {
            views.remove(zone.id());
            throw e;
        }
    }

    /** Reads {@code zone} whole into its view (a zone the engine reads but does not write: no drift counted). */
    public ZoneSnapshot reread(HostedZoneRef zone) {
        ZoneSnapshot full = gateway.readZone(zone);
        views.put(zone.id(), fresh(full));
        return full;
    }

    /** The view of {@code zoneId}, when the engine has one (no read). */
    public Optional<ZoneSnapshot> known(String zoneId) {
        return Optional.ofNullable(trusted(zoneId)).map(ZoneView::snapshot);
    }

    /**
     * Reads the record sets of {@code names} afresh (records the engine does not write, e.g. a member account's
     * A/AAAA): one read per name, or one whole read when that costs fewer requests ({@code zone}'s record count);
     * a view of the zone, if there is one, takes in what was read. Returns the sets of those names.
     */
    public List<RecordSet> readNames(HostedZoneRef zone, Collection<String> names) {
        ZoneView view = trusted(zone.id());
        long size = view != null ? view.size() : zone.recordCount();
        Set<String> wanted = new HashSet<>(names);
        List<RecordSet> found = new ArrayList<>();
        if (wanted.size() > gateway.pagesFor(size)) {
            ZoneSnapshot full = gateway.readZone(zone);
            views.put(zone.id(), fresh(full));
            full.recordSets().values().stream().filter(set -> wanted.contains(set.name())).forEach(found::add);
            return found;
        }
        for (String name : wanted) {
            found.addAll(gateway.readName(zone, name));
        }
        if (view != null) {
            view.reread(wanted, found);
        }
        return found;
    }

    private ZoneView view(HostedZoneRef zone, SyncRequest request, Reads reads) {
        ZoneView view = trusted(zone.id());
        if (view == null) {
            reads.full++;
            view = fresh(gateway.readZone(zone));
            views.put(zone.id(), view);
        } else if (request.verify() || verificationDue(zone.id(), request.verifyEvery())) {
            reads.full++;
            ZoneSnapshot read = verifyBudget == null ? gateway.readZone(zone) : gateway.readZone(zone, verifyBudget);
            int differences = view.differencesFrom(read);
            if (differences > 0) {
                reads.drift = differences;
                drift.computeIfAbsent(zone.id(), id -> new LongAdder()).add(differences);
                LOG.warn("hosted zone {} ({}): verification found {} record set(s) changed outside zonebridge;"
                        + " planning their repair", zone.id(), zone.name(), differences);
            }
            view = fresh(read);
            views.put(zone.id(), view);
        }
        return view;
    }

    /** The view of {@code zoneId} if there is one of the current generation; an older one is dropped. */
    private ZoneView trusted(String zoneId) {
        ZoneView view = views.get(zoneId);
        if (view != null && view.generation() != generation.current()) {
            views.remove(zoneId, view);
            return null;
        }
        return view;
    }

    private ZoneView fresh(ZoneSnapshot fullRead) {
        return new ZoneView(fullRead, clock.instant(), generation.current());
    }

    private SyncReport apply(HostedZoneRef zone, ZoneView view, Function<ZoneView, Plan> planning, Plan plan,
                             int batches, SyncRequest request, Reads reads, Set<RecordKey> released) {
        Outcome outcome = new Outcome();
        Plan current = plan;
        for (int round = 1; ; round++) {
            List<ChangeBatch> cut = verified.batches(current);
            List<ApplyResult.FailedGroup> stale = new ArrayList<>();
            for (int i = 0; i < cut.size(); i++) {
                ApplyResult part = NameGroupBisection.apply(List.of(cut.get(i)), changes -> {
                    String id = gateway.submit(zone, changes);
                    view.accepted(changes);
                    return id;
                }, StaleView::isStale);
                outcome.add(part, stale);
                progress.batch(i + 1, cut.size(), part);
            }
            if (stale.isEmpty()) {
                break;
            }
            if (round == STALE_ROUNDS) {
                outcome.failures.addAll(stale);
                break;
            }
            reads.staleRetries++;
            reread(zone, view, staleNames(stale), reads);
            current = without(planning.apply(view), outcome.refusedNames());
            try {
                safety.check(counted(current, released), request.force());
            } catch (UnsafePlanException e) {
                return reads.report(zone, SyncReport.Result.REFUSED, plan, batches, outcome.result(), e.getMessage());
            }
            if (current.isEmpty()) {
                break;
            }
        }
        ApplyResult result = outcome.result();
        if (waitForInsync && !result.changeIds().isEmpty()) {
            gateway.waitForInsync(result.changeIds());
        }
        return reads.report(zone, SyncReport.Result.APPLIED, plan, batches, result, "");
    }

    /** Re-reads {@code names} one by one, or the whole zone when that costs fewer requests. */
    private void reread(HostedZoneRef zone, ZoneView view, Set<String> names, Reads reads) {
        if (names.size() > gateway.pagesFor(view.size())) {
            reads.full++;
            view.reread(gateway.readZone(zone));
            return;
        }
        List<RecordSet> found = new ArrayList<>();
        for (String name : names) {
            reads.names++;
            found.addAll(gateway.readName(zone, name));
        }
        view.reread(names, found);
        LOG.info("hosted zone {} ({}): Route 53 refused a batch planned against a stale view; re-read {}",
                zone.id(), zone.name(), names);
    }

    /** The names Route 53's stale-view messages name, when they are names of the refused groups; else all of those. */
    private static Set<String> staleNames(List<ApplyResult.FailedGroup> stale) {
        Set<String> groups = new HashSet<>();
        Set<String> named = new HashSet<>();
        for (ApplyResult.FailedGroup group : stale) {
            groups.add(group.name());
            named.addAll(StaleView.names(group.message()));
        }
        return !named.isEmpty() && groups.containsAll(named) ? named : groups;
    }

    private static Plan without(Plan plan, Set<String> names) {
        if (names.isEmpty()) {
            return plan;
        }
        List<Change> kept = plan.changes().stream().filter(c -> !names.contains(c.key().name())).toList();
        return new Plan(plan.origin(), plan.currentSize(), kept);
    }

    /** What the rounds of one run achieved together. */
    private static final class Outcome {
        int applied;
        final List<String> changeIds = new ArrayList<>();
        final List<ApplyResult.FailedGroup> failures = new ArrayList<>();

        void add(ApplyResult part, List<ApplyResult.FailedGroup> stale) {
            applied += part.appliedChanges();
            changeIds.addAll(part.changeIds());
            for (ApplyResult.FailedGroup failure : part.failures()) {
                (StaleView.isStale(failure.message()) ? stale : failures).add(failure);
            }
        }

        Set<String> refusedNames() {
            Set<String> names = new HashSet<>();
            failures.forEach(f -> names.add(f.name()));
            return names;
        }

        ApplyResult result() {
            return new ApplyResult(applied, changeIds, failures);
        }
    }

    /** Reads made and drift found by one run. */
    private static final class Reads {
        int full;
        int names;
        int staleRetries;
        int drift;

        SyncReport report(HostedZoneRef zone, SyncReport.Result result, Plan plan, int batches, ApplyResult applied,
                          String detail) {
            return new SyncReport(zone, result, plan, batches, applied, drift, full, names, staleRetries, detail);
        }
    }
}
