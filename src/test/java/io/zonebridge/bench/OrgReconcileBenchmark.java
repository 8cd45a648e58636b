package io.zonebridge.bench;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.ownership.DynamoDbSharedAccountReads;
import io.zonebridge.ownership.OnDemandTable;
import io.zonebridge.reverse.SharedAccountHelper;
import io.zonebridge.reverse.SharedAccountReads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.testpeers.MotoServer;
import io.zonebridge.organization.AccountCredentials;
import io.zonebridge.organization.AccountSelection;
import io.zonebridge.organization.AssumeRoleSettings;
import io.zonebridge.organization.AssumedRoleRoute53;
import io.zonebridge.organization.AwsAccount;
import io.zonebridge.organization.HelperTimer;
import io.zonebridge.organization.TestOrganization;
import io.zonebridge.organization.OrganizationAccounts;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileReport;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.ApiCallStats;
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
 * the per-account rate, or a moto_server (Organizations, STS and Route 53 per account), which it starts. The
 * addresses fill 10.0.0.0/8 /24 by /24; the network account holds one reverse zone per /16, each within Route 53's
 * 10,000 record sets per zone. Runs the reconcile twice (all PTRs created, then
 * converged) and prints Route 53 requests by operation against the minimum the shape allows, and wall time.
 *
 * <p>Arguments: {@code [accounts] [zonesPerAccount] [recordsPerZone] [ratePerAccount] [parallelism] [emulator|moto]
 * [--replicas N]}. With N replicas the member accounts are shared through the board of the cluster
 * ({@link DynamoDbSharedAccountReads} in DynamoDB Local): replica 0 leads the run, the others help from their
 * timers, all in this JVM (so the peak heap is theirs together), each with its own Route 53 clients and limiters.
 * The setup uses the plain SDK.
 */
public final class OrgReconcileBenchmark {

    /** Key of the network account's minimum calls (the busiest account) in the minimum maps. */
    private static final String NETWORK_MINIMUM = "network account";
    /** Route 53's quota of record sets per hosted zone (the emulator refuses more). */
    private static final int MAX_RECORD_SETS = 10_000;
    /** The table of the replicas' board (the cluster's lease table in the service). */
    private static final String BOARD_TABLE = "zonebridge-cluster";

    private OrgReconcileBenchmark() {
    }

