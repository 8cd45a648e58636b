package io.zonebridge.ownership;

import io.zonebridge.reverse.OwnedPtrLedger;
import io.zonebridge.route53.RecordNameCodec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The PTRs zonebridge owns, kept in a DynamoDB table: one item per owned PTR, partition key {@code zone} (the
 * canonical reverse zone name), sort key {@code ptr} (the canonical PTR name), and {@code claimedAt} (epoch ms of
 * the last claim, for people reading the table). The table is created when missing (on-demand billing) and used
 * once ACTIVE.
 *
 * <p>{@link #refresh} reads each zone's names with one Query (followed over DynamoDB's 1 MB pages) and
 * {@link #owns} answers from what was read; a zone not refreshed is read on its first {@code owns}. Claims and
 * releases are written with BatchWriteItem, {@value #ITEMS_PER_BATCH} items a call ({@value #CALLS_IN_FLIGHT} calls
 * at a time), items DynamoDB leaves
 * unprocessed sent again with backoff ({@value #MAX_ATTEMPTS} attempts), before they change what {@code owns}
 * says. A claim is an unconditional put and a release an unconditional delete: every process sharing the table is
 * the same owner (zonebridge), so writes by several replicas agree, and a replica sees the others' on its next
 * refresh. Thread-safe.
 */
public final class DynamoDbOwnedPtrLedger implements OwnedPtrLedger {

    /** Items per BatchWriteItem call (DynamoDB's limit). */
    public static final int ITEMS_PER_BATCH = 25;
    /** BatchWriteItem calls per chunk before items still unprocessed fail the write. */
    public static final int MAX_ATTEMPTS = 8;
    /** BatchWriteItem calls one write sends at the same time. */
    public static final int CALLS_IN_FLIGHT = 4;
    /** The threads of those calls, shared by every ledger (daemon threads: nothing to close). */
    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(CALLS_IN_FLIGHT, runnable -> {
        Thread thread = new Thread(runnable, "zonebridge-ptr-ownership");
        thread.setDaemon(true);
        return thread;
    });
    private static final String ZONE = "zone";
    private static final String PTR = "ptr";
    private static final String CLAIMED_AT = "claimedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, Set<String>> owned = new HashMap<>();

    public DynamoDbOwnedPtrLedger(DynamoDbClient dynamo, String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("DynamoDB table name must not be blank");
        }
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = table;
    }

    /** The table's name. */
    public String table() {
        return table;
    }

    /** Creates the table when missing (on-demand billing) and waits until it is ACTIVE. */
    public void ensureTable() {
        OnDemandTable.ensure(dynamo, table, r -> r.attributeDefinitions(attribute(ZONE), attribute(PTR))
                .keySchema(KeySchemaElement.builder().attributeName(ZONE).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(PTR).keyType(KeyType.RANGE).build()));
    }

    @Override
    public synchronized boolean owns(String zoneName, String ptrName) {
        return owned.computeIfAbsent(RecordNameCodec.canonical(zoneName), this::query)
                .contains(RecordNameCodec.canonical(ptrName));
    }

    @Override
    public synchronized void refresh(Collection<String> zoneNames) {
        for (String zoneName : zoneNames) {
            String zone = RecordNameCodec.canonical(zoneName);
            owned.put(zone, query(zone));
        }
    }

    /** The PTR names owned in the zone, read now (one Query, all its pages). */
    public Set<String> ownedNames(String zoneName) {
        return Set.copyOf(query(RecordNameCodec.canonical(zoneName)));
    }

    @Override
    public void claim(String zoneName, Collection<String> ptrNames) {
        String zone = RecordNameCodec.canonical(zoneName);
        Set<String> names = canonical(ptrNames);
        AttributeValue claimedAt = AttributeValue.fromN(Long.toString(System.currentTimeMillis()));
        write(zone, names, name -> WriteRequest.builder().putRequest(p -> p.item(
                Map.of(ZONE, s(zone), PTR, s(name), CLAIMED_AT, claimedAt))).build());
        synchronized (this) {
            Set<String> known = owned.get(zone);
            if (known != null) {
                known.addAll(names);
            }
        }
    }

    @Override
    public void release(String zoneName, Collection<String> ptrNames) {
        String zone = RecordNameCodec.canonical(zoneName);
        Set<String> names = canonical(ptrNames);
        write(zone, names, name -> WriteRequest.builder().deleteRequest(d -> d.key(
                Map.of(ZONE, s(zone), PTR, s(name)))).build());
        synchronized (this) {
            Set<String> known = owned.get(zone);
            if (known != null) {
                known.removeAll(names);
            }
        }
    }

    private Set<String> query(String zone) {
        Set<String> names = new TreeSet<>();
        dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("#zone = :zone").projectionExpression("#ptr")
                        .expressionAttributeNames(Map.of("#zone", ZONE, "#ptr", PTR))
                        .expressionAttributeValues(Map.of(":zone", s(zone))))
                .items().forEach(item -> names.add(item.get(PTR).s()));
        return names;
    }

    /**
     * Writes one request per name, {@value #ITEMS_PER_BATCH} a call and up to {@value #CALLS_IN_FLIGHT} calls at a
     * time (a burst of events claims thousands of PTRs: one call after another, each a round trip, was most of its
     * drain time), retrying what DynamoDB leaves unprocessed; returns once every chunk is written, or throws the
     * first failure.
     */
    private void write(String zone, Set<String> names, Function<String, WriteRequest> request) {
        List<String> all = new ArrayList<>(names);
        List<List<WriteRequest>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += ITEMS_PER_BATCH) {
            chunks.add(all.subList(from, Math.min(all.size(), from + ITEMS_PER_BATCH)).stream().map(request).toList());
        }
        if (chunks.size() == 1) {
            writeChunk(zone, chunks.get(0));
            return;
        }
        List<Future<?>> calls = new ArrayList<>();
        for (List<WriteRequest> chunk : chunks) {
            calls.add(WRITERS.submit(() -> writeChunk(zone, chunk)));
        }
        RuntimeException failure = null;
        for (Future<?> call : calls) {
            try {
                call.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                calls.forEach(c -> c.cancel(true));
                throw new IllegalStateException("interrupted while writing PTR ownership to DynamoDB", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void writeChunk(String zone, List<WriteRequest> chunk) {
        List<WriteRequest> pending = chunk;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB table " + table + ": " + pending.size()
                        + " PTR ownership write(s) of zone " + zone + " still unprocessed after " + MAX_ATTEMPTS
                        + " attempts (throttled?)");
            }
            if (attempt > 1) {
                pause(attempt);
            }
            List<WriteRequest> asked = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, asked)));
            pending = response.unprocessedItems() == null ? List.of()
                    : response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000L, 25L << Math.min(attempt, 7)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing PTR ownership to DynamoDB", e);
        }
    }

    private static Set<String> canonical(Collection<String> names) {
        Set<String> out = new TreeSet<>();
        names.forEach(name -> out.add(RecordNameCodec.canonical(name)));
        return out;
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
