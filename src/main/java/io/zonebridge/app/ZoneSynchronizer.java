package io.zonebridge.app;

import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.Planner;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.plan.UnsafePlanException;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.route53.ZoneLocator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code zoneSynchronizer}: one sync run of one zone, and only one per zone at a time. Desired state
 * from the zone's {@link DesiredStateSource} → current state ({@link Route53Gateway#readZone}) → {@link Planner}
 * → {@link SafetyLimits} → {@link ChangeBatcher} → {@link Route53Gateway#apply}. The outcome goes to the
 * {@link ZoneStatusBoard} and the {@link RefreshSchedule} (refresh after success, retry after failure). A source
 * that fails yields nothing to plan, so nothing is applied and nothing deleted.
 */
public final class ZoneSynchronizer {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneSynchronizer.class);

    private final ZoneCatalog catalog;
    private final Route53Gateway gateway;
    private final SafetyLimits safety;
    private final boolean waitForInsync;
    private final ZoneStatusBoard board;
    private final RefreshSchedule schedule;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, HostedZoneRef> located = new ConcurrentHashMap<>();
    private final PausedZones paused = new PausedZones();

    public ZoneSynchronizer(ZoneCatalog catalog, Route53Gateway gateway, SafetyLimits safety, boolean waitForInsync,
                            ZoneStatusBoard board, RefreshSchedule schedule) {
        this.catalog = catalog;
        this.gateway = gateway;
        this.safety = safety;
        this.waitForInsync = waitForInsync;
        this.board = board;
        this.schedule = schedule;
    }

    /**
     * Camel entry point: syncs the zone the work names.
     *
     * @throws ZoneSyncException when Route 53 failed (for redelivery); source failures wait for the retry timer
     */
    public SyncOutcome apply(ZoneWork work) {
        ManagedZone zone = catalog.byKey(work.zoneKey()).orElseThrow(() ->
                new IllegalArgumentException("work for unknown zone " + work.zoneKey()));
        Run run = runLocked(zone, SyncMode.SERVICE, String.join(",", work.reasons()));
        if (run.route53Failed()) {
            throw new ZoneSyncException(run.outcome().message());
        }
        return run.outcome();
    }

    /** One sync run of {@code zone} (for the command line); never throws. */
    public SyncOutcome sync(ManagedZone zone, SyncMode mode) {
        return runLocked(zone, mode, "command").outcome();
    }

    /** The zones paused over JMX: a run of a paused zone does nothing and reports {@code PAUSED}. */
    public PausedZones paused() {
        return paused;
    }

    private Run runLocked(ManagedZone zone, SyncMode mode, String reason) {
        if (paused.isPaused(zone.key())) {
            SyncOutcome skipped = new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.PAUSED, null, 0, 0, 0,
                    0, "paused: nothing read or applied");
            board.record(skipped);
            LOG.info("zone {} ({}): paused, skipped", zone.name(), reason);
            return new Run(skipped, false);
        }
        ReentrantLock lock = locks.computeIfAbsent(zone.key(), k -> new ReentrantLock());
        lock.lock();
        try {
            Run run = run(zone, mode);
            board.record(run.outcome());
            log(run.outcome(), reason);
            return run;
        } finally {
            lock.unlock();
        }
    }

    private Run run(ManagedZone zone, SyncMode mode) {
        DesiredState desired;
        try {
            desired = zone.source().fetch(mode.full());
        } catch (RuntimeException e) {
            desired = DesiredState.failed(null, null, zone.source().describe() + ": " + e);
        }
        if (desired.kind() == DesiredState.Kind.FAILED) {
            schedule.finished(zone, desired.timers(), false);
            return new Run(SyncOutcome.failed(zone, desired.serial(), "nothing applied: " + desired.detail()), false);
        }
        if (desired.kind() == DesiredState.Kind.UNCHANGED) {
            schedule.finished(zone, desired.timers(), true);
            return new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.UP_TO_DATE, desired.serial(),
                    0, 0, 0, 0, desired.detail()), false);
        }
        try {
            Run run = planAndApply(zone, desired, mode);
            schedule.finished(zone, desired.timers(), !run.outcome().result().isFailure());
            return run;
        } catch (RuntimeException e) {
            located.remove(zone.key());
            schedule.finished(zone, desired.timers(), false);
            return new Run(SyncOutcome.failed(zone, desired.serial(), "Route 53: " + e.getMessage()), true);
        }
    }

    private Run planAndApply(ManagedZone zone, DesiredState desired, SyncMode mode) {
        HostedZoneRef ref = located.computeIfAbsent(zone.key(), k -> new ZoneLocator(gateway).locate(zone.target()));
        HostedZonePlan planned = HostedZonePlan.make(gateway, ref, desired.snapshot(), zone.options());
        Plan plan = planned.plan();
        List<ChangeBatch> batches = planned.batches();
        long creates = plan.count(ChangeAction.CREATE);
        long updates = plan.count(ChangeAction.UPSERT);
        long deletes = plan.count(ChangeAction.DELETE);
        try {
            safety.check(plan, mode.force());
        } catch (UnsafePlanException e) {
            return new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.REFUSED, desired.serial(),
                    creates, updates, deletes, batches.size(), "refused: " + e.getMessage()), false);
        }
        if (plan.isEmpty()) {
            if (!mode.dryRun()) {
                zone.source().applied(desired);
            }
            return new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.IN_STEP, desired.serial(),
                    0, 0, 0, 0, "hosted zone " + ref.id() + " is in step; " + desired.detail()), false);
        }
        if (mode.dryRun()) {
            return new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.DRY_RUN, desired.serial(),
                    creates, updates, deletes, batches.size(), "dry run: nothing applied"), false);
        }
        ApplyResult result = gateway.apply(ref, batches, waitForInsync);
        if (!result.isComplete()) {
            String failures = result.failures().stream()
                    .map(f -> f.name() + " (" + f.changes() + " changes): " + f.message())
                    .collect(Collectors.joining("; "));
            return new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.FAILED, desired.serial(),
                    creates, updates, deletes, batches.size(), result.appliedChanges() + " changes applied to "
                    + ref.id() + ", Route 53 refused: " + failures), true);
        }
        zone.source().applied(desired);
        return new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.APPLIED, desired.serial(),
                creates, updates, deletes, batches.size(), result.appliedChanges() + " changes applied to "
                + ref.id() + " in " + result.changeIds().size() + " requests; " + desired.detail()), false);
    }

    private static void log(SyncOutcome outcome, String reason) {
        String line = "zone {} ({}): {} serial={} +{} ~{} -{} in {} batches: {}";
        Object[] args = {outcome.zoneName(), reason, outcome.result(), outcome.serial(), outcome.creates(),
                outcome.updates(), outcome.deletes(), outcome.batches(), outcome.message()};
        if (outcome.result().isFailure()) {
            LOG.warn(line, args);
        } else if (outcome.result() == SyncOutcome.Result.UP_TO_DATE) {
            LOG.debug(line, args);
        } else {
            LOG.info(line, args);
        }
    }

    private record Run(SyncOutcome outcome, boolean route53Failed) {
    }
}
