package io.zonebridge.reverse;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.Planner;
import io.zonebridge.plan.SyncPolicy;
import io.zonebridge.plan.UnsafePlanException;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The organisation reconcile: makes the reverse zones of the network account hold the PTRs that the A/AAAA
 * records of every private forward zone of every account call for, and removes stale PTRs zonebridge owns.
 *
 * <ol>
 *   <li>Every account in parallel (a bounded pool of {@link ReconcileSettings#parallelism()} threads), each
 *       through its own gateway and so its own rate limiter: ListHostedZones, then every private zone not
 *       under {@code .arpa.} read whole; its non-alias A/AAAA record sets are the forward state. The network
 *       account's task then reads its reverse zones (hosted zones under {@code in-addr.arpa.}/{@code ip6.arpa.}).</li>
 *   <li>{@link ReverseZoneIndex} over those zones and the configured prefixes, then {@link PtrPlanner} with
 *       the ownership policy and conflict rule → per reverse zone the desired PTRs and the managed part of
 *       the current zone.</li>
 *   <li>Per reverse hosted zone: {@link Planner} under {@link SyncPolicy#SYNC} over that managed view (so the
 *       only deletes are stale managed PTRs and nothing else in the zone is touched), {@link io.zonebridge.plan.SafetyLimits}
 *       (relative to the managed PTRs), {@link ChangeBatcher}, {@link Route53Gateway#apply}. The ledger claims
 *       names before they are written and releases them after they are deleted; it is read once per run
 *       ({@link OwnedPtrLedger#refresh}) and, when it cannot be read, nothing is written.</li>
 * </ol>
 * When an account's forward zones could not all be read, the forward state is incomplete: a PTR that looks
 * stale may belong to an unread record, so that run only creates PTRs (no updates, no deletes) and says so.
 * A reverse zone that could not be read is never written. Several reverse hosted zones with one name
 * (private zones of different VPCs) are each planned against their own state; ownership is kept by zone name.
 * Reuse one instance for many runs; each {@link #reconcile} call is independent.
 */
public final class OrganizationReconciler {

    private final AccountRoute53 route53;
    private final OwnedPtrLedger ledger;
    private final ReconcileSettings settings;

    /**
     * @param route53  Route 53 of each account
     * @param ledger   the PTRs zonebridge owns (consulted by the ownership policy of the settings, and kept up to date)
     * @param settings network account, prefixes, PTR options, safety, parallelism
     */
    public OrganizationReconciler(AccountRoute53 route53, OwnedPtrLedger ledger, ReconcileSettings settings) {
        this.route53 = Objects.requireNonNull(route53, "route53");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Runs one reconcile over {@code accountIds} (the network account is read too, listed or not). */
    public ReconcileReport reconcile(Collection<String> accountIds) {
        long started = System.nanoTime();
        String network = settings.networkAccount();
        Set<String> accounts = new LinkedHashSet<>();
        accounts.add(network); // first: it has the most to read (its reverse zones too), within one account's rate
        accounts.addAll(accountIds);
        Map<String, ApiCallStats> before = new HashMap<>();
        accounts.forEach(account -> before.put(account, route53.calls(account)));

        List<AccountRead> reads = readAll(accounts);
        Run run = new Run();
        List<RecordSet> forward = new ArrayList<>();
        int accountsRead = 0;
        int zonesRead = 0;
        boolean complete = true;
        AccountRead networkRead = null;
        for (AccountRead read : reads) {
            forward.addAll(read.addressSets);
            zonesRead += read.zonesRead;
            run.failures.addAll(read.failures);
            if (read.complete) {
                accountsRead++;
            } else {
                complete = false;
            }
            if (read.account.equals(network)) {
                networkRead = read;
            }
        }
        Objects.requireNonNull(networkRead, "network account read");
        int unmatched = writeReverse(forward, networkRead, complete, run, null);

        Map<String, ApiCallStats> calls = new TreeMap<>();
        accounts.forEach(account -> calls.put(account, route53.calls(account).since(before.get(account))));
        return new ReconcileReport(accountsRead, zonesRead, forward.size(), networkRead.reverseZones.size(),
                run.created.get(), run.updated.get(), run.deleted.get(), unmatched, run.blocked, run.refused,
                List.copyOf(run.missing), complete, run.failures, calls, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The event-driven variant: makes the PTRs that concern {@code names} right (see
     * {@link PtrPlanner#planNames}), given the forward A/AAAA record sets the caller read. Only the network
     * account's reverse zones are read; ownership, safety, batching and the ledger work as in {@link #reconcile}.
     * PTRs of names outside {@code forward} that claim the same addresses are not seen (the full reconcile
     * settles such cross-zone conflicts).
     *
     * @param names   canonical record names whose PTRs are recomputed
     * @param forward the current A/AAAA record sets in scope (at least those of {@code names})
     */
    public ReconcileReport reconcileNames(Collection<String> names, Collection<RecordSet> forward) {
        long started = System.nanoTime();
        String network = settings.networkAccount();
        ApiCallStats before = route53.calls(network);
        AccountRead networkRead = new AccountRead(network);
        try {
            Route53Gateway gateway = route53.gateway(network);
            readReverse(networkRead, gateway, gateway.listHostedZones());
        } catch (RuntimeException e) {
            networkRead.fail("list hosted zones", e);
        }
        Run run = new Run();
        run.failures.addAll(networkRead.failures);
        int unmatched = networkRead.complete
                ? writeReverse(List.copyOf(forward), networkRead, true, run, Set.copyOf(names)) : 0;
        return new ReconcileReport(networkRead.complete ? 1 : 0, 0, forward.size(), networkRead.reverseZones.size(),
                run.created.get(), run.updated.get(), run.deleted.get(), unmatched, run.blocked, run.refused,
                List.copyOf(run.missing), true, run.failures,
                Map.of(network, route53.calls(network).since(before)), Duration.ofNanos(System.nanoTime() - started));
    }

    private List<AccountRead> readAll(Set<String> accounts) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallelism(), accounts.size()), runnable -> {
            Thread thread = new Thread(runnable, "zonebridge-reconcile");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<AccountRead>> futures = new ArrayList<>();
            for (String account : accounts) {
                futures.add(pool.submit(() -> read(account)));
            }
            List<AccountRead> reads = new ArrayList<>();
            for (Future<AccountRead> future : futures) {
                reads.add(future.get());
            }
            return reads;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("organisation reconcile interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("organisation reconcile: reading an account failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One account's forward state (and, for the network account, its reverse zones). Never throws. */
    private AccountRead read(String account) {
        AccountRead read = new AccountRead(account);
        Route53Gateway gateway;
        List<HostedZoneRef> zones;
        try {
            gateway = route53.gateway(account);
            zones = gateway.listHostedZones();
        } catch (RuntimeException e) {
            read.fail("list hosted zones", e);
            return read;
        }
        for (HostedZoneRef zone : zones) {
            if (!zone.privateZone() || zone.name().endsWith(".arpa.") || zone.name().equals("arpa.")) {
                continue;
            }
            try {
                ZoneSnapshot snapshot = gateway.readZone(zone);
                read.zonesRead++;
                for (RecordSet set : snapshot.recordSets().values()) {
                    if (("A".equals(set.type()) || "AAAA".equals(set.type())) && !set.isAlias()) {
                        read.addressSets.add(set);
                    }
                }
            } catch (RuntimeException e) {
                read.fail("read zone " + zone.name() + " (" + zone.id() + ")", e);
            }
        }
        if (account.equals(settings.networkAccount())) {
            readReverse(read, gateway, zones);
        }
        return read;
    }

    /** Reads the reverse zones among {@code zones} into {@code read}. */
    private static void readReverse(AccountRead read, Route53Gateway gateway, List<HostedZoneRef> zones) {
        for (HostedZoneRef zone : zones) {
            if (!ReverseZoneName.isReverse(zone.name())) {
                continue;
            }
            try {
                read.reverseZones.put(zone, gateway.readZone(zone));
            } catch (RuntimeException e) {
                read.failures.add(failure(read.account, "read reverse zone " + zone.name() + " (" + zone.id() + ")", e));
                read.unreadReverse.add(zone);
            }
        }
    }

    /**
     * Plans and applies every reverse hosted zone (only the PTRs concerning {@code names} unless it is null);
     * returns the number of unmatched addresses.
     */
    private int writeReverse(List<RecordSet> forward, AccountRead network, boolean complete, Run run,
                             Set<String> names) {
        List<ReverseZone> reverseZones = new ArrayList<>();
        Map<String, HostedZoneRef> refs = new HashMap<>();
        Map<String, List<HostedZoneRef>> byName = new TreeMap<>();
        for (HostedZoneRef zone : network.reverseZones.keySet()) {
            reverseZones.add(new ReverseZone(zone.name(), zone.id(), zone.privateZone(), network.account));
            refs.put(zone.id(), zone);
            byName.computeIfAbsent(zone.name(), n -> new ArrayList<>()).add(zone);
        }
        byName.values().forEach(list -> list.sort((a, b) -> a.id().compareTo(b.id())));
        network.unreadReverse.forEach(zone ->
                reverseZones.add(new ReverseZone(zone.name(), zone.id(), zone.privateZone(), network.account)));
        try {
            ledger.refresh(byName.keySet());
        } catch (RuntimeException e) {
            run.failures.add(failure(network.account, "read PTR ownership", e));
            return 0; // which PTRs are zonebridge's is unknown: write nothing
        }
        ReverseZoneIndex index = ReverseZoneIndex.of(reverseZones, settings.configuredPrefixes());
        PtrPlanner planner = new PtrPlanner(index, settings.ptr());
        Planner diff = new Planner(PlanOptions.defaults().withManagedTypes("PTR")
                .withPolicy(complete ? SyncPolicy.SYNC : SyncPolicy.CREATE_ONLY));

        int rounds = byName.values().stream().mapToInt(List::size).max().orElse(0);
        int unmatched = 0;
        for (int round = 0; round == 0 || round < rounds; round++) {
            Map<String, ZoneSnapshot> current = new HashMap<>();
            Map<String, HostedZoneRef> target = new HashMap<>();
            for (Map.Entry<String, List<HostedZoneRef>> entry : byName.entrySet()) {
                if (round < entry.getValue().size()) {
                    HostedZoneRef zone = entry.getValue().get(round);
                    current.put(entry.getKey(), network.reverseZones.get(zone));
                    target.put(entry.getKey(), zone);
                }
            }
            PtrPlan ptrPlan = names == null ? planner.plan(forward, current)
                    : planner.planNames(names, forward, current);
            if (round == 0) {
                unmatched = ptrPlan.unmatchedAddresses().size();
                run.missing.addAll(ptrPlan.unreadZones());
            }
            run.blocked.addAll(ptrPlan.blocked());
            for (String zoneName : ptrPlan.zoneNames()) {
                HostedZoneRef zone = target.get(zoneName);
                if (zone != null) {
                    Plan plan = diff.plan(ptrPlan.desired().get(zoneName), ptrPlan.managedCurrent().get(zoneName));
                    apply(network.account, route53.gateway(network.account), zone, plan, run);
                }
            }
        }
        return unmatched;
    }

    private void apply(String account, Route53Gateway gateway, HostedZoneRef zone, Plan plan, Run run) {
        if (plan.isEmpty()) {
            return;
        }
        try {
            settings.safety().check(plan, settings.force());
        } catch (UnsafePlanException e) {
            run.refused.add(e.getMessage());
            return;
        }
        Set<String> written = new TreeSet<>();
        Set<String> newlyClaimed = new TreeSet<>();
        Set<String> deleted = new TreeSet<>();
        for (Change change : plan.changes()) {
            String name = change.key().name();
            if (change.action() == ChangeAction.DELETE) {
                deleted.add(name);
            } else {
                written.add(name);
                if (!ledger.owns(zone.name(), name)) {
                    newlyClaimed.add(name);
                }
            }
        }
        deleted.removeAll(written);
        ApplyResult result;
        try {
            List<ChangeBatch> batches = new ChangeBatcher(settings.batchLimits()).batches(plan);
            ledger.claim(zone.name(), written);
            result = gateway.apply(zone, batches, settings.waitForInsync());
        } catch (RuntimeException e) {
            run.failures.add(failure(account, "apply to reverse zone " + zone.name() + " (" + zone.id() + ")", e));
            return;
        }
        Set<String> failedNames = new HashSet<>();
        for (ApplyResult.FailedGroup group : result.failures()) {
            failedNames.add(group.name());
            run.failures.add(new ReconcileFailure(account, "apply " + group.name() + " in " + zone.name()
                    + " (" + zone.id() + ")", group.message()));
        }
        for (Change change : plan.changes()) {
            if (failedNames.contains(change.key().name())) {
                continue;
            }
            switch (change.action()) {
                case CREATE -> run.created.incrementAndGet();
                case UPSERT -> run.updated.incrementAndGet();
                case DELETE -> run.deleted.incrementAndGet();
            }
        }
        Set<String> release = new TreeSet<>(deleted);
        release.removeAll(failedNames);
        for (String name : newlyClaimed) {
            if (failedNames.contains(name)) {
                release.add(name);
            }
        }
        try {
            ledger.release(zone.name(), release);
        } catch (RuntimeException e) {
            run.failures.add(failure(account, "record ownership of " + zone.name() + " (" + zone.id() + ")", e));
        }
    }

    private static ReconcileFailure failure(String account, String scope, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ReconcileFailure(account, scope, message);
    }

    /** What reading one account produced. */
    private static final class AccountRead {
        final String account;
        final List<RecordSet> addressSets = new ArrayList<>();
        final List<ReconcileFailure> failures = new ArrayList<>();
        final Map<HostedZoneRef, ZoneSnapshot> reverseZones = new HashMap<>();
        final List<HostedZoneRef> unreadReverse = new ArrayList<>();
        int zonesRead;
        boolean complete = true;

        AccountRead(String account) {
            this.account = account;
        }

        void fail(String scope, RuntimeException e) {
            failures.add(failure(account, scope, e));
            complete = false;
        }
    }

    /** What writing the reverse zones produced (single-threaded). */
    private static final class Run {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger updated = new AtomicInteger();
        final AtomicInteger deleted = new AtomicInteger();
        final List<BlockedPtr> blocked = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final Set<String> missing = new TreeSet<>();
        final List<ReconcileFailure> failures = new ArrayList<>();
    }
}
