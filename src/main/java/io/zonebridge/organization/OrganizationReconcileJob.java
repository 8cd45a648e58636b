package io.zonebridge.organization;

import io.zonebridge.reverse.AutodefinedReverseJob;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.ReconcileReport;
import io.zonebridge.reverse.ReverseSyncException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code reverseReconcile} of the routes {@code reverse-reconcile} (timer) and {@code reverse-scheduled}
 * (EventBridge {@code Scheduled Event} messages on the reverse queue): one organisation reconcile at a time. A
 * trigger that arrives while one runs is skipped, logged and counted, since the running one already looks at
 * everything. A run takes the accounts (Organizations ListAccounts, or the configured list), then holds the
 * reverse zones' writer lock, shared with the event-driven syncs, for {@link OrganizationReconciler#reconcile}.
 * Failures of single accounts or zones are in the report (logged; the next run tries again); a run that could not
 * start (no account list) throws {@link ReverseSyncException}, so the triggering message stays queued. When
 * configured, each run starts with the {@link ReverseZoneCreation} and ends with the {@link AutodefinedReverseJob}.
 */
public final class OrganizationReconcileJob {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationReconcileJob.class);

    private final OrganizationReconciler reconciler;
    private final Supplier<List<String>> accounts;
    private final Lock writer;
    private final ReverseZoneCreation zones;
    private final AutodefinedReverseJob autodefined;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicReference<ReconcileReport> lastReport = new AtomicReference<>();

    /**
     * @param reconciler the organisation reconcile
     * @param accounts   the ids of the accounts to read (the network account is always read)
     * @param writer     the lock of the reverse zones' one writer
     */
    public OrganizationReconcileJob(OrganizationReconciler reconciler, Supplier<List<String>> accounts, Lock writer) {
        this(reconciler, accounts, writer, null, null);
    }

    /**
     * @param zones       the step before each run that creates missing reverse zones, or {@code null}
     * @param autodefined the step after each run that turns off autodefined reverse rules, or {@code null}
     */
    public OrganizationReconcileJob(OrganizationReconciler reconciler, Supplier<List<String>> accounts, Lock writer,
                                    ReverseZoneCreation zones, AutodefinedReverseJob autodefined) {
        this.reconciler = reconciler;
        this.accounts = accounts;
        this.writer = writer;
        this.zones = zones;
        this.autodefined = autodefined;
    }

    /**
     * Runs one reconcile unless one is running.
     *
     * @param trigger what asked for it (logged)
     * @return true when it ran, false when it was skipped
     * @throws ReverseSyncException when the accounts could not be listed or the run failed as a whole
     */
    public boolean run(String trigger) {
        if (!running.compareAndSet(false, true)) {
            long count = skipped.incrementAndGet();
            LOG.info("organisation reconcile ({}) skipped: one is running ({} skipped so far)", trigger, count);
            return false;
        }
        try {
            List<String> ids;
            try {
                ids = accounts.get();
            } catch (RuntimeException e) {
                throw new ReverseSyncException("organisation reconcile (" + trigger + "): cannot list the accounts: "
                        + e.getMessage(), e);
            }
            ReconcileReport report;
            writer.lock();
            try {
                if (zones != null) {
                    zones.run();
                }
                report = reconciler.reconcile(ids);
            } catch (RuntimeException e) {
                throw new ReverseSyncException("organisation reconcile (" + trigger + ") failed: " + e.getMessage(), e);
            } finally {
                writer.unlock();
            }
            lastReport.set(report);
            runs.incrementAndGet();
            LOG.info("organisation reconcile ({}): {} account(s), {} zone(s), {} address set(s): {} created, "
                            + "{} updated, {} deleted, {} blocked, {} unmatched address(es), {} failure(s) in {} ms",
                    trigger, report.accountsRead(), report.forwardZonesRead(), report.addressRecordSets(),
                    report.ptrsCreated(), report.ptrsUpdated(), report.ptrsDeleted(), report.blocked().size(),
                    report.unmatchedAddresses(), report.failures().size(), report.wallTime().toMillis());
            if (!report.failures().isEmpty() || !report.refusedZones().isEmpty()) {
                LOG.warn("organisation reconcile ({}) incomplete: failures {}, refused {}", trigger, report.failures(),
                        report.refusedZones());
            }
            if (autodefined != null) {
                autodefined.run(ids);
            }
            return true;
        } finally {
            running.set(false);
        }
    }

    /** Reconciles that ran to their end. */
    public long runs() {
        return runs.get();
    }

    /** Triggers skipped because a reconcile was running. */
    public long skipped() {
        return skipped.get();
    }

    /** Whether a reconcile is running now. */
    public boolean isRunning() {
        return running.get();
    }

    /** The report of the last completed reconcile, if any. */
    public Optional<ReconcileReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }
}
