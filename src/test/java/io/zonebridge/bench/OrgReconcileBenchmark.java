package io.zonebridge.bench;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.testpeers.MotoServer;
import io.zonebridge.organization.AccountCredentials;
import io.zonebridge.organization.AccountSelection;
import io.zonebridge.organization.AssumeRoleSettings;
import io.zonebridge.organization.AssumedRoleRoute53;
import io.zonebridge.organization.AwsAccount;
import io.zonebridge.organization.TestOrganization;
import io.zonebridge.organization.OrganizationAccounts;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileReport;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.AccountRateLimiters;
import io.zonebridge.route53.Route53ClientFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark (not a test): the organisation reconcile over {@code A} accounts × {@code Z} private zones ×
 * {@code R} A records (default 50 × 4 × 1,000) against the project's local emulator with its Route 53 throttle at
 * the per-account rate, or a moto_server (Organizations, STS and Route 53 per account), which it starts. Account {@code a}'s addresses are {@code 10.a.x.y}; the network account holds one
 * reverse zone {@code a.10.in-addr.arpa.} per account. Runs the reconcile twice (all PTRs created, then
 * converged) and prints Route 53 requests by operation against the minimum the shape allows, and wall time.
 *
 * <p>Arguments: {@code [accounts] [zonesPerAccount] [recordsPerZone] [ratePerAccount] [parallelism] [emulator|moto]}.
 * The setup uses the plain SDK.
 */
public final class OrgReconcileBenchmark {

    /** Key of the network account's minimum calls (the busiest account) in the minimum maps. */
    private static final String NETWORK_MINIMUM = "network account";

    private OrgReconcileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int zones = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 5.0;
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : ReconcileSettings.DEFAULT_PARALLELISM;
        if (records > 1000 || zones * ((records + 249) / 250) > 256) {
            throw new IllegalArgumentException("at most 1,000 records per zone and 256 /24s per account");
        }
        boolean onMoto = args.length > 5 && args[5].equals("moto");
        Path state = Files.createTempDirectory("org-bench-");
        MotoServer moto = onMoto ? MotoServer.start() : null;
        LocalAwsServer emulator = onMoto ? null
                : new LocalAwsServer(LocalRoute53Options.defaults().withRequestsPerSecond((int) Math.ceil(rate)));
        if (emulator != null) {
            emulator.start(0);
        }
        URI endpoint = onMoto ? moto.endpoint() : URI.create(emulator.endpoint());
        System.out.println("server: " + (onMoto ? "moto_server" : "local emulator, throttle "
                + (int) Math.ceil(rate) + "/s per account") + " at " + endpoint);
        try (TestOrganization org = new TestOrganization(endpoint)) {
            long setupStart = System.nanoTime();
            List<String> ids = new ArrayList<>();
            ids.add(TestOrganization.MANAGEMENT);
            for (int a = 1; a < accounts; a++) {
                ids.add(org.createAccount("bench" + a));
            }
            setUp(org, ids, zones, records, rate, onMoto);
            System.out.printf(Locale.ROOT, "setup: %d accounts x %d private zones x %,d A records, %d reverse zones, in %.1f s%n",
                    accounts, zones, records, accounts, (System.nanoTime() - setupStart) / 1e9);

            AccountRateLimiters limiters = new AccountRateLimiters(rate);
            int forwardPages = (records + 2 + 299) / 300;
            int ptrsPerReverse = zones * records;
            Map<String, Long> minFirst = new LinkedHashMap<>();
            minFirst.put("ListHostedZones", (long) accounts * 1);
            minFirst.put("ListResourceRecordSets", (long) accounts * zones * forwardPages + accounts);
            minFirst.put("ChangeResourceRecordSets", (long) accounts * ((ptrsPerReverse + 999) / 1000));
            Map<String, Long> minSecond = new LinkedHashMap<>();
            minSecond.put("ListHostedZones", (long) accounts);
            minSecond.put("ListResourceRecordSets", (long) accounts * zones * forwardPages
                    + (long) accounts * ((ptrsPerReverse + 2 + 299) / 300));
            minSecond.put("ChangeResourceRecordSets", 0L);
            long networkOwn = 1 + (long) zones * forwardPages;
            minFirst.put(NETWORK_MINIMUM, networkOwn + accounts + (long) accounts * ((ptrsPerReverse + 999) / 1000));
            minSecond.put(NETWORK_MINIMUM, networkOwn + (long) accounts * ((ptrsPerReverse + 2 + 299) / 300));
            HeapPeak heap = HeapPeak.start();
            print("run 1 (create all PTRs)", run(org, endpoint, limiters, state, parallelism), minFirst, rate,
                    parallelism, heap);
            print("run 2 (converged)", run(org, endpoint, limiters, state, parallelism), minSecond, rate,
                    parallelism, heap);
        } finally {
            if (moto != null) {
                moto.close();
            }
            if (emulator != null) {
                emulator.stop();
            }
            try (var files = Files.list(state)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(state);
        }
    }

