package io.zonebridge.ec2;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.ownership.OnDemandTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps, in one DynamoDB table, what zonebridge made for each EC2 instance and who owns each record and address,
 * so records are removed exactly even after the instance can no longer be described, and two instances that
 * reuse a name or an address never remove each other's records.
 *
 * <p>Items, all under the string partition key {@code pk}:
 * <ul>
 *   <li>{@code instance#<id>}: {@code state}, {@code eventTime} (epoch ms of the last event applied),
 *       {@code records} (list of {zone, name, type, ttl, values}) and {@code addresses} (list of {address, name});
 *       kept after the instance stopped, listing what was removed, so an older event arriving late is recognised
 *       and a repeated one removes the same again, and
 *       then expired by DynamoDB's TTL ({@code expiresAt}, {@link #REMOVED_RETENTION} after the event, or after it was
 *       stored when the event is older);</li>
 *   <li>{@code record#<zone id>#<type>#<name>}: {@code owner} (instance id) and {@code since} (epoch ms);</li>
 *   <li>{@code address#<address>}: {@code owner}, {@code name} and {@code since}.</li>
 * </ul>
 * An owner item is claimed only when it is free, already the claimer's, or older than the claim; it is
 * released only by its owner, and another instance's claim is never released (DynamoDB condition expressions,
 * so concurrent writers cannot break the rule).
 * The table is created when missing, with on-demand billing and TTL on {@code expiresAt}, and used once ACTIVE.
 */
public final class InstanceRecordStore {

    private static final String PK = "pk";
    /** Keys per BatchGetItem call (DynamoDB's limit). */
    public static final int KEYS_PER_BATCH = 100;
    private static final String EXPIRES = "expiresAt";
    /** How long the item of an instance whose records were removed is kept, to recognise late older events. */
    public static final Duration REMOVED_RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public InstanceRecordStore(DynamoDbClient dynamo, String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("DynamoDB table name must not be blank");
        }
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Creates the table when missing (on-demand billing) and waits until it is ACTIVE. */
    public void ensureTable() {
        boolean created = OnDemandTable.ensure(dynamo, table, r -> r
                .attributeDefinitions(AttributeDefinition.builder().attributeName(PK)
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build()));
        if (created) {
            dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(
                    t -> t.attributeName(EXPIRES).enabled(true)));
        }
    }

    /** What is stored for the instance, if anything. */
    public Optional<StoredInstance> get(String instanceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(instanceKey(instanceId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromItem(instanceId, item));
    }

    /**
     * What is stored for each of the instances that has an item, read with BatchGetItem ({@value #KEYS_PER_BATCH}
     * keys a call, consistent reads; keys DynamoDB leaves unprocessed are asked for again).
     */
    public Map<String, StoredInstance> getAll(Collection<String> instanceIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(instanceIds));
        Map<String, StoredInstance> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += KEYS_PER_BATCH) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + KEYS_PER_BATCH))
                    .stream().map(id -> key(instanceKey(id))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt > 0) {
                    pause(attempt);
                }
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(asked));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    String id = item.get(PK).s().substring("instance#".length());
                    found.put(id, fromItem(id, item));
                }
                request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
        return found;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 25L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading DynamoDB", e);
        }
    }

    /**
     * Stores the instance, unless the store already holds a newer event for it.
     *
     * @return false when a newer event was stored meanwhile (nothing written)
     */
    public boolean put(StoredInstance instance) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(instanceKey(instance.instanceId())));
        item.put("state", s(instance.state().eventName()));
        item.put("eventTime", n(instance.lastEventTime().toEpochMilli()));
        item.put("records", AttributeValue.fromL(instance.records().records().stream().map(InstanceRecordStore::toItem).toList()));
        item.put("addresses", AttributeValue.fromL(instance.records().addresses().stream()
                .map(a -> AttributeValue.fromM(Map.of("address", s(a.address()), "name", s(a.name())))).toList()));
        if (instance.state().removesRecords()) {
            // counted from the later of the event and now, so a late (replayed) event's item is not swept at once
            Instant from = instance.lastEventTime().isAfter(Instant.now()) ? instance.lastEventTime() : Instant.now();
            item.put(EXPIRES, n(from.plus(REMOVED_RETENTION).getEpochSecond()));
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR eventTime <= :t")
                    .expressionAttributeValues(Map.of(":t", n(instance.lastEventTime().toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }

    /** Forgets the instance (its owner items are left to {@link #releaseRecord} and {@link #releaseAddress}). */
    public void delete(String instanceId) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(instanceKey(instanceId))));
    }

    /**
     * Makes {@code instanceId} the owner of the record set's identity in the zone, unless another instance
     * claimed it at a later time.
     *
     * @return true when the instance owns it now
     */
    public boolean claimRecord(String hostedZoneId, RecordKey record, String instanceId, Instant since) {
        return claim(recordKey(hostedZoneId, record), instanceId, since, Map.of());
    }

    /**
     * Releases the record identity unless another instance owns it; true when {@code instanceId} owned it or nobody
     * does (so the record may go; a repeated release is true again, so a lost delete can be made again).
     */
    public boolean releaseRecord(String hostedZoneId, RecordKey record, String instanceId) {
        return release(recordKey(hostedZoneId, record), instanceId);
    }

    /** The instance owning the record identity now, if any. */
    public Optional<String> recordOwner(String hostedZoneId, RecordKey record) {
        return owner(recordKey(hostedZoneId, record));
    }

    /** Makes {@code instanceId} the owner of the address's PTR, unless another instance claimed it later. */
    public boolean claimAddress(AddressName address, String instanceId, Instant since) {
        return claim(addressKey(address.address()), instanceId, since, Map.of("name", s(address.name())));
    }

    /** Releases the address unless another instance owns it; true when it may go (as {@link #releaseRecord}). */
    public boolean releaseAddress(String address, String instanceId) {
        return release(addressKey(address), instanceId);
    }

    /** The instance owning the address's PTR now, if any. */
    public Optional<String> addressOwner(String address) {
        return owner(addressKey(address));
    }

    /**
     * The record sets of running instances that still own them, by bare hosted zone id: what the EC2 job keeps
     * in Route 53 now. One consistent Scan of the table (paginated): the instance items give the records, the
     * owner items say which instance owns each (a record another instance claimed later is that instance's).
     */
    public Map<String, List<RecordSet>> ownedRecordsOfRunningInstances() {
        Map<String, String> owners = new HashMap<>();
        List<StoredInstance> running = new ArrayList<>();
        ScanRequest request = ScanRequest.builder().tableName(table).consistentRead(true).build();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(request).items()) {
            String pk = item.get(PK).s();
            if (pk.startsWith("instance#")) {
                StoredInstance instance = fromItem(pk.substring("instance#".length()), item);
                if (instance.state().createsRecords()) {
                    running.add(instance);
                }
            } else if (pk.startsWith("record#") && item.containsKey("owner")) {
                owners.put(pk, item.get("owner").s());
            }
        }
        Map<String, List<RecordSet>> byZone = new HashMap<>();
        for (StoredInstance instance : running) {
            for (OwnedRecord record : instance.records().records()) {
                String pk = recordKey(record.hostedZoneId(), record.recordSet().key());
                if (instance.instanceId().equals(owners.get(pk))) {
                    byZone.computeIfAbsent(record.hostedZoneId(), z -> new ArrayList<>()).add(record.recordSet());
                }
            }
        }
        return byZone;
    }

    private boolean claim(String pk, String instanceId, Instant since, Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> item = new HashMap<>(extra);
        item.put(PK, s(pk));
        item.put("owner", s(instanceId));
        item.put("since", n(since.toEpochMilli()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #owner = :me OR #since < :t")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#since", "since"))
                    .expressionAttributeValues(Map.of(":me", s(instanceId), ":t", n(since.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException ownedByAnother) {
            return false;
        }
    }

    private boolean release(String pk, String instanceId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(pk))
                    .conditionExpression("attribute_not_exists(pk) OR #owner = :me")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":me", s(instanceId))));
            return true;
        } catch (ConditionalCheckFailedException notOwner) {
            return false;
        }
    }

    private Optional<String> owner(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(pk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("owner").s());
    }

    private static AttributeValue toItem(OwnedRecord record) {
        RecordSet set = record.recordSet();
        return AttributeValue.fromM(Map.of(
                "zone", s(record.hostedZoneId()),
                "name", s(set.name()),
                "type", s(set.type()),
                "ttl", n(set.ttl()),
                "values", AttributeValue.fromL(set.values().stream().map(InstanceRecordStore::s).toList())));
    }

    private StoredInstance fromItem(String instanceId, Map<String, AttributeValue> item) {
        try {
            List<OwnedRecord> records = new ArrayList<>();
            for (AttributeValue v : item.get("records").l()) {
                Map<String, AttributeValue> m = v.m();
                records.add(new OwnedRecord(m.get("zone").s(), RecordSet.of(RecordKey.of(m.get("name").s(), m.get("type").s()),
                        Long.parseLong(m.get("ttl").n()), m.get("values").l().stream().map(AttributeValue::s).toList())));
            }
            List<AddressName> addresses = item.get("addresses").l().stream()
                    .map(v -> new AddressName(v.m().get("address").s(), v.m().get("name").s())).toList();
            return new StoredInstance(new InstanceRecords(instanceId, records, addresses),
                    InstanceState.fromEventName(item.get("state").s()),
                    Instant.ofEpochMilli(Long.parseLong(item.get("eventTime").n())));
        } catch (RuntimeException e) {
            throw new IllegalStateException("DynamoDB table " + table + ": item " + instanceKey(instanceId)
                    + " is not a stored instance: " + e, e);
        }
    }

    private static String instanceKey(String instanceId) {
        return "instance#" + instanceId;
    }

    private static String recordKey(String hostedZoneId, RecordKey record) {
        return "record#" + hostedZoneId + "#" + record.type() + "#" + record.name();
    }

    private static String addressKey(String address) {
        return "address#" + address;
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, s(pk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
