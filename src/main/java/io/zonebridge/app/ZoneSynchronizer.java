package io.zonebridge.app;

import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.Plan;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.route53.ZoneLocator;
import io.zonebridge.sync.SyncEngine;
import io.zonebridge.sync.SyncReport;
import io.zonebridge.sync.SyncRequest;
import io.zonebridge.sync.ZoneRunQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code zoneSynchronizer}: hands each zone's work to the {@link SyncEngine}, one run per zone at a time
 * ({@link ZoneRunQueue}: the first work for an idle zone runs at once, work arriving meanwhile is merged into the
 * next run). A run fetches the desired zone from the zone's {@link DesiredStateSource} (the whole zone when a
 * verification is asked for or due, so drift is found even when the source's serial has not moved) and lets the
 * engine plan it against its view of the hosted zone: only what changed when the source knows that (an IXFR's
 * delta, {@link SyncEngine#syncChange}), else the whole zone. The outcome goes to the {@link ZoneStatusBoard} and the
 * {@link RefreshSchedule}. A source that fails yields nothing to plan, so nothing is applied and nothing deleted.
 */
public final class ZoneSynchronizer {

    /** The reason of work that asks for a verification read of the hosted zone (JMX verifyNow, the verify timer). */
    public static final String VERIFY = "verify";

    private static final Logger LOG = LoggerFactory.getLogger(ZoneSynchronizer.class);

    private final ZoneCatalog catalog;
    private final Route53Gateway gateway;
    private final SyncEngine engine;
    private final ZoneStatusBoard board;
    private final RefreshSchedule schedule;
    private final ZoneRunQueue<ZoneWork> runs = new ZoneRunQueue<>(ZoneWork::merge);
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, HostedZoneRef> located = new ConcurrentHashMap<>();
    private final PausedZones paused = new PausedZones();

    public ZoneSynchronizer(ZoneCatalog catalog, Route53Gateway gateway, SyncEngine engine, ZoneStatusBoard board,
                            RefreshSchedule schedule) {
        this.catalog = catalog;
        this.gateway = gateway;
        this.engine = engine;
        this.board = board;
        this.schedule = schedule;
    }

    /**
     * Camel entry point: runs the zone the work names now, or merges the work into the zone's next run when one is
     * in flight (then returns null at once).
     *
     * @throws ZoneSyncException when Route 53 failed (for redelivery); source failures wait for the retry timer
     */
    public SyncOutcome apply(ZoneWork work) {
        ManagedZone zone = catalog.byKey(work.zoneKey()).orElseThrow(() ->
                new IllegalArgumentException("work for unknown zone " + work.zoneKey()));
        Optional<Run> run = runs.submit(zone.key(), work, w -> runLocked(zone, SyncMode.SERVICE, w.reasons()));
        if (run.isEmpty()) {
            LOG.debug("zone {}: a run is in flight; {} merged into the next run", zone.name(), work.reasons());
            return null;
        }
        if (run.get().route53Failed()) {
            throw new ZoneSyncException(run.get().outcome().message());
        }
        return run.get().outcome();
    }

    /** One sync run of {@code zone} (for the command line); never throws. */
    public SyncOutcome sync(ManagedZone zone, SyncMode mode) {
        return runLocked(zone, mode, List.of("command")).outcome();
    }

    /** Work for every zone whose verification read is due ({@link ManagedZone#verifyEvery()}). */
    public List<ZoneWork> dueVerifications() {
        List<ZoneWork> due = new ArrayList<>();
        for (ManagedZone zone : catalog.zones()) {
            HostedZoneRef ref = located.get(zone.key());
            if (ref != null && !paused.isPaused(zone.key()) && engine.verificationDue(ref.id(), zone.verifyEvery())) {
                due.add(zone.work(VERIFY));
            }
        }
        return due;
    }

    /** Record sets verification reads found drifted in the zone since start. */
    public long driftFound(String zoneKey) {
        HostedZoneRef ref = located.get(zoneKey);
        return ref == null ? 0 : engine.driftFound(ref.id());
    }

    /** The zones paused over JMX: a run of a paused zone does nothing and reports {@code PAUSED}. */
    public PausedZones paused() {
        return paused;
    }

    private Run runLocked(ManagedZone zone, SyncMode mode, Collection<String> reasons) {
        String reason = String.join(",", reasons);
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
            Run run = run(zone, mode, reasons.contains(VERIFY));
            board.record(run.outcome());
            log(run.outcome(), reason);
            return run;
        } finally {
            lock.unlock();
        }
    }

    private Run run(ManagedZone zone, SyncMode mode, boolean verifyAsked) {
        HostedZoneRef known = located.get(zone.key());
        boolean verify = verifyAsked || known != null && engine.verificationDue(known.id(), zone.verifyEvery());
        DesiredState desired;
        long start = System.nanoTime();
        try {
            desired = zone.source().fetch(mode.full() || verify);
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
            Run run = planAndApply(zone, desired, mode, verify, (System.nanoTime() - start) / 1_000_000);
            schedule.finished(zone, desired.timers(), !run.outcome().result().isFailure());
            return run;
        } catch (RuntimeException e) {
            located.remove(zone.key());
            schedule.finished(zone, desired.timers(), false);
            return new Run(SyncOutcome.failed(zone, desired.serial(), "Route 53: " + e.getMessage()), true);
        }
    }

    private Run planAndApply(ManagedZone zone, DesiredState desired, SyncMode mode, boolean verify, long fetchMillis) {
        long start = System.nanoTime();
        HostedZoneRef ref = located.computeIfAbsent(zone.key(), k -> new ZoneLocator(gateway).locate(zone.target()));
        SyncRequest request = new SyncRequest(mode.force(), mode.dryRun(), verify, zone.verifyEvery());
        SyncReport report = desired.change() == null
                ? engine.sync(ref, desired.snapshot(), zone.options(), request)
                : engine.syncChange(ref, desired.change(), desired.whole(), zone.options(), request);
        Plan plan = report.plan();
        long creates = plan.count(ChangeAction.CREATE);
        long updates = plan.count(ChangeAction.UPSERT);
        long deletes = plan.count(ChangeAction.DELETE);
        String drift = report.drift() == 0 ? "" : "; verification found " + report.drift()
                + " record set(s) changed outside zonebridge";
        return switch (report.result()) {
            case REFUSED -> new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.REFUSED,
                    desired.serial(), creates, updates, deletes, report.batches(), "refused: " + report.detail()
                    + drift), false);
            case IN_STEP -> {
                if (!mode.dryRun()) {
                    zone.source().applied(desired);
                }
                yield new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.IN_STEP, desired.serial(),
                        0, 0, 0, 0, "hosted zone " + ref.id() + " is in step; " + desired.detail() + drift), false);
            }
            case DRY_RUN -> new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.DRY_RUN,
                    desired.serial(), creates, updates, deletes, report.batches(), "dry run: nothing applied" + drift),
                    false);
            case APPLIED -> applied(zone, desired, ref, report, creates, updates, deletes, drift + scope(desired, report)
                    + String.format("; source %d ms, plan and Route 53 %d ms", fetchMillis,
                    (System.nanoTime() - start) / 1_000_000));
        };
    }

    /** How much of the zone the run planned: only a change's names when it had a view to plan them against. */
    private static String scope(DesiredState desired, SyncReport report) {
        return desired.change() != null && report.fullReads() == 0
                ? "; planned only the " + desired.change().names().size() + " changed name(s)" : "";
    }

    private Run applied(ManagedZone zone, DesiredState desired, HostedZoneRef ref, SyncReport report, long creates,
                        long updates, long deletes, String drift) {
        var result = report.applied();
        if (!result.isComplete()) {
            String failures = result.failures().stream()
                    .map(f -> f.name() + " (" + f.changes() + " changes): " + f.message())
                    .collect(Collectors.joining("; "));
            return new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.FAILED, desired.serial(),
                    creates, updates, deletes, report.batches(), result.appliedChanges() + " changes applied to "
                    + ref.id() + ", Route 53 refused: " + failures + drift), true);
        }
        zone.source().applied(desired);
        return new Run(new SyncOutcome(zone.key(), zone.name(), SyncOutcome.Result.APPLIED, desired.serial(),
                creates, updates, deletes, report.batches(), result.appliedChanges() + " changes applied to "
                + ref.id() + " in " + result.changeIds().size() + " requests; " + desired.detail() + drift), false);
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