    private static ReconcileReport run(TestOrganization org, URI endpoint, AccountRateLimiters limiters, Path state,
                                       int parallelism) {
        JsonFileOwnedPtrLedger ledger = new JsonFileOwnedPtrLedger(state.resolve("owned.json"));
        ReconcileSettings settings = ReconcileSettings.defaults(TestOrganization.MANAGEMENT,
                PtrOptions.defaults(OwnershipPolicy.ownedOnly(ledger))).withParallelism(parallelism);
        try (OrganizationAccounts accounts = OrganizationAccounts.connect(org.endpoint(), AccountSelection.ALL);
             AccountCredentials credentials = AccountCredentials.connect(org.endpoint(), TestOrganization.MANAGEMENT,
                     AssumeRoleSettings.role(AssumeRoleSettings.DEFAULT_ROLE_NAME));
             AssumedRoleRoute53 route53 = new AssumedRoleRoute53(credentials, limiters,
                     account -> new Route53ClientFactory().endpoint(endpoint))) {
            List<String> ids = accounts.activeAccounts().stream().map(AwsAccount::id).toList();
            return new OrganizationReconciler(route53, ledger, settings).reconcile(ids);
        }
    }

    /**
     * Account {@code a}'s addresses: {@code (10 + a / 250).(a % 250).x.y}, its reverse zone (in the network account)
     * {@code (a % 250).(10 + a / 250).in-addr.arpa.}: one /16 per account, so any number of accounts up to 61,000.
     */
    private static String reverseZone(int account) {
        return (account % 250) + "." + (10 + account / 250) + ".in-addr.arpa.";
    }

    private static String address(int account, int zone, int records, int host) {
        return (10 + account / 250) + "." + (account % 250) + "." + (zone * ((records + 249) / 250) + host / 250)
                + "." + (host % 250 + 1);
    }

