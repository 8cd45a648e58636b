package io.zonebridge.organization;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.ownership.DynamoDbSharedAccountReads;
import io.zonebridge.ownership.OnDemandTable;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileReport;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.reverse.SharedAccountHelper;
import io.zonebridge.route53.AccountRateLimiters;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several replicas share one organisation reconcile (docs/replicas.md), each with its own Route 53 clients and
 * limiters as separate tasks have, against the project's emulator (Route 53, Organizations, STS; throttle 5/s per
 * account) and DynamoDB Local (the board, in a table like the cluster's lease table). The helpers run their timer as
 * the service does ({@code reverse-reconcile-help}, here every 100 ms).
 */
@ExtendWith(DynamoDbLocalExtension.class)
class SharedReconcileTest {

    private static final int MEMBERS = 6;
    private static final int ZONES = 3;
    private static final int RECORDS = 400;
    private static final String TABLE = "zonebridge-cluster";

    private static LocalAwsServer emulator;
    private static URI endpoint;
    private static TestOrganization org;
    private static List<String> members;
    private static Map<String, String> reverseZones;
    private static DynamoDbClient dynamo;

    /** The leader's PTR ownership, kept across the tests as a service keeps it across runs. */
    @TempDir
    static Path dir;

    private final List<Replica> replicas = new ArrayList<>();

    @BeforeAll
    static void organisation(DynamoDbLocal local) throws Exception {
        emulator = new LocalAwsServer(LocalRoute53Options.defaults().withRequestsPerSecond(5));
        emulator.start(0);
        endpoint = URI.create(emulator.endpoint());
        org = new TestOrganization(endpoint);
        members = new ArrayList<>();
        for (int a = 1; a <= MEMBERS; a++) {
            members.add(org.createAccount("member" + a));
        }
        Route53Client network = org.route53(TestOrganization.MANAGEMENT);
        reverseZones = new TreeMap<>();
        List<Route53Client> clients = new ArrayList<>();
        for (int a = 1; a <= MEMBERS; a++) {
            reverseZones.put(members.get(a - 1), TestOrganization.createZone(network, a + ".10.in-addr.arpa.", true));
            clients.add(org.route53(members.get(a - 1)));
        }
        ExecutorService setup = Executors.newFixedThreadPool(MEMBERS);
        List<Future<?>> done = new ArrayList<>();
        for (int a = 1; a <= MEMBERS; a++) {
            int account = a;
            done.add(setup.submit(() -> fill(clients.get(account - 1), account)));
        }
        for (Future<?> future : done) {
            future.get();
        }
        setup.shutdown();
        dynamo = local.client();
        OnDemandTable.ensure(dynamo, TABLE, table -> table
                .attributeDefinitions(d -> d.attributeName("key").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("key").keyType(KeyType.HASH)));
    }

    /** Account {@code a}: zones z0..z2.aA.internal., host hN of zone zZ at 10.A.Z*2+N/250.(N%250+1). */
    private static void fill(Route53Client client, int a) {
        for (int z = 0; z < ZONES; z++) {
            String zoneName = "z" + z + ".a" + a + ".internal.";
            String zoneId = TestOrganization.createZone(client, zoneName, true);
            List<Change> changes = new ArrayList<>();
            for (int h = 0; h < RECORDS; h++) {
                String address = address(a, z, h);
                changes.add(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(ResourceRecordSet.builder()
                        .name("h" + h + "." + zoneName).type(RRType.A).ttl(300L)
                        .resourceRecords(r -> r.value(address)).build()).build());
            }
            client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(changes)));
        }
    }

    private static String address(int a, int z, int h) {
        return "10." + a + "." + (z * 2 + h / 250) + "." + (h % 250 + 1);
    }

    @AfterAll
    static void stop() {
        org.close();
        dynamo.close();
        emulator.stop();
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Replica::stop);
    }

    @Test
    void twoReplicasShareTheRunReadEachAccountOnceAndEveryPtrEndsRight() throws Exception {
        Replica leader = replica("replica-a", Duration.ofSeconds(30));
        Replica other = replica("replica-b", Duration.ofSeconds(30));
        other.helpEvery100Ms();
        long throttlesBefore = emulator.counters().throttles();

        ReconcileReport report = leader.reconcile();

        assertEquals(throttlesBefore, emulator.counters().throttles(), "no account went over its 5/s");
        assertEquals(MEMBERS + 1, report.accountsRead(), report.failures().toString());
        assertTrue(report.forwardComplete(), report.failures().toString());
        assertEveryPtrRight();
        int readByOther = 0;
        for (String account : members) {
            long listings = leader.route53.calls(account).requests("ListHostedZones")
                    + other.route53.calls(account).requests("ListHostedZones");
            assertEquals(1, listings, "account " + account + " listed once in the run");
            long pages = leader.route53.calls(account).requests("ListResourceRecordSets")
                    + other.route53.calls(account).requests("ListResourceRecordSets");
            assertEquals(ZONES * 2, pages, "account " + account + ": each zone read once (2 pages)");
            assertEquals(listings + pages, report.callsByAccount().get(account).totalRequests(),
                    "the report counts the other replica's calls");
            if (other.route53.calls(account).requests("ListHostedZones") == 1) {
                readByOther++;
            }
        }
        assertTrue(readByOther > 0 && readByOther < MEMBERS, "the accounts were shared: " + readByOther
                + " of " + MEMBERS + " read by the other replica");
        assertTrue(new DynamoDbSharedAccountReads(dynamo, TABLE, "probe", Duration.ofSeconds(1), Clock.systemUTC())
                .openRun().isEmpty(), "the run is closed and removed");
    }

    @Test
    void aReplicaKilledMidRunLeavesItsAccountsToTheOthersAndTheRunCompletes() throws Exception {
        Duration claim = Duration.ofSeconds(2);
        Replica leader = replica("replica-a", claim);
        Replica doomed = replica("replica-c", claim);
        doomed.helpEvery100Ms();
        ExecutorService run = Executors.newSingleThreadExecutor();
        Future<ReconcileReport> reconcile = run.submit(leader::reconcile);

        String claimedByDoomed = doomed.awaitFirstAccountStarted(Duration.ofSeconds(60));
        doomed.kill();
        ReconcileReport report = reconcile.get(3, TimeUnit.MINUTES);
        run.shutdown();

        assertEquals(MEMBERS + 1, report.accountsRead(), report.failures().toString());
        assertTrue(report.forwardComplete(), report.failures().toString());
        assertEveryPtrRight();
        assertEquals(1, leader.route53.calls(claimedByDoomed).requests("ListHostedZones"),
                "the leader read the account the killed replica had claimed");
    }

    @Test
    void aBoardThatCannotBeReachedLeavesEveryAccountToTheLeader() {
        Replica leader = new Replica("replica-a", Duration.ofSeconds(30), dir.resolve("owned.json"), "no-such-table");
        replicas.add(leader);

        ReconcileReport report = leader.reconcile();

        assertEquals(MEMBERS + 1, report.accountsRead(), report.failures().toString());
        assertTrue(report.forwardComplete(), report.failures().toString());
        for (String account : members) {
            assertEquals(1, leader.route53.calls(account).requests("ListHostedZones"), account);
        }
        assertEveryPtrRight();
    }

    private void assertEveryPtrRight() {
        Route53Client network = org.route53(TestOrganization.MANAGEMENT);
        for (int a = 1; a <= MEMBERS; a++) {
            Map<String, List<String>> expected = new TreeMap<>();
            for (int z = 0; z < ZONES; z++) {
                for (int h = 0; h < RECORDS; h++) {
                    String[] octets = address(a, z, h).split("\\.");
                    expected.put(octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0] + ".in-addr.arpa.",
                            List.of("h" + h + ".z" + z + ".a" + a + ".internal."));
                }
            }
            assertEquals(expected, TestOrganization.ptrs(network, reverseZones.get(members.get(a - 1))),
                    "PTRs of account " + a);
        }
    }

    private Replica replica(String name, Duration claim) throws Exception {
        Replica replica = new Replica(name, claim, dir.resolve("owned.json"));
        replicas.add(replica);
        return replica;
    }

    /** One replica: its own Route 53 clients and limiters, the board under its name. */
    private static final class Replica {
        final AssumedRoleRoute53 route53;
        final AccountCredentials credentials;
        final DynamoDbSharedAccountReads board;
        final OrganizationReconciler reconciler;
        final SharedAccountHelper helper;
        /** The helper's timer, once {@link #helpEvery100Ms} started it. */
        ScheduledExecutorService timer;
        /** The first member account this replica began to read (its ListHostedZones went out). */
        final CompletableFuture<String> firstAccount = new CompletableFuture<>();

        Replica(String name, Duration claim, Path ledger) {
            this(name, claim, ledger, TABLE);
        }

        Replica(String name, Duration claim, Path ledger, String table) {
            credentials = AccountCredentials.connect(org.endpoint(), TestOrganization.MANAGEMENT,
                    AssumeRoleSettings.role(AssumeRoleSettings.DEFAULT_ROLE_NAME));
            route53 = new AssumedRoleRoute53(credentials, new AccountRateLimiters(5),
                    account -> new Route53ClientFactory().endpoint(endpoint).addInterceptor(new ExecutionInterceptor() {
                        @Override
                        public void beforeTransmission(Context.BeforeTransmission context,
                                                       ExecutionAttributes attributes) {
                            if (members.contains(account) && "ListHostedZones".equals(
                                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                                firstAccount.complete(account);
                            }
                        }
                    }));
            board = new DynamoDbSharedAccountReads(dynamo, table, name, claim, Clock.systemUTC());
            JsonFileOwnedPtrLedger owned = new JsonFileOwnedPtrLedger(ledger);
            reconciler = new OrganizationReconciler(route53, owned, ReconcileSettings.defaults(
                    TestOrganization.MANAGEMENT, PtrOptions.defaults(OwnershipPolicy.ownedOnly(owned)))
                    .withParallelism(2), board);
            helper = new SharedAccountHelper(route53, board, 2);
        }

        ReconcileReport reconcile() {
            return reconciler.reconcile(members);
        }

        /** The service's {@code reverse-reconcile-help} timer. */
        void helpEvery100Ms() {
            timer = HelperTimer.every(Duration.ofMillis(100), helper, e -> { });
        }

        /** The first member account this replica began to read (listed its zones), once it has. */
        String awaitFirstAccountStarted(Duration limit) throws Exception {
            return firstAccount.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** As SIGKILL leaves it: reads stop where they are, nothing more is published or released. */
        void kill() {
            if (timer != null) {
                timer.shutdownNow();
            }
        }

        void stop() {
            kill();
            route53.close();
            credentials.close();
        }
    }
}