    public static void main(String[] rawArgs) throws Exception {
        List<String> argList = new ArrayList<>(List.of(rawArgs));
        int replicas = 1;
        int flag = argList.indexOf("--replicas");
        if (flag >= 0) {
            replicas = Integer.parseInt(argList.get(flag + 1));
            argList.subList(flag, flag + 2).clear();
        }
        String[] args = argList.toArray(String[]::new);
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int zones = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 5.0;
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : ReconcileSettings.DEFAULT_PARALLELISM;
        if (records > 1000 || (long) accounts * zones * ((records + 249) / 250) > 256L * slash24sPerReverseZone(records)) {
            throw new IllegalArgumentException("at most 1,000 records per zone and 256 reverse zones of /24s");
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
                + (int) Math.ceil(rate) + "/s per account") + " at " + endpoint + "; replicas: " + replicas
                + (replicas > 1 ? " (in this JVM, each with its own Route 53 clients and limiters; the board in"
                + " DynamoDB Local)" : ""));
        DynamoDbLocal dynamoLocal = replicas > 1 ? DynamoDbLocal.start() : null;
        DynamoDbClient dynamo = dynamoLocal == null ? null : dynamoLocal.client();
        if (dynamo != null) {
            OnDemandTable.ensure(dynamo, BOARD_TABLE, table -> table
                    .attributeDefinitions(d -> d.attributeName("key").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("key").keyType(KeyType.HASH)));
        }
        Cluster cluster = new Cluster(replicas, dynamo, rate, parallelism);
        try (TestOrganization org = new TestOrganization(endpoint)) {
            long setupStart = System.nanoTime();
            List<String> ids = new ArrayList<>();
            ids.add(TestOrganization.MANAGEMENT);
            for (int a = 1; a < accounts; a++) {
                ids.add(org.createAccount("bench" + a));
            }
            setUp(org, ids, zones, records, rate, onMoto);
            long[] ptrsPerReverse = ptrsPerReverseZone(accounts, zones, records);
            System.out.printf(Locale.ROOT, "setup: %d accounts x %d private zones x %,d A records, %d reverse zones, in %.1f s%n",
                    accounts, zones, records, ptrsPerReverse.length, (System.nanoTime() - setupStart) / 1e9);

            AccountRateLimiters limiters = new AccountRateLimiters(rate);
            int forwardPages = (records + 2 + 299) / 300;
            long batches = 0;
            long reverseReads = 0;
            for (long ptrs : ptrsPerReverse) {
                batches += (ptrs + 999) / 1000;
                reverseReads += (ptrs + 2 + 299) / 300;
            }
            Map<String, Long> minFirst = new LinkedHashMap<>();
            minFirst.put("ListHostedZones", (long) accounts * 1);
            minFirst.put("ListResourceRecordSets", (long) accounts * zones * forwardPages + ptrsPerReverse.length);
            minFirst.put("ChangeResourceRecordSets", batches);
            Map<String, Long> minSecond = new LinkedHashMap<>();
            minSecond.put("ListHostedZones", (long) accounts);
            minSecond.put("ListResourceRecordSets", (long) accounts * zones * forwardPages + reverseReads);
            minSecond.put("ChangeResourceRecordSets", 0L);
            long networkOwn = 1 + (long) zones * forwardPages;
            minFirst.put(NETWORK_MINIMUM, networkOwn + ptrsPerReverse.length + batches);
            minSecond.put(NETWORK_MINIMUM, networkOwn + reverseReads);
            HeapPeaks.reset();
            print("run 1 (create all PTRs)", run(org, endpoint, limiters, state, cluster), minFirst, rate,
                    parallelism * replicas);
            print("run 2 (converged)", run(org, endpoint, limiters, state, cluster), minSecond, rate,
                    parallelism * replicas);
        } finally {
            if (moto != null) {
                moto.close();
            }
            if (emulator != null) {
                emulator.stop();
            }
            if (dynamoLocal != null) {
                dynamo.close();
                dynamoLocal.close();
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
                                       Cluster cluster) {
        JsonFileOwnedPtrLedger ledger = new JsonFileOwnedPtrLedger(state.resolve("owned.json"));
        ReconcileSettings settings = ReconcileSettings.defaults(TestOrganization.MANAGEMENT,
                PtrOptions.defaults(OwnershipPolicy.ownedOnly(ledger))).withParallelism(cluster.parallelism);
        List<AutoCloseable> helpers = new ArrayList<>();
        try (OrganizationAccounts accounts = OrganizationAccounts.connect(org.endpoint(), AccountSelection.ALL);
             AccountCredentials credentials = AccountCredentials.connect(org.endpoint(), TestOrganization.MANAGEMENT,
                     AssumeRoleSettings.role(AssumeRoleSettings.DEFAULT_ROLE_NAME));
             AssumedRoleRoute53 route53 = new AssumedRoleRoute53(credentials, limiters,
                     account -> new Route53ClientFactory().endpoint(endpoint))) {
            for (int replica = 1; replica < cluster.replicas; replica++) {
                helpers.add(cluster.helper(org, endpoint, "replica-" + replica));
            }
            List<String> ids = accounts.activeAccounts().stream().map(AwsAccount::id).toList();
            return new OrganizationReconciler(route53, ledger, settings, cluster.board("replica-0")).reconcile(ids);
        } finally {
            for (AutoCloseable helper : helpers) {
                try {
                    helper.close();
                } catch (Exception e) {
                    System.out.println("closing a helper: " + e);
                }
            }
        }
    }

    /** The replicas besides the leader: each its own credentials, Route 53 clients and limiters, as a task has. */
    private record Cluster(int replicas, DynamoDbClient dynamo, double rate, int parallelism) {

        SharedAccountReads board(String replica) {
            return replicas > 1 ? new DynamoDbSharedAccountReads(dynamo, BOARD_TABLE, replica, Duration.ofSeconds(30),
                    Clock.systemUTC()) : null;
        }

        /** A replica whose {@code reverse-reconcile-help} timer ticks every second, as in the service. */
        AutoCloseable helper(TestOrganization org, URI endpoint, String replica) {
            AccountCredentials credentials = AccountCredentials.connect(org.endpoint(), TestOrganization.MANAGEMENT,
                    AssumeRoleSettings.role(AssumeRoleSettings.DEFAULT_ROLE_NAME));
            AssumedRoleRoute53 route53 = new AssumedRoleRoute53(credentials, new AccountRateLimiters(rate),
                    account -> new Route53ClientFactory().endpoint(endpoint));
            SharedAccountHelper helper = new SharedAccountHelper(route53, board(replica), parallelism);
            ScheduledExecutorService timer = HelperTimer.every(Duration.ofSeconds(1), helper,
                    e -> System.out.println(replica + ": " + e));
            return () -> {
                timer.shutdownNow();
                timer.awaitTermination(1, TimeUnit.MINUTES);
                route53.close();
                credentials.close();
            };
        }
    }

    /**
     * The /24 of host {@code host} of zone {@code zone} of account {@code account}: the accounts' zones' /24s one
     * after another ({@code (records + 249) / 250} a zone, up to 250 hosts each). The network account holds one
     * reverse zone per /16 ({@code S.10.in-addr.arpa.}), filled with as many /24s as keep it within Route 53's
     * 10,000 record sets per hosted zone (and its 500 hosted zones per account): 99 /24s of 100 hosts, 39 of 250.
     */
    private static int slash24(int account, int zone, int zones, int records, int host) {
        int perZone = (records + 249) / 250;
        return account * zones * perZone + zone * perZone + host / 250;
    }

    /** How many /24s one reverse zone holds. */
    private static int slash24sPerReverseZone(int records) {
        return Math.min(256, (MAX_RECORD_SETS - 2) / Math.min(250, records));
    }

    private static String address(int account, int zone, int zones, int records, int host) {
        int n = slash24(account, zone, zones, records, host);
        int per = slash24sPerReverseZone(records);
        return "10." + (n / per) + "." + (n % per) + "." + (host % 250 + 1);
    }

    /** PTRs per reverse zone (index S of {@code S.10.in-addr.arpa.}). */
    private static long[] ptrsPerReverseZone(int accounts, int zones, int records) {
        int per = slash24sPerReverseZone(records);
        long[] ptrs = new long[slash24(accounts - 1, zones - 1, zones, records, records - 1) / per + 1];
        for (int a = 0; a < accounts; a++) {
            for (int z = 0; z < zones; z++) {
                for (int h = 0; h < records; h += 250) {
                    ptrs[slash24(a, z, zones, records, h) / per] += Math.min(250, records - h);
                }
            }
        }
        return ptrs;
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
        int reverseZones = ptrsPerReverseZone(ids.size(), zones, records).length;
        for (int reverse = 0; reverse < reverseZones; reverse++) {
            pace.forAccount(ids.get(0)).acquire();
            String name = reverse + ".10.in-addr.arpa.";
            if (onMoto) {
                TestOrganization.createZone(clients.get(0), name, true);
            } else {
                createZone(clients.get(0), name);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int a = 0; a < ids.size(); a++) {
                int account = a;
                done.add(pool.submit(() -> {
                    setUpAccount(clients.get(account), pace.forAccount(ids.get(account)), account, zones, records,
                            onMoto);
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

    private static void setUpAccount(Route53Client client, AccountRateLimiter pace, int a, int zones, int records,
                                     boolean onMoto) throws InterruptedException {
        for (int z = 0; z < zones; z++) {
            String zoneName = "z" + z + ".a" + a + ".internal.";
            pace.acquire();
            String zoneId = onMoto ? TestOrganization.createZone(client, zoneName, true) : createZone(client, zoneName);
            List<Change> changes = new ArrayList<>();
            for (int h = 0; h < records; h++) {
                String value = address(a, z, zones, records, h);
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
                              int readers) {
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
        System.out.printf(Locale.ROOT, "  throttled %,d, retries %,d%n",
                report.callsByAccount().values().stream().mapToLong(ApiCallStats::throttles).sum(),
                report.callsByAccount().values().stream().mapToLong(ApiCallStats::retries).sum());
        System.out.printf(Locale.ROOT, "  peak heap used so far %,d MB (maximum heap %,d MB)%n", HeapPeaks.peak() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        if (!report.failures().isEmpty()) {
            report.failures().stream().limit(5).forEach(f -> System.out.println("  failure: " + f));
        }
    }
}
