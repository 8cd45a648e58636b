package io.zonebridge.app.cluster;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.app.config.ClusterSettings;
import io.zonebridge.ownership.OnDemandTable;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The wiring of several replicas from {@code cluster:} of the configuration. Always binds bean {@code zoneHandoff};
 * the routes' properties ({@code zonebridge.cluster.enabled}, {@code .queue}, and {@code zonebridge.cluster.leader},
 * the prefix of every leader-only consumer: empty when clustering is off, so the routes are exactly as without it,
 * else {@code master:}{@value #NAMESPACE}{@code :}) come from {@link io.zonebridge.app.RouteProperties}. With
 * clustering on it also creates the lease table when missing, adds {@link DynamoDbLeaseClusterService} and binds
 * {@code clusterSqsClient} and {@value #DYNAMODB_BEAN}; what it opens is closed when Camel stops. Each time this
 * replica becomes the leader, {@link LeadershipTakeover} drops its views and has every zone checked.
 */
public final class ClusterWiring {

    /** The namespace (lease key) every leader-only route shares: one leader runs them all. */
    public static final String NAMESPACE = "zonebridge-leader";
    /** The bean of the cluster table's DynamoDB client (bound with clustering on): the reverse job shares reads there. */
    public static final String DYNAMODB_BEAN = "clusterDynamoDbClient";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);

    private ClusterWiring() {
    }

    /** Binds the hand-off bean, the properties and, with clustering on, the cluster service. */
    public static void bind(ZonebridgeRuntime runtime, CamelContext context) throws Exception {
        ClusterSettings settings = runtime.config().cluster();
        if (!settings.enabled()) {
            context.getRegistry().bind("zoneHandoff", ZoneHandoff.single());
            return;
        }
        String region = runtime.config().route53().region();
        DynamoDbClient dynamo = Route53Connection.endpoint(region, settings.dynamoDbEndpoint().orElse(null))
                .configure(DynamoDbClient.builder()).build();
        SqsClient sqs = Route53Connection.endpoint(region, settings.sqsEndpoint().orElse(null))
                .configure(SqsClient.builder()).build();
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                sqs.close();
                dynamo.close();
            }
        }, true, true);
        OnDemandTable.ensure(dynamo, settings.table(), table -> table
                .attributeDefinitions(a -> a.attributeName("key").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("key").keyType(KeyType.HASH)));
        DynamoDbLeaseClusterService service = new DynamoDbLeaseClusterService(dynamo, settings.table(),
                settings.replicaId(), settings.lease(), settings.heartbeat());
        context.addService(service, true, true);
        service.getView(NAMESPACE).addEventListener(new LeadershipTakeover(runtime.viewGeneration(),
                runtime.refreshSchedule()::allDue));
        context.getRegistry().bind("zoneHandoff", new ZoneHandoff(() -> service.isLeader(NAMESPACE)));
        context.getRegistry().bind("clusterSqsClient", sqs);
        context.getRegistry().bind(DYNAMODB_BEAN, dynamo);
        LOG.info("cluster: replica {}, leases in DynamoDB table {} (lease {} s, heartbeat {} s), NOTIFY work for the"
                        + " leader through SQS queue {}", settings.replicaId(), settings.table(),
                settings.lease().toSeconds(), settings.heartbeat().toSeconds(), settings.queue());
    }
}
