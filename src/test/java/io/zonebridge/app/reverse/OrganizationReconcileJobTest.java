package io.zonebridge.app.reverse;

import io.zonebridge.app.Eventually;
import io.zonebridge.organization.OrganizationReconcileJob;
import io.zonebridge.reverse.ReverseSyncException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.organization.AccountCredentials;
import io.zonebridge.organization.AssumeRoleSettings;
import io.zonebridge.organization.AssumedRoleRoute53;
import io.zonebridge.organization.AwsEndpoint;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.route53.AccountRateLimiters;
import io.zonebridge.route53.Route53ClientFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * {@link OrganizationReconcileJob} against the local emulator: one reconcile at a time (a trigger while one runs is
 * skipped and counted, the running one still completes), and a run that cannot list its accounts throws without
 * blocking the next one.
 */
class OrganizationReconcileJobTest {

    private static final String NETWORK = "111111111111";

    @TempDir
    Path dir;

    private LocalAwsServer server;
    private AccountCredentials credentials;
    private AssumedRoleRoute53 route53;
    private Route53Client client;
    private OrganizationReconciler reconciler;

    @BeforeEach
    void start() {
        server = new LocalAwsServer();
        server.start(0);
        URI endpoint = URI.create(server.endpoint());
        AwsEndpoint aws = new AwsEndpoint(Region.US_EAST_1, endpoint, ReversePeers.accountCredentials(NETWORK));
        credentials = AccountCredentials.connect(aws, NETWORK, AssumeRoleSettings.role("zonebridge-reader"));
        route53 = new AssumedRoleRoute53(credentials, new AccountRateLimiters(50),
                account -> new Route53ClientFactory().endpoint(endpoint));
        client = new Route53ClientFactory().endpoint(endpoint).rateLimiter(new AccountRateLimiters(50).forAccount(NETWORK))
                .credentials(ReversePeers.accountCredentials(NETWORK)).create();
        String forward = ReversePeers.privateZone(client, "corp.example.");
        ReversePeers.privateZone(client, "10.in-addr.arpa.");
        client.changeResourceRecordSets(r -> r.hostedZoneId(forward).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name("host.corp.example.").type(RRType.A)
                        .ttl(300L).resourceRecords(v -> v.value("10.0.1.40"))))));
        JsonFileOwnedPtrLedger ledger = new JsonFileOwnedPtrLedger(dir.resolve("owned.json"));
        reconciler = new OrganizationReconciler(route53, ledger, ReconcileSettings.defaults(NETWORK,
                PtrOptions.defaults(OwnershipPolicy.ownedOnly(ledger))));
    }

    @AfterEach
    void stop() {
        client.close();
        route53.close();
        credentials.close();
        server.stop();
    }

    @Test
    void aTriggerWhileOneRunsIsSkippedAndCounted() throws Exception {
        ReentrantLock writer = new ReentrantLock();
        OrganizationReconcileJob job = new OrganizationReconcileJob(reconciler, List::of, writer);
        writer.lock(); // an event-driven sync is writing: the reconcile waits for it
        CompletableFuture<Boolean> first;
        try {
            first = CompletableFuture.supplyAsync(() -> job.run("first"));
            Eventually.assertWithin(Duration.ofSeconds(10), job::isRunning, () -> "the first run started");
            assertFalse(job.run("second"), "skipped while the first runs");
            assertEquals(1, job.skipped());
            assertFalse(first.isDone(), "the first waits for the writer lock");
        } finally {
            writer.unlock();
        }
        assertTrue(first.get(30, TimeUnit.SECONDS));
        assertEquals(1, job.runs());
        assertEquals(1, job.lastReport().orElseThrow().ptrsCreated());
        assertTrue(job.run("third"), "runs again once the first is done");
        assertEquals(0, job.lastReport().orElseThrow().ptrsCreated(), "nothing left to do");
        assertEquals(2, job.runs());
        assertEquals(1, job.skipped());
    }

    @Test
    void aRunThatCannotListItsAccountsThrowsAndTheNextOneRuns() {
        boolean[] fail = {true};
        Supplier<List<String>> accounts = () -> {
            if (fail[0]) {
                throw new IllegalStateException("AccessDeniedException: not the management account");
            }
            return List.of();
        };
        OrganizationReconcileJob job = new OrganizationReconcileJob(reconciler, accounts, new ReentrantLock());
        ReverseSyncException error = assertThrows(ReverseSyncException.class, () -> job.run("timer"));
        assertEquals("organisation reconcile (timer): cannot list the accounts: AccessDeniedException: not the "
                + "management account", error.getMessage());
        assertFalse(job.isRunning());
        assertEquals(0, job.runs());
        fail[0] = false;
        assertTrue(job.run("timer"));
        assertEquals(1, job.runs());
    }
}
