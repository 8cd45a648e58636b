package io.zonebridge.reverse;

import io.zonebridge.model.Cidr;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.Planner;
import io.zonebridge.plan.SyncPolicy;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.sync.PartialDesired;
import io.zonebridge.sync.SyncEngine;
import io.zonebridge.sync.SyncReport;
import io.zonebridge.sync.SyncRequest;
import io.zonebridge.sync.ViewGeneration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
 *   <li>Per reverse hosted zone: the PTR keys the plan decides (wanted PTRs, stale managed PTRs) go to the account's
 *       {@link SyncEngine} as a {@link PartialDesired} (nothing else in the zone is touched): planned against the
 *       engine's view of the zone, checked by the safety limits (relative to the zone), sent as verified batches
 *       (DELETE exact + CREATE), a stale view re-read and re-planned (the PTRs decided again against what was
 *       read). The ledger claims names before they are written and releases them after they are deleted; it is
 *       read once per run ({@link OwnedPtrLedger#refresh}) and, when it cannot be read, nothing is written.</li>
 * </ol>
 * Every zone is read through the engine of its account (one per account, kept by this instance): the organisation
 * reconcile reads every zone whole (a verification: drift found is repaired), event runs ({@link #reconcileEvent})
 * then reuse those views: they read only the event's names in the member account and no reverse zone, unless its
 * view is older than {@link ReconcileSettings#verifyEvery()}.
 * When an account's forward zones could not all be read, the forward state is incomplete: a PTR that looks
 * stale may belong to an unread record, so that run only creates PTRs (no updates, no deletes) and says so.
 * A reverse zone that could not be read is never written. Several reverse hosted zones with one name
 * (private zones of different VPCs) are each planned against their own state; ownership is kept by zone name.
 * With a {@link SharedAccountReads} board (several replicas), step 1's member accounts are shared: this replica reads
 * the network account and the members it claims, the others ({@link SharedAccountHelper}) publish theirs, and this
 * one plans and writes alone.
 * Reuse one instance for many runs; each {@link #reconcile} call is independent.
 */
public final class OrganizationReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationReconciler.class);
    /** How often the leader looks for the reads other replicas published, once it has nothing left to read. */
    private static final Duration SHARED_POLL = Duration.ofMillis(500);
    private static final String READING = "organisation reconcile: reading an account";

    private final AccountRoute53 route53;
    private final OwnedPtrLedger ledger;
    private final ReconcileSettings settings;
    private final ViewGeneration generation;
    private final SharedAccountReads shared;
    private final ForwardAccountReader forwardReader;
    private final Map<String, SyncEngine> engines = new ConcurrentHashMap<>();
    private volatile List<HostedZoneRef> networkZones;

    /**
     * @param route53  Route 53 of each account
     * @param ledger   the PTRs zonebridge owns (consulted by the ownership policy of the settings, and kept up to date)
     * @param settings network account, prefixes, PTR options, safety, parallelism
     */
    public OrganizationReconciler(AccountRoute53 route53, OwnedPtrLedger ledger, ReconcileSettings settings) {
        this(route53, ledger, settings, null);
    }

    /**
     * A reconciler of one replica of several: the member accounts of {@link #reconcile} are shared with the other
     * replicas through {@code shared} ({@link SharedAccountHelper} reads them there); this replica reads the network
     * account, the accounts it claims, and those whose claim lapsed, and plans and writes the reverse zones alone.
     *
     * @param shared the board of the replicas, or {@code null}: every account is read here
     */
    public OrganizationReconciler(AccountRoute53 route53, OwnedPtrLedger ledger, ReconcileSettings settings,
                                  SharedAccountReads shared) {
        this(route53, ledger, settings, shared, new ViewGeneration());
    }

    /**
     * Like {@link #OrganizationReconciler(AccountRoute53, OwnedPtrLedger, ReconcileSettings, SharedAccountReads)},
     * with the views of its engines trusted only in the service's current {@code generation}.
     */
    public OrganizationReconciler(AccountRoute53 route53, OwnedPtrLedger ledger, ReconcileSettings settings,
                                  SharedAccountReads shared, ViewGeneration generation) {
        this.generation = Objects.requireNonNull(generation, "generation");
        this.route53 = Objects.requireNonNull(route53, "route53");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shared = shared;
        this.forwardReader = new ForwardAccountReader(route53);
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

        List<AccountRead> reads = shared == null || accounts.size() < 2 ? readAll(accounts) : readShared(accounts);
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
        int unmatched = writeReverse(forward, networkRead, complete, run, null, Set.of());

        Map<String, ApiCallStats> calls = new TreeMap<>();
        accounts.forEach(account -> calls.put(account, route53.calls(account).since(before.get(account))));
        reads.stream().filter(read -> read.remoteCalls != null)
                .forEach(read -> calls.merge(read.account, read.remoteCalls, ApiCallStats::plus));
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
        return reconcileNames(names, forward, readNetwork(), Set.of());
    }

    private ReconcileReport reconcileNames(Collection<String> names, Collection<RecordSet> forward,
                                           AccountRead networkRead, Set<String> releasedNames) {
        long started = System.nanoTime();
        String network = settings.networkAccount();
        ApiCallStats before = route53.calls(network);
        Run run = new Run();
        run.failures.addAll(networkRead.failures);
        int unmatched = networkRead.complete
                ? writeReverse(List.copyOf(forward), networkRead, true, run, Set.copyOf(names),
                releasedNames) : 0;
        return new ReconcileReport(networkRead.complete ? 1 : 0, 0, forward.size(), networkRead.reverseZones.size(),
                run.created.get(), run.updated.get(), run.deleted.get(), unmatched, run.blocked, run.refused,
                List.copyOf(run.missing), true, run.failures,
                Map.of(network, route53.calls(network).since(before)), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * One event run: makes the PTRs of {@code work}'s names right. The names (and, when a PTR at one of their
     * addresses names another record of the forward zone, that name too) are read in the forward zone's account by
     * name (ListResourceRecordSets from the name; the whole zone only when that is fewer requests); when the engine
     * has a view of the forward zone (from an organisation reconcile) its other A/AAAA records count as claimants
     * too. The reverse zones come from the network account's views (read whole only when missing or due).
     *
     * @param work        the names of one forward zone
     * @param forwardZone that zone, as listed in its account
     */
    public ReconcileReport reconcileEvent(ReverseWork work, HostedZoneRef forwardZone) {
        return reconcileEvent(work, forwardZone, Set.of());
    }

    /**
     * {@link #reconcileEvent(ReverseWork, HostedZoneRef)} for a job whose owners ended: a stale PTR owned in the
     * ledger that points only to {@code releasedNames} (record names whose owner the job's store names and which it
     * removed) is {@linkplain PartialDesired#released() released}, so its delete does not count against the
     * safety limits.
     */
    public ReconcileReport reconcileEvent(ReverseWork work, HostedZoneRef forwardZone, Set<String> releasedNames) {
        AccountRead networkRead = readNetwork();
        SyncEngine member = engine(work.account());
        Set<String> names = new TreeSet<>(work.names());
        List<RecordSet> read = new ArrayList<>(addressSets(member.readNames(forwardZone, names)));
        Set<String> addresses = new TreeSet<>(work.addressHints());
        read.forEach(set -> addresses.addAll(set.values()));
        rereadPtrs(networkRead, addresses);
        Set<String> claimants = otherClaimants(addresses, networkRead, forwardZone.name(), names);
        if (!claimants.isEmpty()) {
            read.addAll(addressSets(member.readNames(forwardZone, claimants)));
        }
        Collection<RecordSet> forward = member.known(forwardZone.id())
                .map(view -> (Collection<RecordSet>) addressSets(view.recordSets().values())).orElse(read);
        return reconcileNames(names, forward, networkRead, releasedNames);
    }

    /**
     * Re-reads, by name, the PTRs of {@code addresses} in the network account's views (an event is a hint: Route 53
     * is the truth for the names it concerns, a hand edit included); the whole zone when that is fewer requests.
     */
    private void rereadPtrs(AccountRead network, Set<String> addresses) {
        Map<HostedZoneRef, Set<String>> byZone = new LinkedHashMap<>();
        ptrLocations(network, addresses).forEach(location ->
                byZone.computeIfAbsent(location.getKey(), z -> new TreeSet<>()).add(location.getValue()));
        SyncEngine engine = engine(network.account);
        byZone.forEach((zone, ptrNames) -> {
            engine.readNames(zone, ptrNames);
            engine.known(zone.id()).ifPresent(view -> network.reverseZones.put(zone, view));
        });
    }

    /** The PTR names of {@code addresses}, each with every read reverse hosted zone of its zone name. */
    private List<Map.Entry<HostedZoneRef, String>> ptrLocations(AccountRead network, Set<String> addresses) {
        ReverseZoneIndex index = ReverseZoneIndex.of(reverseZones(network), settings.configuredPrefixes());
        List<Map.Entry<HostedZoneRef, String>> out = new ArrayList<>();
        for (String value : addresses) {
            InetAddress address;
            try {
                address = Cidr.parseAddress(value);
            } catch (IllegalArgumentException e) {
                continue;
            }
            index.locate(address).ifPresent(location -> network.reverseZones.keySet().stream()
                    .filter(zone -> zone.name().equals(location.zoneName()))
                    .forEach(zone -> out.add(Map.entry(zone, location.ptrName()))));
        }
        return out;
    }

    /** Names other than {@code names}, in the forward zone, that the current PTRs of the addresses point to. */
    private Set<String> otherClaimants(Set<String> addresses, AccountRead network, String forwardZoneName,
                                       Set<String> names) {
        Set<String> others = new TreeSet<>();
        for (Map.Entry<HostedZoneRef, String> location : ptrLocations(network, addresses)) {
            network.reverseZones.get(location.getKey()).get(PtrPlan.ptrKey(location.getValue()))
                    .ifPresent(ptr -> ptr.values().stream()
                            .map(RecordNameCodec::canonical)
                            .filter(name -> !names.contains(name) && name.endsWith("." + forwardZoneName))
                            .forEach(others::add));
        }
        return others;
    }

    private static List<RecordSet> addressSets(Collection<RecordSet> sets) {
        return sets.stream().filter(RecordSet::isAddress)
                .toList();
    }

    /** The network account's reverse zones as the event runs see them: listed once, through the views. */
    private AccountRead readNetwork() {
        AccountRead networkRead = new AccountRead(settings.networkAccount());
        try {
            List<HostedZoneRef> zones = networkZones;
            if (zones == null) {
                zones = List.copyOf(route53.gateway(settings.networkAccount()).listHostedZones());
                networkZones = zones;
            }
            readReverse(networkRead, zones, SyncRequest.NORMAL.withVerifyEvery(settings.verifyEvery()));
        } catch (RuntimeException e) {
            networkRead.fail("list hosted zones", e);
        }
        return networkRead;
    }

    /**
     * The engine of {@code account}: one per account, so its views live as long as this reconciler; its
     * verification reads are paced at {@link ReconcileSettings#verifyRate()} when set.
     */
    private SyncEngine engine(String account) {
        return engines.computeIfAbsent(account, id -> new SyncEngine(route53.gateway(id), settings.safety(),
                settings.waitForInsync(), settings.verifyRate() > 0 ? new AccountRateLimiter(settings.verifyRate())
                : null, Clock.systemUTC(), generation));
    }

    /** What one {@link #verifyReverseZones()} did. */
    public record Verification(int zonesRead, int ptrsRepaired, List<String> failures) {
    }

    /**
     * Verifies the network account's reverse zones whose view is older than {@link ReconcileSettings#verifyEvery()}
     * (timer {@code reverse-verify}): each is read whole (drift is counted by the engine), and the PTRs zonebridge
     * owns there that someone changed or deleted since are made to hold again what the view held before the read
     * (what zonebridge wrote, or last read and decided on). A zone without a view (after a restart) is only read:
     * its PTRs' right values are known again after the next reconcile or event run of their names. A PTR zonebridge
     * does not own is never touched; a name someone created by hand is left alone. Safety limits apply; a zone
     * that cannot be read or written is reported and tried at the next tick.
     */
    public Verification verifyReverseZones() {
        AccountRead network = new AccountRead(settings.networkAccount());
        List<HostedZoneRef> zones;
        try {
            zones = networkZones;
            if (zones == null) {
                zones = List.copyOf(route53.gateway(settings.networkAccount()).listHostedZones());
                networkZones = zones;
            }
        } catch (RuntimeException e) {
            return new Verification(0, 0, List.of("list hosted zones: " + e.getMessage()));
        }
        SyncEngine engine = engine(network.account);
        int read = 0;
        int repaired = 0;
        List<String> failures = new ArrayList<>();
        for (HostedZoneRef zone : zones) {
            if (!(zone.name().endsWith(".in-addr.arpa.") || zone.name().endsWith(".ip6.arpa."))
                    || !engine.verificationDue(zone.id(), settings.verifyEvery())) {
                continue;
            }
            try {
                Optional<ZoneSnapshot> before = engine.known(zone.id());
                engine.current(zone, SyncRequest.NORMAL.withVerify(true));
                read++;
                if (before.isEmpty()) {
                    continue;
                }
                ledger.refresh(List.of(zone.name()));
                List<RecordSet> owned = before.get().recordSets().values().stream()
                        .filter(set -> "PTR".equals(set.type()) && ledger.owns(zone.name(), set.name())).toList();
                if (owned.isEmpty()) {
                    continue;
                }
                SyncReport report = engine.syncPartial(zone, PartialDesired.of(owned, List.of()),
                        PlanOptions.defaults(), new SyncRequest(settings.force(), false, false, null));
                repaired += report.plan().changes().size();
                if (report.result() == SyncReport.Result.REFUSED) {
                    failures.add(zone.name() + " (" + zone.id() + "): refused: " + report.detail());
                } else if (report.incomplete()) {
                    failures.add(zone.name() + " (" + zone.id() + "): Route 53 refused: " + report.applied()
                            .failures().stream().map(f -> f.name() + ": " + f.message()).toList());
                }
            } catch (RuntimeException e) {
                failures.add(zone.name() + " (" + zone.id() + "): " + e.getMessage());
            }
        }
        return new Verification(read, repaired, List.copyOf(failures));
    }

    private static List<ReverseZone> reverseZones(AccountRead network) {
        List<ReverseZone> zones = new ArrayList<>();
        network.reverseZones.keySet().forEach(zone ->
                zones.add(new ReverseZone(zone.name(), zone.id(), zone.privateZone(), network.account)));
        network.unreadReverse.forEach(zone ->
                zones.add(new ReverseZone(zone.name(), zone.id(), zone.privateZone(), network.account)));
        return zones;
    }

    private ReaderPool readerPool(int accounts) {
        return new ReaderPool("zonebridge-reconcile", settings.parallelism(), accounts);
    }

    private List<AccountRead> readAll(Set<String> accounts) {
        try (ReaderPool pool = readerPool(accounts.size())) {
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
            throw new IllegalStateException(READING + " failed unexpectedly", e.getCause());
        }
    }

    /** One account's forward state (and, for the network account, its reverse zones). Never throws. */
    private AccountRead read(String account) {
        List<List<HostedZoneRef>> listed = new ArrayList<>(1);
        AccountRead read = AccountRead.of(forwardReader.read(account, zone -> engine(account).reread(zone), () -> {
        }, listed::add), null);
        if (account.equals(settings.networkAccount()) && !listed.isEmpty()) {
            networkZones = List.copyOf(listed.get(0));
            readReverse(read, listed.get(0), SyncRequest.NORMAL.withVerify(true));
        }
        return read;
    }

    /**
     * {@link #readAll} shared with the other replicas: opens a run on the board with the member accounts; this
     * replica reads the network account and claims members in turn (the others claim theirs from elsewhere in the
     * list), then collects what the others published, and reads itself every account nobody holds a live claim on
     * (its reader died). When the board cannot be reached the accounts still pending are read here.
     */
    private List<AccountRead> readShared(Set<String> accounts) {
        String network = settings.networkAccount();
        List<String> members = accounts.stream().filter(account -> !account.equals(network)).toList();
        String run;
        try {
            run = shared.open(members);
        } catch (RuntimeException e) {
            LOG.warn("organisation reconcile: the replicas' board cannot be reached ({}); reading every account here",
                    e.toString());
            return readAll(accounts);
        }
        Map<String, AccountRead> reads = new ConcurrentHashMap<>();
        ReaderPool pool = readerPool(accounts.size());
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            tasks.add(() -> {
                reads.put(network, read(network));
                return null;
            });
            members.forEach(account -> tasks.add(claimAndRead(run, account, reads)));
            pool.runAll(tasks, READING);
            Set<String> pending = new LinkedHashSet<>(members);
            pending.removeAll(reads.keySet());
            while (!pending.isEmpty()) {
                Set<String> claimable;
                try {
                    SharedAccountReads.Poll poll = shared.poll(run, pending);
                    poll.published().forEach((account, read) -> reads.put(account, AccountRead.of(read, read.calls())));
                    claimable = poll.claimable();
                } catch (RuntimeException e) {
                    LOG.warn("organisation reconcile: the replicas' board cannot be read ({}); reading the {} accounts"
                            + " still pending here", e.toString(), pending.size());
                    claimable = Set.copyOf(pending);
                }
                pending.removeAll(reads.keySet());
                List<Callable<Void>> takeOver = new ArrayList<>();
                claimable.stream().filter(pending::contains).forEach(account ->
                        takeOver.add(claimAndRead(run, account, reads)));
                pool.runAll(takeOver, READING);
                int before = pending.size();
                pending.removeAll(reads.keySet());
                if (!pending.isEmpty() && pending.size() == before) {
                    Thread.sleep(SHARED_POLL.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("organisation reconcile interrupted", e);
        } finally {
            pool.close();
            try {
                shared.close(run);
            } catch (RuntimeException e) {
                // left on the board: the next run's open() removes it
            }
        }
        List<AccountRead> ordered = new ArrayList<>();
        accounts.forEach(account -> ordered.add(reads.get(account)));
        return ordered;
    }

    /** Reads {@code account} here when this replica claims it (or the board cannot be reached), and marks it done. */
    private Callable<Void> claimAndRead(String run, String account, Map<String, AccountRead> reads) {
        return () -> {
            boolean mine;
            try {
                mine = shared.claim(run, account);
            } catch (RuntimeException e) {
                mine = true;
            }
            if (mine) {
                reads.put(account, read(account));
                try {
                    shared.done(run, account);
                } catch (RuntimeException e) {
                    // read here all the same; another replica may read it again, which changes nothing
                }
            }
            return null;
        };
    }

    /** Reads the reverse zones among {@code zones} into {@code read}, through the engine's views. */
    private void readReverse(AccountRead read, List<HostedZoneRef> zones, SyncRequest request) {
        for (HostedZoneRef zone : zones) {
            if (!ReverseZoneName.isReverse(zone.name())) {
                continue;
            }
            try {
                read.reverseZones.put(zone, engine(read.account).current(zone, request));
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
                             Set<String> names, Set<String> releasedNames) {
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
        Map<String, List<RecordSet>> forwardByZone = byReverseZone(forward, index);
        PlanOptions options = PlanOptions.defaults().withManagedTypes("PTR")
                .withPolicy(complete ? SyncPolicy.SYNC : SyncPolicy.CREATE_ONLY);

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
                    ZoneSnapshot planned = current.get(zoneName);
                    PtrPlan first = ptrPlan;
                    List<RecordSet> claimants = forwardByZone.getOrDefault(zoneName, List.of());
                    PartialDesired decided = held -> decisions(held == planned ? first
                            : names == null ? planner.plan(claimants, Map.of(zoneName, held))
                            : planner.planNames(names, claimants, Map.of(zoneName, held)), zoneName);
                    PartialDesired desired = decided.releasing(released(first, zoneName, releasedNames));
                    apply(network.account, zone, planned, desired, options, run);
                }
            }
        }
        return unmatched;
    }

    /**
     * The forward sets with an address in each reverse zone: a zone's PTRs depend on those alone, so re-planning one
     * zone against a fresh view (the engine's re-read) need not locate every address of the organisation again.
     */
    private static Map<String, List<RecordSet>> byReverseZone(List<RecordSet> forward, ReverseZoneIndex index) {
        Map<String, List<RecordSet>> byZone = new HashMap<>();
        for (RecordSet set : forward) {
            Set<String> zones = new HashSet<>(2);
            for (String value : set.values()) {
                try {
                    index.locate(Cidr.parseAddress(value)).ifPresent(location -> zones.add(location.zoneName()));
                } catch (IllegalArgumentException notAnAddress) {
                    // the planner reports it
                }
            }
            zones.forEach(zone -> byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(set));
        }
        return byZone;
    }

    /** Stale PTRs of the zone owned in the ledger that point only to released names. */
    private Set<RecordKey> released(PtrPlan plan, String zoneName, Set<String> releasedNames) {
        if (releasedNames.isEmpty()) {
            return Set.of();
        }
        Set<RecordKey> keys = new HashSet<>();
        for (RecordSet ptr : plan.stale(zoneName)) {
            if (ledger.owns(zoneName, ptr.name()) && ptr.values().stream()
                    .allMatch(value -> releasedNames.contains(RecordNameCodec.canonical(value)))) {
                keys.add(ptr.key());
            }
        }
        return keys;
    }

    /** The PTR keys a plan decides in one zone: the wanted PTRs, and its stale managed PTRs as absent. */
    private static Map<RecordKey, Optional<RecordSet>> decisions(PtrPlan plan, String zoneName) {
        Map<RecordKey, Optional<RecordSet>> decided = new LinkedHashMap<>();
        plan.stale(zoneName).forEach(ptr -> decided.put(ptr.key(), Optional.empty()));
        ZoneSnapshot wanted = plan.desired().get(zoneName);
        if (wanted != null) {
            wanted.recordSets().values().forEach(ptr -> decided.put(ptr.key(), Optional.of(ptr)));
        }
        return decided;
    }

    /** Sends one reverse zone's decisions through the engine, claiming names before and releasing after. */
    private void apply(String account, HostedZoneRef zone, ZoneSnapshot held, PartialDesired desired,
                       PlanOptions options, Run run) {
        Plan plan = new Planner(options).plan(PartialDesired.overlay(held, desired.against(held)), held);
        if (plan.isEmpty()) {
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
        SyncReport report;
        try {
            ledger.claim(zone.name(), written);
            report = engine(account).syncPartial(zone, desired, options,
                    new SyncRequest(settings.force(), false, false, null));
        } catch (RuntimeException e) {
            run.failures.add(failure(account, "apply to reverse zone " + zone.name() + " (" + zone.id() + ")", e));
            return;
        }
        Set<String> failedNames = new HashSet<>();
        Set<String> release = new TreeSet<>();
        if (report.result() == SyncReport.Result.REFUSED) {
            run.refused.add(report.detail());
            release.addAll(newlyClaimed);
        } else {
            for (ApplyResult.FailedGroup group : report.applied().failures()) {
                failedNames.add(group.name());
                run.failures.add(new ReconcileFailure(account, "apply " + group.name() + " in " + zone.name()
                        + " (" + zone.id() + ")", group.message()));
            }
            for (Change change : report.plan().changes()) {
                if (failedNames.contains(change.key().name())) {
                    continue;
                }
                switch (change.action()) {
                    case CREATE -> run.created.incrementAndGet();
                    case UPSERT -> run.updated.incrementAndGet();
                    case DELETE -> run.deleted.incrementAndGet();
                }
            }
            release.addAll(deleted);
            release.removeAll(failedNames);
            newlyClaimed.stream().filter(failedNames::contains).forEach(release::add);
        }
        try {
            ledger.release(zone.name(), release);
        } catch (RuntimeException e) {
            run.failures.add(failure(account, "record ownership of " + zone.name() + " (" + zone.id() + ")", e));
        }
    }

    private static ReconcileFailure failure(String account, String scope, RuntimeException e) {
        return ReconcileFailure.of(account, scope, e);
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
        /** The calls of the replica that read it, when not this one. */
        ApiCallStats remoteCalls;

        AccountRead(String account) {
            this.account = account;
        }

        static AccountRead of(AccountForward forward, ApiCallStats remoteCalls) {
            AccountRead read = new AccountRead(forward.account());
            read.addressSets.addAll(forward.addressSets());
            read.failures.addAll(forward.failures());
            read.zonesRead = forward.zonesRead();
            read.complete = forward.complete();
            read.remoteCalls = remoteCalls;
            return read;
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
