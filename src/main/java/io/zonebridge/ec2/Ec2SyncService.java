package io.zonebridge.ec2;

import io.zonebridge.model.RecordSet;
import io.zonebridge.reverse.ReverseSyncService;
import io.zonebridge.reverse.ReverseWork;
import io.zonebridge.route53.HostedZoneRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code ec2Sync} of the {@code ec2-dns} routes: one apply run for aggregated EC2 events of one account and
 * region. {@link InstanceLifecycle} turns them into record changes per hosted zone (the state store updated);
 * warnings (VPC DNS support or host names off, records another instance owns) are logged naming the resource;
 * private zones that need the instance's VPC are associated when configured; each zone's changes go through
 * {@link InstanceRecordWriter} (the sync engine); then the PTRs of the names changed in private
 * zones are made right by the reverse DNS path ({@link ReverseSyncService}: reverse-zone index, PTR planner, owned
 * ledger). Running instances without records are watched for late tags ({@link LateTagWatch}). Runs are
 * serialised, so each zone has one writer at a time.
 */
public final class Ec2SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(Ec2SyncService.class);

    private final InstanceLifecycle lifecycle;
    private final Ec2CandidateZones zones;
    private final InstanceRecordWriter writer;
    private final ReverseSyncService reverse;
    private final PrivateZoneAssociator associator;
    private final LateTagWatch lateTags;
    private final InstanceRecordStore store;
    private final AtomicLong runs = new AtomicLong();
    private Set<String> verifiedZones = Set.of();
    /** The account of the latest events: the job's one account (its zones are the service's own account's). */
    private String account = "self";
    private final AtomicLong warnings = new AtomicLong();

    /**
     * @param associator associates private zones with instances' VPCs, or null when that is switched off
     * @param store      the state store, read whole when a zone's verification is due
     */
    public Ec2SyncService(InstanceLifecycle lifecycle, Ec2CandidateZones zones, InstanceRecordWriter writer,
                          ReverseSyncService reverse, PrivateZoneAssociator associator, LateTagWatch lateTags,
                          InstanceRecordStore store) {
        this.lifecycle = lifecycle;
        this.zones = zones;
        this.writer = writer;
        this.reverse = reverse;
        this.associator = associator;
        this.lateTags = lateTags;
        this.store = store;
    }

    /**
     * Applies the events' record changes.
     *
     * @throws Ec2SyncException when a change could not be applied (the messages stay queued; handling the same
     *                          events again is safe)
     */
    public synchronized void apply(Ec2Work work) {
        run(work.account(), work.events(), work.events().size() + " event(s)");
    }

    /** Looks again at running instances still without records (timer of the late-tag retry). */
    public synchronized void recheckLateTags() {
        List<Ec2Event> due = lateTags.due();
        if (due.isEmpty()) {
            return;
        }
        try {
            run(due.get(0).account(), due, "late-tag retry of " + due.size() + " instance(s)");
        } catch (RuntimeException e) {
            LOG.warn("ec2: late-tag retry failed, tried again next time: {}", e.getMessage());
        }
    }

    /**
     * Verifies the zones the job keeps records in whose verification is due (timer {@code ec2-verify}): each is
     * read whole and the records of running instances are made right again where someone changed or deleted them
     * (drift is counted per zone by the engine; the PTRs of a private zone's records are checked by the reverse
     * path). Which zones hold the job's records comes from one Scan of the state store, made only when a zone
     * known from the last Scan is due, or none is known yet. A zone that fails is logged and tried at the next tick.
     */
    public synchronized void verifyDue() {
        if (!verifiedZones.isEmpty() && verifiedZones.stream().noneMatch(writer::verificationDue)) {
            return;
        }
        Map<String, List<RecordSet>> owned = store.ownedRecordsOfRunningInstances();
        verifiedZones = Set.copyOf(owned.keySet());
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<RecordSet>> entry : new TreeMap<>(owned).entrySet()) {
            if (!writer.verificationDue(entry.getKey())) {
                continue;
            }
            HostedZoneRef zone = zones.zone(entry.getKey()).orElse(null);
            if (zone == null) {
                continue;
            }
            try {
                InstanceRecordWriter.Outcome outcome = writer.verify(zone, entry.getValue());
                if (outcome.creates() + outcome.updates() > 0) {
                    LOG.warn("ec2: zone {} ({}) had drifted: {} record set(s) made right again", zone.name(),
                            zone.id(), outcome.creates() + outcome.updates());
                }
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
                continue;
            }
            if (zone.privateZone()) {
                reversePath(account, zone, entry.getValue(), List.of(), failures);
            }
        }
        if (!failures.isEmpty()) {
            LOG.warn("ec2: verification incomplete, tried again next time: {}", String.join("; ", failures));
        }
    }

    private void run(String account, List<Ec2Event> events, String what) {
        this.account = account;
        InstanceDnsChanges changes;
        try {
            changes = lifecycle.handleAll(events);
        } catch (RuntimeException e) {
            throw new Ec2SyncException("ec2: cannot handle " + what + ": " + e.getMessage(), e);
        }
        for (DnsWarning warning : changes.warnings()) {
            warnings.incrementAndGet();
            LOG.warn("ec2: {}", warning.message());
        }
        for (AssociationNeeded needed : changes.associationsNeeded()) {
            if (associator == null) {
                LOG.warn("ec2: private zone {} gets records of instances in VPC {} but is not associated with it "
                        + "(ec2.associateVpc is off): the VPC cannot resolve them", needed.hostedZoneId(),
                        needed.vpcId());
            } else if (associator.associate(needed)) {
                zones.invalidate();
            }
        }
        Set<String> zoneIds = new TreeSet<>(changes.upserts().keySet());
        zoneIds.addAll(changes.deletes().keySet());
        List<String> failures = new ArrayList<>();
        long creates = 0;
        long updates = 0;
        long deletes = 0;
        for (String zoneId : zoneIds) {
            HostedZoneRef zone = zones.zone(zoneId).orElse(null);
            if (zone == null) {
                zones.invalidate();
                zones.get();
                zone = zones.zone(zoneId).orElse(null);
            }
            if (zone == null) {
                LOG.warn("ec2: hosted zone {} is gone; its {} change(s) are dropped", zoneId,
                        changes.upserts().getOrDefault(zoneId, List.of()).size()
                                + changes.deletes().getOrDefault(zoneId, List.of()).size());
                continue;
            }
            List<RecordSet> up = changes.upserts().getOrDefault(zoneId, List.of());
            List<RecordSet> down = changes.deletes().getOrDefault(zoneId, List.of());
            try {
                InstanceRecordWriter.Outcome outcome = writer.apply(zone, up, down);
                creates += outcome.creates();
                updates += outcome.updates();
                deletes += outcome.deletes();
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
                continue;
            }
            if (zone.privateZone()) {
                reversePath(account, zone, up, down, failures);
            }
        }
        Set<String> bare = new HashSet<>(changes.withoutRecords());
        lateTags.update(events, bare);
        runs.incrementAndGet();
        LOG.info("ec2: {} ({} event(s)): {} zone(s), +{} ~{} -{} record sets, {} PTR pair(s) to keep, {} to drop, "
                        + "{} instance(s) awaiting tags", what, events.size(), zoneIds.size(), creates, updates,
                deletes, changes.ptrUpserts().size(), changes.ptrDeletes().size(), lateTags.size());
        if (!failures.isEmpty()) {
            throw new Ec2SyncException("ec2: " + what + " incomplete: " + String.join("; ", failures));
        }
    }

    private void reversePath(String account, HostedZoneRef zone, List<RecordSet> up, List<RecordSet> down,
                             List<String> failures) {
        Set<String> names = new TreeSet<>();
        Set<String> addresses = new TreeSet<>();
        Set<String> released = new TreeSet<>();
        for (List<RecordSet> sets : List.of(up, down)) {
            for (RecordSet set : sets) {
                if (set.isAddress()) {
                    names.add(set.name());
                    addresses.addAll(set.values());
                    if (sets == down) {
                        released.add(set.name());
                    }
                }
            }
        }
        up.forEach(set -> released.remove(set.name()));
        if (names.isEmpty()) {
            return;
        }
        try {
            reverse.applyReleasing(new ReverseWork(account, zone.id(), List.copyOf(names), List.copyOf(addresses)),
                    released);
        } catch (RuntimeException e) {
            failures.add("PTRs of zone " + zone.name() + ": " + e.getMessage());
        }
    }

    /** Apply runs completed so far. */
    public long runs() {
        return runs.get();
    }

    /** Warnings logged so far (VPC DNS settings, records owned by another instance, ...). */
    public long warnings() {
        return warnings.get();
    }

    /** Instances watched for late tags now. */
    public int awaitingTags() {
        return lateTags.size();
    }
}
