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
            Route53Client network = org.route53(TestOrganization.MANAGEMENT);
            for (int a = 0; a < accounts; a++) {
                TestOrganization.createZone(network, a + ".10.in-addr.arpa.", true);
                Route53Client client = a == 0 ? network : org.route53(ids.get(a));
                for (int z = 0; z < zones; z++) {
                    String zoneName = "z" + z + ".a" + a + ".internal.";
                    String zoneId = TestOrganization.createZone(client, zoneName, true);
                    List<Change> changes = new ArrayList<>();
                    for (int h = 0; h < records; h++) {
                        String address = "10." + a + "." + (z * ((records + 249) / 250) + h / 250) + "." + (h % 250 + 1);
                        changes.add(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(ResourceRecordSet.builder()
                                .name("h" + h + "." + zoneName).type(RRType.A).ttl(300L)
                                .resourceRecords(r -> r.value(address)).build()).build());
                    }
                    client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(changes)));
                }
            }
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
            print("run 1 (create all PTRs)", run(org, endpoint, limiters, state, parallelism), minFirst, rate);
            print("run 2 (converged)", run(org, endpoint, limiters, state, parallelism), minSecond, rate);
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

    private static void print(String title, ReconcileReport report, Map<String, Long> minimum, double rate) {
        System.out.printf(Locale.ROOT, "%s: wall %.1f s; accounts %d, forward zones %d, A/AAAA sets %,d, reverse zones %d;"
                        + " PTRs created %,d updated %,d deleted %,d; unmatched %d; failures %d%n",
                title, report.wallTime().toMillis() / 1e3, report.accountsRead(), report.forwardZonesRead(),
                report.addressRecordSets(), report.reverseZonesRead(), report.ptrsCreated(), report.ptrsUpdated(),
                report.ptrsDeleted(), report.unmatchedAddresses(), report.failures().size());
        Map<String, Long> actual = new TreeMap<>(report.requestsByOperation());
        minimum.keySet().forEach(op -> actual.putIfAbsent(op, 0L));
        actual.forEach((op, n) -> System.out.printf(Locale.ROOT, "  %-26s %,7d   minimum %,7d%n", op, n,
                minimum.getOrDefault(op, 0L)));
        long busiest = report.callsByAccount().values().stream().mapToLong(s -> s.totalRequests()).max().orElse(0);
        System.out.printf(Locale.ROOT, "  busiest account: %,d requests = %.1f s at %.1f/s%n", busiest, busiest / rate, rate);
        if (!report.failures().isEmpty()) {
            report.failures().stream().limit(5).forEach(f -> System.out.println("  failure: " + f));
        }
    }
}