    /**
     * Creates the zones and records, accounts in parallel (16 at a time), each account's calls paced at its rate
     * (no throttling answered) so the setup of 1,000 accounts takes minutes, not an hour.
     */
    private static void setUp(TestOrganization org, List<String> ids, int zones, int records, double rate,
                              boolean onMoto) throws Exception {
        AccountRateLimiters pace = new AccountRateLimiters(rate);
        List<Route53Client> clients = new ArrayList<>();
        for (String id : ids) {
            clients.add(org.route53(id));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int a = 0; a < ids.size(); a++) {
                int account = a;
                done.add(pool.submit(() -> {
                    setUpAccount(clients.get(account), clients.get(0), pace.forAccount(ids.get(account)),
                            pace.forAccount(ids.get(0)), account, zones, records, onMoto);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void setUpAccount(Route53Client client, Route53Client network, AccountRateLimiter pace,
                                     AccountRateLimiter networkPace, int a, int zones, int records, boolean onMoto)
            throws InterruptedException {
        networkPace.acquire();
        if (onMoto) {
            TestOrganization.createZone(network, reverseZone(a), true);
        } else {
            createZone(network, reverseZone(a));
        }
        for (int z = 0; z < zones; z++) {
            String zoneName = "z" + z + ".a" + a + ".internal.";
            pace.acquire();
            String zoneId = onMoto ? TestOrganization.createZone(client, zoneName, true) : createZone(client, zoneName);
            List<Change> changes = new ArrayList<>();
            for (int h = 0; h < records; h++) {
                String value = address(a, z, records, h);
                changes.add(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(ResourceRecordSet.builder()
                        .name("h" + h + "." + zoneName).type(RRType.A).ttl(300L)
                        .resourceRecords(r -> r.value(value)).build()).build());
            }
            pace.acquire();
            client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(changes)));
        }
    }

    /** A private hosted zone (the emulator's SOA needs no fix, unlike moto's: one call). */
    private static String createZone(Route53Client client, String name) {
        String id = client.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                .vpc(v -> v.vpcId("vpc-" + Integer.toHexString(name.hashCode())).vpcRegion("us-east-1"))
                .hostedZoneConfig(c -> c.privateZone(true))).hostedZone().id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static void print(String title, ReconcileReport report, Map<String, Long> minimum, double rate,
                              int readers, HeapPeak heap) {
        System.out.printf(Locale.ROOT, "%s: wall %.1f s; accounts %d, forward zones %d, A/AAAA sets %,d, reverse zones %d;"
                        + " PTRs created %,d updated %,d deleted %,d; unmatched %d; failures %d%n",
                title, report.wallTime().toMillis() / 1e3, report.accountsRead(), report.forwardZonesRead(),
                report.addressRecordSets(), report.reverseZonesRead(), report.ptrsCreated(), report.ptrsUpdated(),
                report.ptrsDeleted(), report.unmatchedAddresses(), report.failures().size());
        Map<String, Long> actual = new TreeMap<>(report.requestsByOperation());
        minimum.keySet().stream().filter(op -> !op.equals(NETWORK_MINIMUM)).forEach(op -> actual.putIfAbsent(op, 0L));
        actual.forEach((op, n) -> System.out.printf(Locale.ROOT, "  %-26s %,7d   minimum %,7d%n", op, n,
                minimum.getOrDefault(op, 0L)));
        long calls = actual.values().stream().mapToLong(Long::longValue).sum();
        long minimumCalls = minimum.entrySet().stream().filter(e -> !e.getKey().equals(NETWORK_MINIMUM))
                .mapToLong(Map.Entry::getValue).sum();
        long accounts = report.callsByAccount().size();
        long busiest = report.callsByAccount().values().stream().mapToLong(s -> s.totalRequests()).max().orElse(0);
        long network = minimum.get(NETWORK_MINIMUM);
        double floor = Math.max(network / rate, (double) minimumCalls / rate / Math.min(readers, accounts));
        System.out.printf(Locale.ROOT, "  calls %,d against the minimum %,d (%.2fx)%n", calls, minimumCalls,
                (double) calls / minimumCalls);
        System.out.printf(Locale.ROOT, "  wall %.1f s against the minimum %.1f s (%.2fx): the busiest account's"
                        + " minimum %,d calls at %.1f/s, or all %,d calls over %d accounts read in parallel%n",
                report.wallTime().toMillis() / 1e3, floor, report.wallTime().toMillis() / 1e3 / floor, network, rate,
                minimumCalls, Math.min(readers, accounts));
        System.out.printf(Locale.ROOT, "  busiest account: %,d requests = %.1f s at %.1f/s%n", busiest, busiest / rate, rate);
        System.out.printf(Locale.ROOT, "  peak heap used so far %,d MB (maximum heap %,d MB)%n", heap.peakMb(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (!report.failures().isEmpty()) {
            report.failures().stream().limit(5).forEach(f -> System.out.println("  failure: " + f));
        }
    }

    /** The largest heap use seen, sampled every 20 ms by a daemon thread. */
    private static final class HeapPeak {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

        static HeapPeak start() {
            HeapPeak heap = new HeapPeak();
            Thread sampler = new Thread(() -> {
                var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
                while (true) {
                    heap.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            sampler.setDaemon(true);
            sampler.start();
            return heap;
        }

        long peakMb() {
            return peak.get() >> 20;
        }
    }
}
