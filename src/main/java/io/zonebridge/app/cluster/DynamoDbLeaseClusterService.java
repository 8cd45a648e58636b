package io.zonebridge.app.cluster;

import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClientOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A Camel cluster service whose leadership is a lease in DynamoDB, kept by AWS Labs' DynamoDB lock client: each
 * namespace is one lock item (partition key {@code key} = the namespace). The holder renews its lease every
 * {@code heartbeat}; another replica takes a lease nobody renewed for {@code lease}. Camel's {@code master:}
 * endpoints start their consumers on the leader only ({@link LeaseView}).
 */
public final class DynamoDbLeaseClusterService extends AbstractCamelClusterService<LeaseView> {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String replicaId;
    private final Duration lease;
    private final Duration heartbeat;
    private AmazonDynamoDBLockClient locks;

    /**
     * @param dynamo    the client of the table (not closed here)
     * @param table     the lease table (partition key {@code key}, a string)
     * @param replicaId this replica's name, the lock's owner name
     * @param lease     how long a lease lasts without a heartbeat
     * @param heartbeat how often the holder renews it
     */
    public DynamoDbLeaseClusterService(DynamoDbClient dynamo, String table, String replicaId, Duration lease,
                                       Duration heartbeat) {
        super("zonebridge-dynamodb-lease");
        this.dynamo = dynamo;
        this.table = table;
        this.replicaId = replicaId;
        this.lease = lease;
        this.heartbeat = heartbeat;
    }

    /** This replica's name. */
    public String replicaId() {
        return replicaId;
    }

    @Override
    protected void doStart() throws Exception {
        locks = new AmazonDynamoDBLockClient(AmazonDynamoDBLockClientOptions.builder(dynamo, table)
                .withOwnerName(replicaId)
                .withLeaseDuration(lease.toMillis())
                .withHeartbeatPeriod(heartbeat.toMillis())
                .withTimeUnit(TimeUnit.MILLISECONDS)
                .withCreateHeartbeatBackgroundThread(true)
                .build());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (locks != null) {
            locks.close();
            locks = null;
        }
    }

    @Override
    protected LeaseView createView(String namespace) {
        return new LeaseView(this, namespace, () -> locks, replicaId, lease, heartbeat);
    }
}
