package io.zonebridge.ownership;

import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A DynamoDB table zonebridge keeps its own state in: created when missing, with on-demand billing, and waited for
 * until ACTIVE. Safe when several replicas start at once (one creates it, the others wait for it).
 */
public final class OnDemandTable {

    /** How long a new table may take to become ACTIVE. */
    public static final Duration WAIT = Duration.ofMinutes(5);

    private OnDemandTable() {
    }

    /**
     * Makes sure {@code table} exists and is ACTIVE.
     *
     * @param keys sets the attribute definitions and key schema of a table to create
     * @return whether this call created it (so the caller can finish setting it up, e.g. its time to live)
     */
    public static boolean ensure(DynamoDbClient dynamo, String table, Consumer<CreateTableRequest.Builder> keys) {
        boolean created = false;
        try {
            if (dynamo.describeTable(r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE) {
                return false;
            }
        } catch (ResourceNotFoundException missing) {
            try {
                dynamo.createTable(r -> keys.accept(r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)));
                created = true;
            } catch (ResourceInUseException createdMeanwhile) {
                // another replica created it: wait for it below
            }
        }
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table), w -> w.waitTimeout(WAIT))
                .matched().exception().ifPresent(e -> {
                    throw new IllegalStateException("DynamoDB table " + table + " did not become ACTIVE", e);
                });
        return created;
    }
}
