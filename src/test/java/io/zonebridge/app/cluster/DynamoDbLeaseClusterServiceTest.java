package io.zonebridge.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.ownership.OnDemandTable;
import io.zonebridge.sync.ViewGeneration;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@link DynamoDbLeaseClusterService} against DynamoDB Local: one replica leads at a time; a graceful stop hands the
 * lease over at once; a lease whose holder is gone (a lock item nobody renews) is taken only after the lease ran
 * out, and well within the 15 s a killed leader must be replaced in; each time a replica becomes the leader (not at
 * each renewal) {@link LeadershipTakeover} drops its views and has every zone checked.
 */
class DynamoDbLeaseClusterServiceTest {

    private static final String TABLE = "zonebridge-cluster-unit";
    private static final String NS = ClusterWiring.NAMESPACE;
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    @Test
    void oneLeaderAtATimeAndAGracefulStopHandsOverAtOnce() throws Exception {
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(); DynamoDbClient client = table(dynamo)) {
            DynamoDbLeaseClusterService a = start(client, "a");
            Eventually.assertWithin(Duration.ofSeconds(20), () -> a.isLeader(NS), () -> "a leads");
            DynamoDbLeaseClusterService b = start(client, "b");
            try {
                Eventually.assertWithin(LEASE.multipliedBy(2), () -> !b.isLeader(NS) && a.isLeader(NS),
                        () -> "a keeps the lease it renews; b waits");
                long stoppedAt = System.nanoTime();
                a.getCamelContext().stop();
                Eventually.assertWithin(Duration.ofSeconds(10), () -> b.isLeader(NS), () -> "b leads after a stopped");
                Duration handover = Duration.ofNanos(System.nanoTime() - stoppedAt);
                assertTrue(handover.compareTo(LEASE) < 0, "a released lease is taken at once, not after "
                        + handover);
                assertFalse(a.isLeader(NS));
            } finally {
                b.getCamelContext().stop();
                a.getCamelContext().stop();
            }
        }
    }

    @Test
    void aLeaseNobodyRenewsIsTakenWhenItRunsOut() throws Exception {
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(); DynamoDbClient client = table(dynamo)) {
            // a leader that was killed: its lock item stays, with its lease, and is never renewed
            client.putItem(r -> r.tableName(TABLE).item(Map.of(
                    "key", AttributeValue.fromS(NS),
                    "ownerName", AttributeValue.fromS("killed"),
                    "leaseDuration", AttributeValue.fromS(Long.toString(LEASE.toMillis())),
                    "recordVersionNumber", AttributeValue.fromS("rvn-of-the-killed-leader"))));
            long startedAt = System.nanoTime();
            DynamoDbLeaseClusterService b = start(client, "b");
            try {
                Eventually.assertWithin(Duration.ofSeconds(15), () -> b.isLeader(NS), () -> "b takes the dead lease");
                Duration takeover = Duration.ofNanos(System.nanoTime() - startedAt);
                assertTrue(takeover.compareTo(LEASE) >= 0, "not before the lease ran out: " + takeover);
            } finally {
                b.getCamelContext().stop();
            }
        }
    }

    @Test
    void eachTimeAReplicaBecomesTheLeaderItDropsItsViewsAndChecksEveryZoneButNotAtRenewals() throws Exception {
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(); DynamoDbClient client = table(dynamo)) {
            ViewGeneration views = new ViewGeneration();
            AtomicInteger checks = new AtomicInteger();
            LeadershipTakeover takeover = new LeadershipTakeover(views, checks::incrementAndGet);
            DynamoDbLeaseClusterService a = start(client, "a", takeover);
            try {
                Eventually.assertWithin(Duration.ofSeconds(20), () -> a.isLeader(NS), () -> "a leads");
                String first = leaseVersion(client);
                Eventually.assertWithin(LEASE.multipliedBy(2), () -> !leaseVersion(client).equals(first),
                        () -> "a renews its lease");
                String second = leaseVersion(client);
                Eventually.assertWithin(LEASE.multipliedBy(2), () -> !leaseVersion(client).equals(second),
                        () -> "a renews its lease again");
                assertEquals(1, views.current(), "views dropped once, when a became the leader, not at renewals");
                assertEquals(1, checks.get());
            } finally {
                a.getCamelContext().stop();
            }
            // the same replica leading again later (a new lease taken with the same views)
            DynamoDbLeaseClusterService again = start(client, "a", takeover);
            try {
                Eventually.assertWithin(Duration.ofSeconds(20), () -> again.isLeader(NS), () -> "a leads again");
                Eventually.assertWithin(Duration.ofSeconds(5), () -> views.current() == 2 && checks.get() == 2,
                        () -> "views dropped and every zone checked again: " + views.current() + ", " + checks.get());
            } finally {
                again.getCamelContext().stop();
            }
        }
    }

    /** The record version of the lease item, which every renewal changes. */
    private static String leaseVersion(DynamoDbClient client) {
        return client.getItem(r -> r.tableName(TABLE).key(Map.of("key", AttributeValue.fromS(NS)))
                .consistentRead(true)).item().get("recordVersionNumber").s();
    }

    private static DynamoDbClient table(DynamoDbLocal dynamo) {
        DynamoDbClient client = dynamo.client();
        OnDemandTable.ensure(client, TABLE, t -> t
                .attributeDefinitions(a -> a.attributeName("key").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("key").keyType(KeyType.HASH)));
        return client;
    }

    /** A replica: its own Camel context with the cluster service, watching the namespace. */
    private static DynamoDbLeaseClusterService start(DynamoDbClient client, String replica) throws Exception {
        return start(client, replica, null);
    }

    /** A replica whose view of the namespace tells {@code listener} (if any) from before its election starts. */
    private static DynamoDbLeaseClusterService start(DynamoDbClient client, String replica,
                                                     CamelClusterEventListener listener) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        DynamoDbLeaseClusterService service = new DynamoDbLeaseClusterService(client, TABLE, replica, LEASE, HEARTBEAT);
        context.addService(service, true, true);
        if (listener != null) {
            service.getView(NS).addEventListener(listener);
        }
        context.start();
        service.getView(NS);
        return service;
    }
}
