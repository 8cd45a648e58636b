package io.zonebridge.ownership;

import io.zonebridge.testpeers.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.ec2.DynamoDbLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The DynamoDB ownership ledger against DynamoDB Local through the real SDK: claims survive a new client (a
 * restarted service), releases, canonical names, one Query per zone per run whatever the number of {@code owns}
 * calls, Query paging over DynamoDB's 1 MB pages, BatchWriteItem chunks of 25 and the retry of unprocessed items.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbOwnedPtrLedgerTest {

    private static final String ZONE = "0.10.in-addr.arpa.";
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbLocal dynamo;

    @BeforeAll
    static void useDynamoDb(DynamoDbLocal classDynamo) {
        dynamo = classDynamo;
    }

    private static String newTable() {
        return "ptr-ownership-" + TABLES.incrementAndGet();
    }

    private static DynamoDbOwnedPtrLedger ledger(DynamoDbClient client, String table) {
        DynamoDbOwnedPtrLedger ledger = new DynamoDbOwnedPtrLedger(client, table);
        ledger.ensureTable();
        return ledger;
    }

    @Test
    void theTableIsCreatedWhenMissingKeyedByZoneAndPtrOnDemand() {
        String table = newTable();
        try (DynamoDbClient client = dynamo.client()) {
            ledger(client, table);
            ledger(client, table); // exists now: used as it is
            TableDescription description = client.describeTable(r -> r.tableName(table)).table();
            assertEquals("zone", description.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH)
                    .findFirst().orElseThrow().attributeName());
            assertEquals("ptr", description.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE)
                    .findFirst().orElseThrow().attributeName());
            assertEquals(BillingMode.PAY_PER_REQUEST, description.billingModeSummary().billingMode());
        }
    }

    @Test
    void claimsSurviveARestartAndReleasesRemoveOnlyTheReleasedNames() {
        String table = newTable();
        try (DynamoDbClient client = dynamo.client()) {
            DynamoDbOwnedPtrLedger ledger = ledger(client, table);
            assertFalse(ledger.owns(ZONE, "5.1.0.10.in-addr.arpa."));
            ledger.claim("0.10.IN-ADDR.ARPA", List.of("5.1.0.10.IN-ADDR.ARPA.", "6.1.0.10.in-addr.arpa"));
            ledger.claim("2.10.in-addr.arpa.", List.of("7.1.2.10.in-addr.arpa."));
            assertTrue(ledger.owns(ZONE, "5.1.0.10.in-addr.arpa"), "names are canonical");
        }
        try (DynamoDbClient restarted = dynamo.client()) {
            DynamoDbOwnedPtrLedger ledger = ledger(restarted, table);
            assertTrue(ledger.owns(ZONE, "5.1.0.10.in-addr.arpa."));
            assertTrue(ledger.owns(ZONE, "6.1.0.10.in-addr.arpa."));
            assertFalse(ledger.owns(ZONE, "7.1.2.10.in-addr.arpa."), "owned in its own zone only");
            ledger.release(ZONE, List.of("5.1.0.10.in-addr.arpa.", "9.9.0.10.in-addr.arpa."));
            assertFalse(ledger.owns(ZONE, "5.1.0.10.in-addr.arpa."));
            assertEquals(Set.of("6.1.0.10.in-addr.arpa."), ledger.ownedNames(ZONE));
            assertEquals(Set.of("7.1.2.10.in-addr.arpa."), ledger.ownedNames("2.10.in-addr.arpa."));
        }
    }

    @Test
    void ownsAnswersFromOneQueryPerZoneAndARefreshSeesAnotherProcessesClaims() {
        String table = newTable();
        DynamoDbClients.OperationCounter calls = new DynamoDbClients.OperationCounter();
        try (DynamoDbClient client = DynamoDbClients.client(dynamo, calls); DynamoDbClient other = dynamo.client()) {
            DynamoDbOwnedPtrLedger ledger = ledger(client, table);
            DynamoDbOwnedPtrLedger replica = ledger(other, table);
            replica.claim(ZONE, names(0, 300));
            calls.reset();
            ledger.refresh(List.of(ZONE, "1.10.in-addr.arpa."));
            for (String name : names(0, 600)) {
                ledger.owns(ZONE, name);
            }
            assertEquals(2, calls.count("Query"), "one Query per refreshed zone, none per owns");
            assertEquals(0, calls.count("GetItem"));

            replica.claim(ZONE, List.of("1.2.0.10.in-addr.arpa."));
            assertFalse(ledger.owns(ZONE, "1.2.0.10.in-addr.arpa."), "answered from this run's read");
            ledger.refresh(List.of(ZONE));
            assertTrue(ledger.owns(ZONE, "1.2.0.10.in-addr.arpa."), "the next run sees the replica's claim");
            ledger.release(ZONE, List.of("1.2.0.10.in-addr.arpa."));
            assertFalse(ledger.owns(ZONE, "1.2.0.10.in-addr.arpa."), "its own release is seen at once");
        }
    }

    @Test
    void aZoneOfManyNamesIsWrittenIn25sAndReadOverSeveralQueryPages() {
        String table = newTable();
        String zone = "8.b.d.0.1.0.0.2.ip6.arpa.";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String hex = String.format("%024x", i);
            StringBuilder name = new StringBuilder();
            for (int c = hex.length() - 1; c >= 0; c--) {
                name.append(hex.charAt(c)).append('.');
            }
            names.add(name + zone); // 32 nibbles: a full ip6.arpa PTR name
        }
        DynamoDbClients.OperationCounter calls = new DynamoDbClients.OperationCounter();
        DynamoDbClients.InFlight inFlight = new DynamoDbClients.InFlight();
        try (DynamoDbClient client = DynamoDbClients.client(dynamo, calls, inFlight)) {
            DynamoDbOwnedPtrLedger ledger = ledger(client, table);
            ledger.claim(zone, names);
            assertEquals(400, calls.count("BatchWriteItem"), "10,000 items, 25 a call");
            assertTrue(inFlight.most() > 1 && inFlight.most() <= DynamoDbOwnedPtrLedger.CALLS_IN_FLIGHT,
                    "calls sent side by side, at most " + DynamoDbOwnedPtrLedger.CALLS_IN_FLIGHT + ": " + inFlight.most());
            calls.reset();
            Set<String> owned = ledger.ownedNames(zone);
            assertEquals(new TreeSet<>(names), owned);
            assertTrue(calls.count("Query") >= 2, "over 1 MB of items is read in several pages: "
                    + calls.count("Query") + " Query call(s)");
        }
    }

    @Test
    void itemsDynamoDbLeavesUnprocessedAreSentAgain() {
        String table = newTable();
        DynamoDbClients.HoldBackHalf throttle = new DynamoDbClients.HoldBackHalf(0);
        DynamoDbClients.OperationCounter calls = new DynamoDbClients.OperationCounter();
        try (DynamoDbClient client = DynamoDbClients.client(dynamo, throttle, calls)) {
            DynamoDbOwnedPtrLedger ledger = ledger(client, table);
            throttle.holdBackNext(3);
            calls.reset();
            ledger.claim(ZONE, names(0, 30)); // chunks of 25 and 5
            assertEquals(Set.copyOf(names(0, 30)), ledger.ownedNames(ZONE));
            assertEquals(2 + 3, calls.count("BatchWriteItem"), "two chunks, three of their calls retried");

            throttle.holdBackNext(2);
            ledger.release(ZONE, names(0, 20));
            assertEquals(Set.copyOf(names(20, 30)), ledger.ownedNames(ZONE));
        }
    }

    @Test
    void itemsStillUnprocessedAfterEveryAttemptFailTheWriteNamingTableAndZone() {
        String table = newTable();
        DynamoDbClients.HoldBackHalf throttle = new DynamoDbClients.HoldBackHalf(0);
        try (DynamoDbClient client = DynamoDbClients.client(dynamo, throttle)) {
            DynamoDbOwnedPtrLedger ledger = ledger(client, table);
            throttle.holdBackNext(Integer.MAX_VALUE);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ledger.claim(ZONE, List.of("1.0.0.10.in-addr.arpa.")));
            assertEquals("DynamoDB table " + table + ": 1 PTR ownership write(s) of zone " + ZONE
                    + " still unprocessed after " + DynamoDbOwnedPtrLedger.MAX_ATTEMPTS + " attempts (throttled?)",
                    e.getMessage());
            throttle.holdBackNext(0);
            assertFalse(ledger.owns(ZONE, "1.0.0.10.in-addr.arpa."), "a failed claim is not believed");
        }
    }

    /** PTR names {@code from..to-1} of 10.0.0.0/16 in {@link #ZONE}. */
    private static List<String> names(int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to; i++) {
            names.add((i % 256) + "." + (i / 256) + "." + ZONE);
        }
        return names;
    }
}
