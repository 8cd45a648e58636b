package io.zonebridge.organization;

import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileReport;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.reverse.VpcRef;
import io.zonebridge.route53.AccountRateLimiters;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.Route53ClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organisation reconcile end to end against a real AWS emulator (each subclass starts one): Organizations
 * ListAccounts (a closed account left out), STS AssumeRole per member account, private forward zones in four
 * accounts, reverse zones (IPv4 and IPv6) in the network account, PTR ownership kept in a JSON file across
 * "restarts". Each test has an organisation of its own on an emptied server (one server per class); a test about
 * later runs has the first run made before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrganizationReconcilerContract {

    /** A server holding nothing (started on first use, emptied before each test); returns its endpoint. */
    abstract URI emptyServer() throws Exception;

    /** Stops the server. */
    abstract void stopServer();

    /**
     * Whether a hosted zone created by CreateHostedZone has an apex SOA no Route 53 returns, so that reading it fails
     * until the SOA is set (moto 5.2.1; see {@link TestOrganization#createZone}).
     */
    abstract boolean newZonesHaveAMalformedSoa();

    private static final double RATE = 2.0;
    /**
     * Below Route 53's own limit per account (the emulator's throttle, 5/s), with a margin for timing jitter at the
     * window's edge, so no call is throttled and retried and the request counts are exact.
     */
    private static final double ROUTE53_RATE = 4.0;
    private static final String REV1 = "1.0.10.in-addr.arpa.";
    private static final String REV2 = "2.0.10.in-addr.arpa.";
    private static final String REV6 = "0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa.";

    private Path stateDir;

    private URI endpoint;
    private TestOrganization org;
    private Route53Client network;
    private Route53Client member1;
    private Route53Client member2;
    private String appZone;
    private String dataZone;
    private String opsZone;
    private String rev1;
    private String rev2;
    private String rev6;
    private String closedAccount;
    private Map<String, List<Long>> callTimes;

    @BeforeEach
    void organisation() throws Exception {
        callTimes = new ConcurrentHashMap<>();
        stateDir = Files.createTempDirectory("zonebridge-reconcile-");
        endpoint = emptyServer();
        org = new TestOrganization(endpoint);
        String a1 = org.createAccount("app");
        String a2 = org.createAccount("data");
        String a3 = org.createAccount("ops");
        closedAccount = org.createAccount("retired");

        network = org.route53(TestOrganization.MANAGEMENT);
        rev1 = TestOrganization.createZone(network, REV1, true);
        rev2 = TestOrganization.createZone(network, REV2, true);
        rev6 = TestOrganization.createZone(network, REV6, true);
        String net = TestOrganization.createZone(network, "net.internal.", true);
        TestOrganization.change(network, net, ChangeAction.CREATE, "gw.net.internal.", "A", 60, "10.0.1.1");
        // Foreign PTRs: one nobody claims, one on an address an A record claims.
        TestOrganization.change(network, rev1, ChangeAction.CREATE, "200.1.0.10.in-addr.arpa.", "PTR", 3600, "printer.legacy.example.");
        TestOrganization.change(network, rev1, ChangeAction.CREATE, "99.1.0.10.in-addr.arpa.", "PTR", 3600, "old-name.example.");

        member1 = org.route53(a1);
        appZone = TestOrganization.createZone(member1, "app.internal.", true);
        TestOrganization.change(member1, appZone, ChangeAction.CREATE, "web.app.internal.", "A", 60, "10.0.1.10");
        TestOrganization.change(member1, appZone, ChangeAction.CREATE, "db.app.internal.", "A", 60, "10.0.1.11");
        TestOrganization.change(member1, appZone, ChangeAction.CREATE, "db.app.internal.", "AAAA", 60, "fd00::11");
        TestOrganization.change(member1, appZone, ChangeAction.CREATE, "api.app.internal.", "A", 60, "10.0.2.20", "10.0.2.21");
        String publicZone = TestOrganization.createZone(member1, "public.example.", false);
        TestOrganization.change(member1, publicZone, ChangeAction.CREATE, "www.public.example.", "A", 60, "10.0.1.50");

        member2 = org.route53(a2);
        dataZone = TestOrganization.createZone(member2, "data.internal.", true);
        TestOrganization.change(member2, dataZone, ChangeAction.CREATE, "a.data.internal.", "A", 60, "10.0.1.99");
        TestOrganization.change(member2, dataZone, ChangeAction.CREATE, "b.data.internal.", "A", 60, "192.168.7.7");
        TestOrganization.change(member2, dataZone, ChangeAction.CREATE, "c.data.internal.", "A", 60, "10.0.2.30");

        Route53Client member3 = org.route53(a3);
        opsZone = TestOrganization.createZone(member3, "ops.internal.", true);
        TestOrganization.change(member3, opsZone, ChangeAction.CREATE, "x.ops.internal.", "A", 60, "10.0.1.40");
        String ops2 = TestOrganization.createZone(member3, "ops2.internal.", true);
        TestOrganization.change(member3, ops2, ChangeAction.CREATE, "y.ops2.internal.", "AAAA", 60, "fd00::40");

        Route53Client retired = org.route53(closedAccount);
        String old = TestOrganization.createZone(retired, "retired.internal.", true);
        TestOrganization.change(retired, old, ChangeAction.CREATE, "gone.retired.internal.", "A", 60, "10.0.1.77");
        org.closeAccount(closedAccount);
    }

    @AfterEach
    void closeOrganisation() throws Exception {
        if (org != null) {
            org.close();
            org = null;
        }
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @AfterAll
    void stop() {
        stopServer();
    }

    /** The first reconcile of the organisation, as a test about later runs finds it made. */
    private void firstRunMade() {
        ReconcileReport first = reconcile(new AccountRateLimiters(ROUTE53_RATE));
        assertTrue(first.failures().isEmpty() && first.ptrsCreated() == 9, "the first run: " + first);
    }

    /** A reconcile as a fresh process would run it: accounts listed anew, ownership read from the file. */
    private ReconcileReport reconcile(AccountRateLimiters limiters) {
        JsonFileOwnedPtrLedger ledger = new JsonFileOwnedPtrLedger(stateDir.resolve("owned-ptrs.json"));
        ReconcileSettings settings = ReconcileSettings.defaults(TestOrganization.MANAGEMENT,
                PtrOptions.defaults(OwnershipPolicy.ownedOnly(ledger)));
        try (OrganizationAccounts accounts = OrganizationAccounts.connect(org.endpoint(), AccountSelection.ALL);
             AccountCredentials credentials = AccountCredentials.connect(org.endpoint(), TestOrganization.MANAGEMENT,
                     AssumeRoleSettings.role(AssumeRoleSettings.DEFAULT_ROLE_NAME).withExternalId("zb-test"));
             AssumedRoleRoute53 route53 = new AssumedRoleRoute53(credentials, limiters, account ->
                     new Route53ClientFactory().endpoint(endpoint).addInterceptor(new CallClock(account, callTimes)))) {
            List<String> ids = accounts.activeAccounts().stream().map(AwsAccount::id).toList();
            return new OrganizationReconciler(route53, ledger, settings).reconcile(ids);
        }
    }

    @Test
    void listsActiveAccountsOnlyAndHonoursTheSelection() {
        try (OrganizationAccounts all = OrganizationAccounts.connect(org.endpoint(), AccountSelection.ALL)) {
            List<String> ids = all.activeAccounts().stream().map(AwsAccount::id).toList();
            assertEquals(4, ids.size(), ids.toString());
            assertTrue(ids.contains(TestOrganization.MANAGEMENT));
            assertFalse(ids.contains(closedAccount), "a closed (suspended) account is not active");
            String excluded = ids.get(ids.size() - 1);
            try (OrganizationAccounts some = OrganizationAccounts.connect(org.endpoint(),
                    new AccountSelection(Set.of(), Set.of(excluded)))) {
                assertEquals(ids.subList(0, 3), some.activeAccounts().stream().map(AwsAccount::id).toList());
            }
        }
    }

    @Test
    void firstRunCreatesPtrsLeavesForeignOnesAndKeepsEachAccountWithinItsRate() {
        ReconcileReport report = reconcile(new AccountRateLimiters(RATE));

        assertEquals(4, report.accountsRead(), report.toString());
        assertEquals(5, report.forwardZonesRead(), "private forward zones only: " + report);
        assertEquals(10, report.addressRecordSets(), report.toString());
        assertEquals(3, report.reverseZonesRead());
        assertEquals(9, report.ptrsCreated(), report.toString());
        assertEquals(0, report.ptrsUpdated());
        assertEquals(0, report.ptrsDeleted());
        assertEquals(1, report.unmatchedAddresses(), "192.168.7.7 has no reverse zone");
        assertEquals(1, report.blocked().size(), "10.0.1.99 is held by a foreign PTR");
        assertTrue(report.failures().isEmpty(), report.failures().toString());
        assertTrue(report.forwardComplete());

        assertEquals(Map.of(
                "1.1.0.10.in-addr.arpa.", List.of("gw.net.internal."),
                "10.1.0.10.in-addr.arpa.", List.of("web.app.internal."),
                "11.1.0.10.in-addr.arpa.", List.of("db.app.internal."),
                "40.1.0.10.in-addr.arpa.", List.of("x.ops.internal."),
                "99.1.0.10.in-addr.arpa.", List.of("old-name.example."),
                "200.1.0.10.in-addr.arpa.", List.of("printer.legacy.example.")), TestOrganization.ptrs(network, rev1));
        assertEquals(Map.of(
                "20.2.0.10.in-addr.arpa.", List.of("api.app.internal."),
                "21.2.0.10.in-addr.arpa.", List.of("api.app.internal."),
                "30.2.0.10.in-addr.arpa.", List.of("c.data.internal.")), TestOrganization.ptrs(network, rev2));
        assertEquals(Set.of("1.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa.",
                        "0.4.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa."),
                TestOrganization.ptrs(network, rev6).keySet());

        // Each account's Route 53 calls stay within its own limit...
        assertEquals(4, callTimes.size(), callTimes.keySet().toString());
        int perSecond = (int) RATE;
        callTimes.forEach((account, times) -> {
            List<Long> sorted = sorted(times);
            for (int i = 0; i + perSecond < sorted.size(); i++) {
                long spanMillis = (sorted.get(i + perSecond) - sorted.get(i)) / 1_000_000;
                // permits are evenly spaced; a request's transmission follows its permit by a few ms, not always the same
                assertTrue(spanMillis >= 950, account + ": " + (perSecond + 1) + " calls within " + spanMillis + " ms");
            }
        });
        // ...while the accounts do not share one budget: together they went faster than one account may.
        List<Long> all = sorted(callTimes.values().stream().flatMap(List::stream).toList());
        int busiest = 0;
        for (int i = 0; i < all.size(); i++) {
            int j = i;
            while (j < all.size() && all.get(j) - all.get(i) < 1_000_000_000L) {
                j++;
            }
            busiest = Math.max(busiest, j - i);
        }
        assertTrue(busiest > perSecond, "accounts were read in parallel: busiest second held " + busiest + " calls");
        assertTrue(report.callsByAccount().get(TestOrganization.MANAGEMENT).requests("ChangeResourceRecordSets") >= 3);
    }

    @Test
    void changedAndRemovedAddressesMoveAndRemoveOwnedPtrsOnly() {
        firstRunMade();
        TestOrganization.change(member1, appZone, ChangeAction.UPSERT, "web.app.internal.", "A", 60, "10.0.2.10");
        TestOrganization.change(member2, dataZone, ChangeAction.DELETE, "c.data.internal.", "A", 60, "10.0.2.30");
        TestOrganization.change(member2, dataZone, ChangeAction.CREATE, "c2.data.internal.", "A", 60, "10.0.2.30");
        Route53Client member3 = org.route53(accountOf("ops"));
        TestOrganization.change(member3, opsZone, ChangeAction.DELETE, "x.ops.internal.", "A", 60, "10.0.1.40");

        ReconcileReport report = reconcile(new AccountRateLimiters(ROUTE53_RATE));

        assertEquals(1, report.ptrsCreated(), report.toString());
        assertEquals(1, report.ptrsUpdated(), report.toString());
        assertEquals(2, report.ptrsDeleted(), report.toString());
        assertTrue(report.failures().isEmpty(), report.failures().toString());
        Map<String, List<String>> rev1Ptrs = TestOrganization.ptrs(network, rev1);
        assertFalse(rev1Ptrs.containsKey("10.1.0.10.in-addr.arpa."), "web moved away from 10.0.1.10");
        assertFalse(rev1Ptrs.containsKey("40.1.0.10.in-addr.arpa."), "x was removed");
        assertEquals(List.of("printer.legacy.example."), rev1Ptrs.get("200.1.0.10.in-addr.arpa."), "foreign PTR kept");
        assertEquals(List.of("old-name.example."), rev1Ptrs.get("99.1.0.10.in-addr.arpa."), "foreign PTR kept");
        Map<String, List<String>> rev2Ptrs = TestOrganization.ptrs(network, rev2);
        assertEquals(List.of("web.app.internal."), rev2Ptrs.get("10.2.0.10.in-addr.arpa."));
        assertEquals(List.of("c2.data.internal."), rev2Ptrs.get("30.2.0.10.in-addr.arpa."));
    }

    @Test
    void aConvergedOrganisationNeedsNoChanges() {
        firstRunMade();
        ReconcileReport report = reconcile(new AccountRateLimiters(ROUTE53_RATE));
        assertEquals(0, report.requests("ChangeResourceRecordSets"), report.toString());
        assertEquals(0, report.ptrsCreated() + report.ptrsUpdated() + report.ptrsDeleted());
        // every attempt counts; one the emulator throttled (the test's own reads share the budget) is sent again
        long throttled = report.callsByAccount().values().stream().mapToLong(ApiCallStats::throttles).sum();
        assertEquals(4 + 5 + 3 + throttled, report.requests("ListHostedZones")
                + report.requests("ListResourceRecordSets"), "one listing per account, one page per zone: " + report);
        assertTrue(report.requests("ListHostedZones") >= 4 && report.requests("ListResourceRecordSets") >= 5 + 3,
                report.toString());
    }

    @Test
    void aMissingReverseZoneOfAConfiguredPrefixIsCreatedPrivateAndThenFilled() {
        firstRunMade();
        TestOrganization.change(member1, appZone, ChangeAction.CREATE, "new.app.internal.", "A", 60, "10.0.3.5");
        List<VpcRef> vpcs = List.of(new VpcRef("vpc-0aa", "us-east-1"), new VpcRef("vpc-0bb", "eu-west-1"));
        try (AccountCredentials credentials = AccountCredentials.connect(org.endpoint(), TestOrganization.MANAGEMENT,
                AssumeRoleSettings.role(AssumeRoleSettings.DEFAULT_ROLE_NAME));
             AssumedRoleRoute53 route53 = new AssumedRoleRoute53(credentials, new AccountRateLimiters(ROUTE53_RATE),
                     account -> new Route53ClientFactory().endpoint(endpoint))) {
            ReverseZoneProvisioner provisioner = new ReverseZoneProvisioner(
                    route53.gateway(TestOrganization.MANAGEMENT), route53.client(TestOrganization.MANAGEMENT));
            assertEquals(List.of("3.0.10.in-addr.arpa."), provisioner.createMissing(List.of("3.0.10.IN-ADDR.ARPA", REV1), vpcs));
            assertEquals(List.of(), provisioner.createMissing(List.of("3.0.10.in-addr.arpa."), vpcs), "idempotent");
        }
        var created = network.listHostedZones().hostedZones().stream()
                .filter(z -> z.name().equals("3.0.10.in-addr.arpa.")).toList();
        assertEquals(1, created.size());
        var zone = network.getHostedZone(r -> r.id(created.get(0).id()));
        assertTrue(zone.hostedZone().config().privateZone());
        assertEquals(Set.of("vpc-0aa", "vpc-0bb"), zone.vpCs().stream().map(v -> v.vpcId()).collect(Collectors.toSet()));

        String zoneId = zone.hostedZone().id().substring(zone.hostedZone().id().lastIndexOf('/') + 1);

        if (newZonesHaveAMalformedSoa()) {
            // moto's malformed apex SOA (see TestOrganization#createZone) makes the new zone unreadable:
            // a reverse zone that cannot be read is reported and never written blind.
            ReconcileReport unreadable = reconcile(new AccountRateLimiters(ROUTE53_RATE));
            assertEquals(List.of("3.0.10.in-addr.arpa."), unreadable.missingZones(), unreadable.toString());
            assertEquals(1, unreadable.failures().size(), unreadable.toString());
            assertEquals(0, unreadable.ptrsCreated());
            TestOrganization.change(network, zoneId, ChangeAction.UPSERT, "3.0.10.in-addr.arpa.", "SOA", 900,
                    "ns-2048.awsdns-64.com. hostmaster.example.com. 1 7200 900 1209600 86400");
        }
        ReconcileReport report = reconcile(new AccountRateLimiters(ROUTE53_RATE));
        assertEquals(1, report.ptrsCreated(), report.toString());
        assertTrue(report.failures().isEmpty() && report.missingZones().isEmpty(), report.toString());
        assertEquals(Map.of("5.3.0.10.in-addr.arpa.", List.of("new.app.internal.")), TestOrganization.ptrs(network, zoneId));
    }

    private String accountOf(String name) {
        try (OrganizationAccounts all = OrganizationAccounts.connect(org.endpoint(), AccountSelection.ALL)) {
            return all.activeAccounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
        }
    }

    private static List<Long> sorted(List<Long> times) {
        List<Long> copy = new ArrayList<>(times);
        Collections.sort(copy);
        return copy;
    }

    /** Records when each Route 53 request of an account is sent (after its rate-limit permit). */
    private record CallClock(String account, Map<String, List<Long>> callTimes) implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            callTimes.computeIfAbsent(account, a -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime());
        }
    }
}
