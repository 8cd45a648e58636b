package io.zonebridge.reverse;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.InMemoryRoute53Gateway;
import io.zonebridge.route53.Route53Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconcile's decisions that need faults or shapes moto cannot give: an account that cannot be read,
 * safety refusals, the {@code sync} policy, reverse zones sharing a name. Route 53 here is the project's
 * {@link InMemoryRoute53Gateway}, one per account.
 */
class OrganizationReconcilerTest {

    private static final String NETWORK = "100000000000";
    private static final String MEMBER = "200000000000";
    private static final String BROKEN = "300000000000";
    private static final String REV = "1.0.10.in-addr.arpa.";

    @TempDir
    Path dir;

    private final Map<String, Route53Gateway> gateways = new HashMap<>();
    private InMemoryRoute53Gateway network;
    private InMemoryRoute53Gateway member;
    private HostedZoneRef reverse;
    private HostedZoneRef app;
    private JsonFileOwnedPtrLedger ledger;

    private final AccountRoute53 route53 = new AccountRoute53() {
        @Override
        public Route53Gateway gateway(String accountId) {
            return Optional.ofNullable(gateways.get(accountId)).orElseThrow();
        }

        @Override
        public ApiCallStats calls(String accountId) {
            return ApiCallStats.empty();
        }
    };

    @BeforeEach
    void organisation() {
        network = new InMemoryRoute53Gateway();
        member = new InMemoryRoute53Gateway();
        gateways.put(NETWORK, network);
        gateways.put(MEMBER, member);
        gateways.put(BROKEN, new UnreachableAccount());
        reverse = network.createZone(REV, true);
        app = member.createZone("app.internal.", true);
        ledger = new JsonFileOwnedPtrLedger(dir.resolve("owned.json"));
    }

    private ReconcileReport reconcile(OwnershipPolicy ownership, SafetyLimits safety, boolean force, String... accounts) {
        ReconcileSettings settings = ReconcileSettings.defaults(NETWORK, PtrOptions.defaults(ownership))
                .withSafety(safety, force).withParallelism(2);
        return new OrganizationReconciler(route53, ledger, settings).reconcile(List.of(accounts));
    }

    private ReconcileReport reconcile(String... accounts) {
        return reconcile(OwnershipPolicy.ownedOnly(ledger), SafetyLimits.DEFAULT, false, accounts);
    }

    private Map<String, List<String>> ptrs(InMemoryRoute53Gateway gateway, HostedZoneRef zone) {
        Map<String, List<String>> out = new HashMap<>();
        gateway.readZone(zone).recordSets().values().stream().filter(s -> s.type().equals("PTR"))
                .forEach(s -> out.put(s.name(), s.values()));
        return out;
    }

    private void hosts(int from, int to) {
        for (int i = from; i < to; i++) {
            member.seed(app, RecordSet.of("h" + i + ".app.internal.", "A", 60, "10.0.1." + i));
        }
    }

    private void removeHosts(int from, int to) {
        ZoneSnapshot current = member.readZone(app);
        InMemoryRoute53Gateway rebuilt = new InMemoryRoute53Gateway();
        HostedZoneRef zone = rebuilt.createZone("app.internal.", true);
        current.recordSets().values().stream()
                .filter(s -> !s.type().equals("SOA") && !s.type().equals("NS"))
                .filter(s -> {
                    for (int i = from; i < to; i++) {
                        if (s.name().equals("h" + i + ".app.internal.")) {
                            return false;
                        }
                    }
                    return true;
                })
                .forEach(s -> rebuilt.seed(zone, s));
        member = rebuilt;
        app = zone;
        gateways.put(MEMBER, rebuilt);
    }

