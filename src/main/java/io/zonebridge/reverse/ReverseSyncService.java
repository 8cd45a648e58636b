package io.zonebridge.reverse;

import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code reverseSync} of the {@code reverse-ingest} route: one PTR sync run for aggregated work of one forward
 * zone. Events are hints: {@link OrganizationReconciler#reconcileEvent} reads the affected names' current A/AAAA
 * record sets from Route 53 (by name) and computes their PTRs against the engine's views of the network account's
 * reverse zones (ownership policy, conflict rule, safety limits, change batches, the gateway's rate limit
 * and retries). The forward zone is read in the account the event came from (a member account through its assumed
 * role), the PTRs are written in the network account. Whether a forward zone is private is looked up once and
 * cached; public zones and zones that no longer exist are skipped and counted. Runs hold the writer lock they share
 * with the organisation reconcile: one writer of the reverse zones at a time.
 */
public final class ReverseSyncService {

    private static final Logger LOG = LoggerFactory.getLogger(ReverseSyncService.class);

    private final AccountRoute53 route53;
    private final OrganizationReconciler reconciler;
    private final Lock writer;
    private final Map<String, HostedZoneRef> forwardZones = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong skippedPublic = new AtomicLong();
    private final AtomicLong skippedMissing = new AtomicLong();
    private final AtomicReference<ReconcileReport> lastReport = new AtomicReference<>();

    /**
     * @param route53    Route 53 of every account
     * @param reconciler plans and writes the PTRs in the network account
     * @param writer     the lock of the reverse zones' one writer
     */
    public ReverseSyncService(AccountRoute53 route53, OrganizationReconciler reconciler, Lock writer) {
        this.route53 = route53;
        this.reconciler = reconciler;
        this.writer = writer;
    }

    /**
     * Applies the work: afterwards the PTRs of its names match Route 53's current forward records.
     *
     * @throws ReverseSyncException when Route 53 could not be read or a change failed (the messages stay queued)
     */
    public void apply(ReverseWork work) {
        applyReleasing(work, Set.of());
    }

    /**
     * {@link #apply(ReverseWork)} for the EC2 job (a name of its own: the route calls {@code apply} by
     * name): stale PTRs it owns that point only to
     * {@code releasedNames} (records of ended instances) are released (see
     * {@link OrganizationReconciler#reconcileEvent(ReverseWork, HostedZoneRef, Set)}).
     */
    public void applyReleasing(ReverseWork work, Set<String> releasedNames) {
        writer.lock();
        try {
            applyLocked(work, releasedNames);
        } finally {
            writer.unlock();
        }
    }

    private void applyLocked(ReverseWork work, Set<String> releasedNames) {
        Optional<HostedZoneRef> zone;
        try {
            zone = forwardZone(route53.gateway(work.account()), work);
        } catch (RuntimeException e) {
            throw new ReverseSyncException("reverse sync of " + work.zoneKey() + ": cannot list the forward zones: "
                    + e.getMessage(), e);
        }
        if (zone.isEmpty() || !zone.get().privateZone()) {
            (zone.isEmpty() ? skippedMissing : skippedPublic).incrementAndGet();
            LOG.info("reverse sync: forward zone {} is {}: {} name(s) skipped", work.zoneKey(),
                    zone.isEmpty() ? "gone" : "public", work.names().size());
            return;
        }
        ReconcileReport report;
        try {
            report = reconciler.reconcileEvent(work, zone.get(), releasedNames);
        } catch (RuntimeException e) {
            throw new ReverseSyncException("reverse sync of " + work.zoneKey() + ": cannot read the forward zone: "
                    + e.getMessage(), e);
        }
        lastReport.set(report);
        runs.incrementAndGet();
        LOG.info("reverse sync of {} ({} name(s)): {} created, {} updated, {} deleted, {} blocked, "
                        + "{} unmatched address(es)", work.zoneKey(), work.names().size(), report.ptrsCreated(), report.ptrsUpdated(), report.ptrsDeleted(),
                report.blocked().size(), report.unmatchedAddresses());
        if (!report.failures().isEmpty() || !report.refusedZones().isEmpty()) {
            throw new ReverseSyncException("reverse sync of " + work.zoneKey() + " incomplete: failures "
                    + report.failures() + ", refused " + report.refusedZones());
        }
    }

    /**
     * Verifies the reverse zones whose verification is due (timer {@code reverse-verify}; see
     * {@link OrganizationReconciler#verifyReverseZones()}), holding the writer lock; what was repaired is logged, a
     * failure is a WARN and the zone is tried again at the next tick.
     */
    public void verifyDue() {
        OrganizationReconciler.Verification verification;
        writer.lock();
        try {
            verification = reconciler.verifyReverseZones();
        } finally {
            writer.unlock();
        }
        if (verification.ptrsRepaired() > 0) {
            LOG.warn("reverse: {} owned PTR(s) changed or deleted by hand were made right again ({} zone(s) read)",
                    verification.ptrsRepaired(), verification.zonesRead());
        }
        if (!verification.failures().isEmpty()) {
            LOG.warn("reverse: verification incomplete, tried again next time: {}", verification.failures());
        }
    }

    /** Sync runs completed so far. */
    public long runs() {
        return runs.get();
    }

    /** Work skipped because its forward zone is public. */
    public long skippedPublicZones() {
        return skippedPublic.get();
    }

    /** Work skipped because its forward zone no longer exists. */
    public long skippedMissingZones() {
        return skippedMissing.get();
    }

    /** The report of the last completed run, if any. */
    public Optional<ReconcileReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    private Optional<HostedZoneRef> forwardZone(Route53Gateway gateway, ReverseWork work) {
        HostedZoneRef cached = forwardZones.get(work.zoneKey());
        if (cached != null) {
            return Optional.of(cached);
        }
        for (HostedZoneRef zone : gateway.listHostedZones()) {
            forwardZones.put(work.account() + "/" + zone.id(), zone);
        }
        return Optional.ofNullable(forwardZones.get(work.zoneKey()));
    }
}
