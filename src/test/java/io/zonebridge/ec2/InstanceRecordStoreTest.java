package io.zonebridge.ec2;

import io.zonebridge.testpeers.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class InstanceRecordStoreTest {

    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;

    @BeforeAll
    static void start(DynamoDbLocal classDynamo) throws Exception {
        dynamo = classDynamo;
        client = dynamo.client();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
    }

    private static final Instant T1 = Instant.parse("2024-05-14T12:58:57Z");
    private static final Instant T2 = Instant.parse("2024-05-14T13:10:00Z");
    private static final RecordKey WEB = RecordKey.of("web-01.internal.example.com.", "A");

    @Test
    void missingTableIsCreatedOnDemandAndActive() {
        assertThrows(ResourceNotFoundException.class, () -> client.describeTable(r -> r.tableName("zb-created")));
        InstanceRecordStore store = new InstanceRecordStore(client, "zb-created");
        store.ensureTable();
        TableDescription t = client.describeTable(r -> r.tableName("zb-created")).table();
        assertEquals(TableStatus.ACTIVE, t.tableStatus());
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertEquals(TimeToLiveStatus.ENABLED, client.describeTimeToLive(r -> r.tableName("zb-created"))
                .timeToLiveDescription().timeToLiveStatus());
        store.ensureTable(); // existing table: no error
    }

    @Test
    void instanceRoundTripsAndSurvivesANewStoreObject() {
        InstanceRecordStore store = new InstanceRecordStore(client, "zb-roundtrip");
        store.ensureTable();
        InstanceRecords records = new InstanceRecords("i-1", List.of(
                new OwnedRecord("Z0PRIVATE", RecordSet.of("web-01.internal.example.com.", "A", 300, "10.0.1.25")),
                new OwnedRecord("Z0PUBLIC", RecordSet.of("web-01.internal.example.com.", "AAAA", 60,
                        "2001:db8::2", "2001:db8::1"))),
                List.of(new AddressName("10.0.1.25", "web-01.internal.example.com.")));
        StoredInstance stored = new StoredInstance(records, InstanceState.RUNNING, T1);
        assertTrue(store.put(stored));

        InstanceRecordStore restarted = new InstanceRecordStore(dynamo.client(), "zb-roundtrip");
        assertEquals(Optional.of(stored), restarted.get("i-1"));
        assertEquals(Optional.empty(), restarted.get("i-2"));
        restarted.delete("i-1");
        assertEquals(Optional.empty(), store.get("i-1"));
    }

    @Test
    void manyInstancesAreReadTogether() {
        InstanceRecordStore store = new InstanceRecordStore(client, "zb-many");
        store.ensureTable();
        Map<String, StoredInstance> written = new HashMap<>();
        for (int i = 0; i < 150; i++) {
            StoredInstance s = new StoredInstance(new InstanceRecords("i-" + i, List.of(
                    new OwnedRecord("Z0PRIVATE", RecordSet.of("h" + i + ".internal.example.com.", "A", 300, "10.0.0." + (i % 250)))),
                    List.of()), InstanceState.RUNNING, T1);
            assertTrue(store.put(s));
            written.put("i-" + i, s);
        }
        List<String> asked = new ArrayList<>(written.keySet());
        asked.add("i-unknown");
        assertEquals(written, store.getAll(asked));
        assertEquals(Map.of(), store.getAll(List.of("i-unknown")));
    }

    @Test
    void olderEventTimeDoesNotOverwrite() {
        InstanceRecordStore store = new InstanceRecordStore(client, "zb-order");
        store.ensureTable();
        StoredInstance newer = new StoredInstance(InstanceRecords.none("i-1"), InstanceState.TERMINATED, T2);
        assertTrue(store.put(newer));
        assertFalse(store.put(new StoredInstance(InstanceRecords.none("i-1"), InstanceState.RUNNING, T1)));
        assertEquals(Optional.of(newer), store.get("i-1"));
        long expiresAt = Long.parseLong(client.getItem(r -> r.tableName("zb-order")
                .key(Map.of("pk", AttributeValue.fromS("instance#i-1")))).item().get("expiresAt").n());
        long retention = InstanceRecordStore.REMOVED_RETENTION.toSeconds();
        assertTrue(Math.abs(expiresAt - (Instant.now().getEpochSecond() + retention)) < 120,
                "a removed instance's item expires the retention after it was stored (the event is older): " + expiresAt);
        assertTrue(store.put(newer), "the same time again is an idempotent repeat");
    }

    @Test
    void recordOwnershipFollowsTheLatestClaimAndOnlyTheOwnerReleases() {
        InstanceRecordStore store = new InstanceRecordStore(client, "zb-owners");
        store.ensureTable();
        assertTrue(store.claimRecord("Z0PRIVATE", WEB, "i-old", T1));
        assertTrue(store.claimRecord("Z0PRIVATE", WEB, "i-old", T1), "repeat claim by the owner");
        assertTrue(store.claimRecord("Z0PRIVATE", WEB, "i-new", T2), "a later claim takes the record over");
        assertFalse(store.claimRecord("Z0PRIVATE", WEB, "i-old", T1), "an older claim does not take it back");
        assertEquals(Optional.of("i-new"), store.recordOwner("Z0PRIVATE", WEB));
        assertTrue(store.claimRecord("Z0PUBLIC", WEB, "i-old", T1), "same name in another zone is another record");

        assertFalse(store.releaseRecord("Z0PRIVATE", WEB, "i-old"));
        assertEquals(Optional.of("i-new"), store.recordOwner("Z0PRIVATE", WEB));
        assertTrue(store.releaseRecord("Z0PRIVATE", WEB, "i-new"));
        assertEquals(Optional.empty(), store.recordOwner("Z0PRIVATE", WEB));
        assertTrue(store.releaseRecord("Z0PRIVATE", WEB, "i-new"), "a repeated release: nobody owns it, it may go");
        assertTrue(store.claimRecord("Z0PRIVATE", WEB, "i-third", T1), "a free record can be claimed at any time");
        assertFalse(store.releaseRecord("Z0PRIVATE", WEB, "i-new"), "never releases another instance's claim");

        AddressName address = new AddressName("10.0.1.50", "ip-10-0-1-50.internal.example.com.");
        assertTrue(store.claimAddress(address, "i-old", T1));
        assertTrue(store.claimAddress(address, "i-new", T2));
        assertFalse(store.releaseAddress("10.0.1.50", "i-old"));
        assertEquals(Optional.of("i-new"), store.addressOwner("10.0.1.50"));
        assertTrue(store.releaseAddress("10.0.1.50", "i-new"));
    }

    @Test
    void blankTableNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InstanceRecordStore(client, " "));
        assertTrue(e.getMessage().contains("table name"));
    }
}