    @Test
    void anUnreadableAccountMeansCreatesOnlyNeverDeletes() {
        hosts(1, 4);
        assertEquals(3, reconcile(MEMBER).ptrsCreated());
        removeHosts(3, 4);
        hosts(4, 5);

        ReconcileReport report = reconcile(MEMBER, BROKEN);

        assertFalse(report.forwardComplete());
        assertEquals(1, report.failures().size(), report.failures().toString());
        assertEquals(BROKEN, report.failures().get(0).account());
        assertTrue(report.failures().get(0).message().contains("AccessDenied"), report.failures().toString());
        assertEquals(1, report.ptrsCreated(), "the new host's PTR is still created");
        assertEquals(0, report.ptrsDeleted(), "a PTR that looks stale may belong to the unread account");
        assertTrue(ptrs(network, reverse).containsKey("3.1.0.10.in-addr.arpa."));

        ReconcileReport healed = reconcile(MEMBER);
        assertTrue(healed.forwardComplete());
        assertEquals(1, healed.ptrsDeleted());
        assertFalse(ptrs(network, reverse).containsKey("3.1.0.10.in-addr.arpa."));
        assertFalse(ledger.owns(REV, "3.1.0.10.in-addr.arpa."), "a deleted PTR is released");
    }

    @Test
    void safetyLimitsRefuseMassDeletesUnlessForced() {
        hosts(1, 21);
        assertEquals(20, reconcile(MEMBER).ptrsCreated());
        removeHosts(1, 11);

        ReconcileReport refused = reconcile(MEMBER);
        assertEquals(1, refused.refusedZones().size(), refused.toString());
        assertTrue(refused.refusedZones().get(0).contains(REV), refused.refusedZones().toString());
        assertEquals(0, refused.ptrsDeleted());
        assertEquals(20, ptrs(network, reverse).size());

        ReconcileReport forced = reconcile(OwnershipPolicy.ownedOnly(ledger), SafetyLimits.DEFAULT, true, MEMBER);
        assertEquals(10, forced.ptrsDeleted());
        assertEquals(10, ptrs(network, reverse).size());
    }

    @Test
    void syncPolicyManagesForeignPtrsOwnedOnlyLeavesThem() {
        network.seed(reverse, RecordSet.of("7.1.0.10.in-addr.arpa.", "PTR", 3600, "someone.example."),
                RecordSet.of("8.1.0.10.in-addr.arpa.", "PTR", 3600, "else.example."));
        member.seed(app, RecordSet.of("seven.app.internal.", "A", 60, "10.0.1.7"));

        ReconcileReport owned = reconcile(MEMBER);
        assertEquals(1, owned.blocked().size());
        assertEquals(new RecordKey("7.1.0.10.in-addr.arpa.", "PTR", null), owned.blocked().get(0).desired().key());
        assertEquals(List.of("someone.example."), ptrs(network, reverse).get("7.1.0.10.in-addr.arpa."));

        ReconcileReport sync = reconcile(OwnershipPolicy.sync(), SafetyLimits.DEFAULT, false, MEMBER);
        assertEquals(1, sync.ptrsUpdated());
        assertEquals(1, sync.ptrsDeleted());
        assertEquals(Map.of("7.1.0.10.in-addr.arpa.", List.of("seven.app.internal.")), ptrs(network, reverse));
    }

    @Test
    void reverseZonesSharingANameEachGetThePtr() {
        HostedZoneRef second = network.createZone(REV, true);
        member.seed(app, RecordSet.of("one.app.internal.", "A", 60, "10.0.1.1"));

        ReconcileReport report = reconcile(MEMBER);

        assertEquals(2, report.reverseZonesRead());
        assertEquals(2, report.ptrsCreated());
        assertEquals(ptrs(network, reverse), ptrs(network, second));
        assertEquals(List.of("one.app.internal."), ptrs(network, second).get("1.1.0.10.in-addr.arpa."));
        assertEquals(0, reconcile(MEMBER).ptrsCreated(), "converged");
    }

    @Test
    void publicZonesReverseZonesAndAliasesAreNotForwardState() {
        HostedZoneRef pub = member.createZone("public.example.", false);
        member.seed(pub, RecordSet.of("www.public.example.", "A", 60, "10.0.1.80"));
        HostedZoneRef arpaPrivate = member.createZone("9.9.10.in-addr.arpa.", true);
        member.seed(arpaPrivate, RecordSet.of("x.9.9.10.in-addr.arpa.", "A", 60, "10.0.1.81"));
        member.seed(app, RecordSet.alias("lb.app.internal.", "A",
                new io.zonebridge.model.AliasTarget("Z1", "lb.example.", false)));

        ReconcileReport report = reconcile(MEMBER);

        assertEquals(1, report.forwardZonesRead(), report.toString());
        assertEquals(0, report.addressRecordSets());
        assertEquals(Set.of(), ptrs(network, reverse).keySet());
    }

