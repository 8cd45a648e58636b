package io.zonebridge.ownership;

import io.zonebridge.reverse.AccountForward;
import io.zonebridge.reverse.SharedAccountReads;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link SharedAccountReads} in a DynamoDB table of partition key {@code key} (the cluster's lease table): item
 * {@value #RUN_KEY} names the open run (id, leader, accounts); item {@code reconcile#RUN#ACCOUNT} is an account's
 * claim ({@code owner}, {@code until} in epoch milliseconds, {@code state} claimed or done) taken with a conditional
 * UpdateItem (only when missing, or claimed with {@code until} passed); a published read is gzip-compressed
 * ({@link AccountForwardCodec}) in items {@code reconcile#RUN#ACCOUNT#OWNER#I} of at most {@value #PART_BYTES} bytes
 * each (DynamoDB's item limit is 400 KB), written before the claim item turns done. Closing a run deletes its items.
 */
public final class DynamoDbSharedAccountReads implements SharedAccountReads {

    static final String RUN_KEY = "reconcile-run";
    static final int PART_BYTES = 300_000;
    private static final String CLAIMED = "claimed";
    private static final String DONE = "done";
    private static final int BATCH_GET = 100;
    private static final int BATCH_WRITE = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String replica;
    private final Duration claim;
    private final Clock clock;

    /**
     * @param dynamo  the client (not closed here)
     * @param table   the table (partition key {@code key}, a string)
     * @param replica this replica's name
     * @param claim   how long a claim lasts without renewal: a replica silent for longer is taken to be dead
     */
    public DynamoDbSharedAccountReads(DynamoDbClient dynamo, String table, String replica, Duration claim,
                                      Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.replica = replica;
        this.claim = claim;
        this.clock = clock;
    }

    @Override
    public String replica() {
        return replica;
    }

    @Override
    public String open(List<String> accounts) {
        openRun().ifPresent(left -> close(left.id(), left.accounts()));
        String run = UUID.randomUUID().toString().substring(0, 8);
        dynamo.putItem(r -> r.tableName(table).item(Map.of("key", s(RUN_KEY), "run", s(run), "leader", s(replica),
                "accounts", s(String.join(",", accounts)))));
        return run;
    }

    @Override
    public Optional<SharedRun> openRun() {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(RUN_KEY))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty() || !item.containsKey("run")) {
            return Optional.empty();
        }
        String accounts = item.get("accounts").s();
        return Optional.of(new SharedRun(item.get("run").s(), item.get("leader").s(),
                accounts.isEmpty() ? List.of() : Arrays.asList(accounts.split(","))));
    }

    @Override
    public boolean claim(String run, String account) {
        long now = clock.millis();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(accountKey(run, account)))
                    .updateExpression("SET #o = :me, #u = :until, #s = :claimed")
                    .conditionExpression("attribute_not_exists(#k) OR (#s = :claimed AND #u < :now)")
                    .expressionAttributeNames(Map.of("#o", "owner", "#u", "until", "#s", "state", "#k", "key"))
                    .expressionAttributeValues(Map.of(":me", s(replica), ":until", n(now + claim.toMillis()),
                            ":claimed", s(CLAIMED), ":now", n(now))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void renew(String run, String account) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(accountKey(run, account)))
                    .updateExpression("SET #u = :until")
                    .conditionExpression("#o = :me AND #s = :claimed")
                    .expressionAttributeNames(Map.of("#o", "owner", "#u", "until", "#s", "state"))
                    .expressionAttributeValues(Map.of(":me", s(replica), ":until",
                            n(clock.millis() + claim.toMillis()), ":claimed", s(CLAIMED))));
        } catch (ConditionalCheckFailedException lost) {
            // another replica took the account over: it will publish; this read is published anyway if still ours
        }
    }

    @Override
    public void publish(String run, AccountForward read) {
        byte[] bytes = AccountForwardCodec.encode(read);
        int parts = Math.max(1, (bytes.length + PART_BYTES - 1) / PART_BYTES);
        for (int i = 0; i < parts; i++) {
            byte[] part = Arrays.copyOfRange(bytes, i * PART_BYTES, Math.min(bytes.length, (i + 1) * PART_BYTES));
            String partKey = partKey(run, read.account(), replica, i);
            dynamo.putItem(r -> r.tableName(table).item(Map.of("key", s(partKey),
                    "data", AttributeValue.fromB(SdkBytes.fromByteArray(part)))));
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(accountKey(run, read.account())))
                    .updateExpression("SET #s = :done, #p = :parts")
                    .conditionExpression("#o = :me AND #s = :claimed")
                    .expressionAttributeNames(Map.of("#o", "owner", "#s", "state", "#p", "parts"))
                    .expressionAttributeValues(Map.of(":me", s(replica), ":done", s(DONE), ":claimed", s(CLAIMED),
                            ":parts", n(parts))));
        } catch (ConditionalCheckFailedException takenOver) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                mine.add(partKey(run, read.account(), replica, i));
            }
            delete(mine);
        }
    }

    @Override
    public void done(String run, String account) {
        dynamo.updateItem(r -> r.tableName(table).key(key(accountKey(run, account)))
                .updateExpression("SET #s = :done, #o = :me, #p = :zero")
                .expressionAttributeNames(Map.of("#o", "owner", "#s", "state", "#p", "parts"))
                .expressionAttributeValues(Map.of(":me", s(replica), ":done", s(DONE), ":zero", n(0))));
    }

    @Override
    public Poll poll(String run, Collection<String> accounts) {
        long now = clock.millis();
        Map<String, Map<String, AttributeValue>> items = getAll(accounts.stream().map(a -> accountKey(run, a)).toList());
        Map<String, AccountForward> published = new HashMap<>();
        Set<String> claimable = new HashSet<>();
        Map<String, List<String>> partsOf = new HashMap<>();
        for (String account : accounts) {
            Map<String, AttributeValue> item = items.get(accountKey(run, account));
            if (item == null) {
                claimable.add(account);
            } else if (DONE.equals(item.get("state").s())) {
                int parts = Integer.parseInt(item.get("parts").n());
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    keys.add(partKey(run, account, item.get("owner").s(), i));
                }
                if (!keys.isEmpty()) {
                    partsOf.put(account, keys);
                }
            } else if (Long.parseLong(item.get("until").n()) < now) {
                claimable.add(account);
            }
        }
        Map<String, Map<String, AttributeValue>> parts = getAll(partsOf.values().stream().flatMap(List::stream)
                .toList());
        partsOf.forEach((account, keys) -> {
            if (!keys.stream().allMatch(parts::containsKey)) {
                return; // written before the claim turned done: only missing if deleted meanwhile
            }
            byte[][] chunks = keys.stream().map(k -> parts.get(k).get("data").b().asByteArray()).toArray(byte[][]::new);
            int length = Arrays.stream(chunks).mapToInt(c -> c.length).sum();
            byte[] bytes = new byte[length];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, bytes, at, chunk.length);
                at += chunk.length;
            }
            published.put(account, AccountForwardCodec.decode(bytes));
        });
        return new Poll(published, claimable);
    }

    @Override
    public void close(String run) {
        openRun().filter(open -> open.id().equals(run)).ifPresentOrElse(open -> close(run, open.accounts()),
                () -> { });
    }

    private void close(String run, List<String> accounts) {
        Map<String, Map<String, AttributeValue>> items = getAll(accounts.stream().map(a -> accountKey(run, a)).toList());
        List<String> keys = new ArrayList<>(items.keySet());
        items.forEach((itemKey, item) -> {
            if (item.containsKey("parts") && item.containsKey("owner")) {
                String account = itemKey.substring(itemKey.lastIndexOf('#') + 1);
                for (int i = 0; i < Integer.parseInt(item.get("parts").n()); i++) {
                    keys.add(partKey(run, account, item.get("owner").s(), i));
                }
            }
        });
        delete(keys);
        dynamo.deleteItem(r -> r.tableName(table).key(key(RUN_KEY))
                .conditionExpression("#r = :run").expressionAttributeNames(Map.of("#r", "run"))
                .expressionAttributeValues(Map.of(":run", s(run))));
    }

    private Map<String, Map<String, AttributeValue>> getAll(List<String> keys) {
        Map<String, Map<String, AttributeValue>> out = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> batch = keys.subList(from, Math.min(keys.size(), from + BATCH_GET))
                    .stream().map(DynamoDbSharedAccountReads::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(batch)
                    .consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).forEach(item -> out.put(item.get("key").s(), item));
                request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
        return out;
    }

    private void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += BATCH_WRITE) {
            List<WriteRequest> batch = keys.subList(from, Math.min(keys.size(), from + BATCH_WRITE)).stream()
                    .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(key(k))).build()).toList();
            Map<String, List<WriteRequest>> request = Map.of(table, batch);
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> ask = request;
                var response = dynamo.batchWriteItem(r -> r.requestItems(ask));
                request = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
            }
        }
    }

    private static String accountKey(String run, String account) {
        return "reconcile#" + run + "#" + account;
    }

    private static String partKey(String run, String account, String owner, int part) {
        return accountKey(run, account) + "#" + owner + "#" + part;
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("key", s(key));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
