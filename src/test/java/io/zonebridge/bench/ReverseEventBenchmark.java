package io.zonebridge.bench;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.organization.AccountCredentials;
import io.zonebridge.organization.AssumeRoleSettings;
import io.zonebridge.organization.AssumedRoleRoute53;
import io.zonebridge.organization.TestOrganization;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileReport;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.reverse.ReverseWork;
import io.zonebridge.route53.AccountRateLimiters;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53ClientFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Route 53 requests of one CloudTrail A-record event through the reverse job's engine path, against the local
 * emulator with two accounts: a member account whose private forward zone holds 10,000 record sets, and the network
 * account whose reverse zone holds 10,000 (PTRs made by an organisation reconcile, which fills the views). Prints
 * one line per case, {@code reverse-event member_lists=… network_lists=… changes=…}: "warm" after the organisation
 * reconcile (the service's steady state), "cold" for a new reconciler that has no view yet (as after a restart
 * before the first reconcile). Run: {@code bin/bench-java 1g ReverseEventBenchmark}.
 */
public final class ReverseEventBenchmark {

    private static final int RECORDS = 9_997; // + the event's record + SOA + NS = 10,000 sets in either zone

    private ReverseEventBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LocalAwsServer emulator = new LocalAwsServer(LocalRoute53Options.defaults().withRequestsPerSecond(1000));
        emulator.start(0);
        URI endpoint = URI.create(emulator.endpoint());
        Path state = Files.createTempDirectory("reverse-event-bench-");
        try (TestOrganization org = new TestOrganization(endpoint)) {
            String network = TestOrganization.MANAGEMENT;
            String member = org.createAccount("member");
            Route53Client memberClient = org.route53(member);
            TestOrganization.createZone(org.route53(network), "10.in-addr.arpa.", true);
            String forwardId = TestOrganization.createZone(memberClient, "corp.internal.", true);
            for (int from = 0; from < RECORDS; from += 1000) {
                List<Change> changes = new ArrayList<>();
                for (int h = from; h < Math.min(from + 1000, RECORDS); h++) {
                    changes.add(create(h, address(h)));
                }
                memberClient.changeResourceRecordSets(r -> r.hostedZoneId(forwardId).changeBatch(b -> b.changes(changes)));
            }
            JsonFileOwnedPtrLedger ledger = new JsonFileOwnedPtrLedger(state.resolve("owned.json"));
            ReconcileSettings settings = ReconcileSettings.defaults(network,
                    PtrOptions.defaults(OwnershipPolicy.ownedOnly(ledger)));
            try (AccountCredentials credentials = AccountCredentials.connect(org.endpoint(), network,
                         AssumeRoleSettings.role(AssumeRoleSettings.DEFAULT_ROLE_NAME));
                 AssumedRoleRoute53 route53 = new AssumedRoleRoute53(credentials, new AccountRateLimiters(1000),
                         account -> new Route53ClientFactory().endpoint(endpoint))) {
                HostedZoneRef forward = route53.gateway(member).listHostedZones().stream()
                        .filter(z -> z.id().equals(forwardId)).findFirst().orElseThrow();
                OrganizationReconciler reconciler = new OrganizationReconciler(route53, ledger, settings);
                ReconcileReport full = reconciler.reconcile(List.of(member));
                System.out.printf(Locale.ROOT, "organisation reconcile: %,d PTRs created%n", full.ptrsCreated());

                String name = "h" + RECORDS + ".corp.internal.";
                memberClient.changeResourceRecordSets(r -> r.hostedZoneId(forwardId)
                        .changeBatch(b -> b.changes(create(RECORDS, address(RECORDS)))));
                event("warm", reconciler, route53, member, network, forward, name, address(RECORDS));

                String moved = "10.1.250.1";
                memberClient.changeResourceRecordSets(r -> r.hostedZoneId(forwardId).changeBatch(b -> b.changes(
                        Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(set(name, moved)).build())));
                event("cold", new OrganizationReconciler(route53, ledger, settings), route53, member, network,
                        forward, name, moved);
            }
        } finally {
            emulator.stop();
            try (var files = Files.list(state)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(state);
        }
    }

    private static void event(String label, OrganizationReconciler reconciler, AssumedRoleRoute53 route53,
                              String member, String network, HostedZoneRef forward, String name, String address) {
        ApiCallStats memberBefore = route53.calls(member);
        ApiCallStats networkBefore = route53.calls(network);
        ReconcileReport report = reconciler.reconcileEvent(new ReverseWork(member, forward.id(), List.of(name),
                List.of(address)), forward);
        ApiCallStats memberCalls = route53.calls(member).since(memberBefore);
        ApiCallStats networkCalls = route53.calls(network).since(networkBefore);
        System.out.printf(Locale.ROOT, "reverse-event member_lists=%d network_lists=%d changes=%d"
                        + "   (%s: member requests %d, network requests %d; PTRs +%d ~%d -%d, failures %d)%n",
                memberCalls.requests("ListResourceRecordSets"), networkCalls.requests("ListResourceRecordSets"),
                networkCalls.requests("ChangeResourceRecordSets"), label, memberCalls.totalRequests(),
                networkCalls.totalRequests(), report.ptrsCreated(), report.ptrsUpdated(), report.ptrsDeleted(),
                report.failures().size());
    }

    private static String address(int h) {
        return "10.1." + (h / 250) + "." + (h % 250 + 1);
    }

    private static Change create(int h, String address) {
        return Change.builder().action(ChangeAction.CREATE).resourceRecordSet(set("h" + h + ".corp.internal.", address))
                .build();
    }

    private static ResourceRecordSet set(String name, String address) {
        return ResourceRecordSet.builder().name(name).type(RRType.A).ttl(300L).resourceRecords(r -> r.value(address))
                .build();
    }
}