    /** An account zonebridge may not enter (its role cannot be assumed). */
    private static final class UnreachableAccount implements Route53Gateway {
        @Override
        public List<HostedZoneRef> listHostedZones() {
            throw new IllegalStateException("AccessDenied: not authorized to perform sts:AssumeRole");
        }

        @Override
        public Set<String> privateZoneIdsOfVpc(String vpcId, String vpcRegion) {
            throw new IllegalStateException("AccessDenied");
        }

        @Override
        public ZoneSnapshot readZone(HostedZoneRef zone) {
            throw new IllegalStateException("AccessDenied");
        }

        @Override
        public ApplyResult apply(HostedZoneRef zone, List<ChangeBatch> batches, boolean waitForInsync) {
            throw new IllegalStateException("AccessDenied");
        }

        @Override
        public String submit(HostedZoneRef zone, List<io.zonebridge.plan.Change> changes) {
            throw new IllegalStateException("AccessDenied");
        }
    }

    @Test
    void verificationRepairsOwnedPtrsEditedByHandAndLeavesOthersAlone() {
        hosts(1, 4);
        ReconcileSettings settings = ReconcileSettings.defaults(NETWORK, PtrOptions.defaults(
                OwnershipPolicy.ownedOnly(ledger))).withVerifyEvery(Duration.ZERO);
        OrganizationReconciler reconciler = new OrganizationReconciler(route53, ledger, settings);
        assertEquals(3, reconciler.reconcile(List.of(MEMBER)).ptrsCreated());
        network.editByHand(reverse, RecordKey.of("1.1.0.10.in-addr.arpa.", "PTR"),
                RecordSet.of("1.1.0.10.in-addr.arpa.", "PTR", 60, "evil.example."));
        network.editByHand(reverse, RecordKey.of("2.1.0.10.in-addr.arpa.", "PTR"), null);
        network.editByHand(reverse, RecordKey.of("99.1.0.10.in-addr.arpa.", "PTR"),
                RecordSet.of("99.1.0.10.in-addr.arpa.", "PTR", 60, "someone.else."));
        int reads = network.zoneReads();

        OrganizationReconciler.Verification verification = reconciler.verifyReverseZones();

        assertEquals(List.of(), verification.failures());
        assertEquals(1, verification.zonesRead());
        assertEquals(1, network.zoneReads() - reads, "one full read of the reverse zone");
        assertEquals(2, verification.ptrsRepaired());
        Map<String, List<String>> now = ptrs(network, reverse);
        assertEquals(List.of("h1.app.internal."), now.get("1.1.0.10.in-addr.arpa."));
        assertEquals(List.of("h2.app.internal."), now.get("2.1.0.10.in-addr.arpa."));
        assertEquals(List.of("someone.else."), now.get("99.1.0.10.in-addr.arpa."), "a PTR not owned is left alone");
    }

    @Test
    void verificationAfterARestartOnlyReadsTheZone() {
        hosts(1, 3);
        reconcile(MEMBER);
        network.editByHand(reverse, RecordKey.of("1.1.0.10.in-addr.arpa.", "PTR"), null);
        OrganizationReconciler restarted = new OrganizationReconciler(route53, ledger,
                ReconcileSettings.defaults(NETWORK, PtrOptions.defaults(OwnershipPolicy.ownedOnly(ledger))));
        int changes = network.changeRequests();

        OrganizationReconciler.Verification verification = restarted.verifyReverseZones();

        assertEquals(1, verification.zonesRead(), "no view yet: due");
        assertEquals(0, verification.ptrsRepaired(), "what the PTR should be comes from the next reconcile");
        assertEquals(changes, network.changeRequests());
        assertEquals(0, restarted.verifyReverseZones().zonesRead(), "the view is fresh now: nothing due");
    }
}
