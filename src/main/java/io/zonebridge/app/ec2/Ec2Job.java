package io.zonebridge.app.ec2;

import io.zonebridge.app.EventQueueBeans;
import io.zonebridge.app.Route53Connection;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.app.config.ReverseSettings;
import io.zonebridge.app.reverse.PtrOwnershipTable;
import io.zonebridge.app.reverse.ReverseJob;
import io.zonebridge.ec2.Ec2CandidateZones;
import io.zonebridge.ec2.Ec2SyncService;
import io.zonebridge.ec2.InstanceDescriber;
import io.zonebridge.ec2.InstanceLifecycle;
import io.zonebridge.ec2.InstanceRecordPlanner;
import io.zonebridge.ec2.InstanceRecordStore;
import io.zonebridge.ec2.InstanceRecordWriter;
import io.zonebridge.ec2.LateTagWatch;
import io.zonebridge.ec2.PrivateZoneAssociator;
import io.zonebridge.ec2.SingleAccountRoute53;
import io.zonebridge.ec2.VpcDescriber;
import io.zonebridge.ownership.DynamoDbOwnedPtrLedger;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.reverse.ReverseSyncService;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.sync.SyncEngine;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The EC2 dynamic-DNS job's wiring: from {@code ec2:} of the configuration (its route properties come from
 * {@link io.zonebridge.app.RouteProperties}), when enabled, makes the EC2, DynamoDB and SQS clients, ensures the
 * state table exists and binds the beans the {@code ec2-dns} routes call by name ({@code ec2Ingest},
 * {@code ec2Sync}, and the queue beans of {@link EventQueueBeans}: {@code ec2SqsClient}, {@code ec2Queue},
 * {@code ec2WorkMerger}, {@code ec2ReceiptHandles}). PTRs go through the reverse DNS path ({@link ReverseSyncService} over the reverse job's
 * settings, with the job's own PTR ownership table, {@code ec2.ptrOwnership}). The clients are closed when Camel
 * stops.
 */
public final class Ec2Job {

    private Ec2Job() {
    }

    /** Binds the job's beans into the Camel context. */
    public static void bind(ZonebridgeRuntime runtime, CamelContext context) throws Exception {
        Ec2Settings settings = runtime.config().ec2();
        if (!settings.enabled()) {
            return;
        }
        Ec2Client ec2 = configure(Ec2Client.builder(), settings, settings.ec2Endpoint()).build();
        DynamoDbClient dynamo = configure(DynamoDbClient.builder(), settings, settings.dynamoDbEndpoint()).build();
        EventQueueBeans.bind(context, "ec2", settings.queue(), settings.deadLetterQueue(),
                configure(SqsClient.builder(), settings, settings.sqsEndpoint()));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                dynamo.close();
                ec2.close();
            }
        }, true, true);
        InstanceRecordStore store = new InstanceRecordStore(dynamo, settings.table());
        store.ensureTable();
        Route53Connection route53 = runtime.connection();
        Ec2CandidateZones zones = new Ec2CandidateZones(route53.gateway(), route53.client(), Clock.systemUTC());
        InstanceLifecycle lifecycle = new InstanceLifecycle(new InstanceDescriber(ec2), new VpcDescriber(ec2),
                new InstanceRecordPlanner(settings.dns()), store, zones, settings.parallelism());
        Registry registry = context.getRegistry();
        ReverseSyncService reverse = ptrSync(runtime, settings, dynamo);
        registry.bind("ec2Ingest", new Ec2Ingest());
        SyncEngine engine = new SyncEngine(route53.gateway(), runtime.config().safety().limits(),
                runtime.config().route53().waitForInsync(), new AccountRateLimiter(ReverseJob.verifyRate(runtime)),
                Clock.systemUTC(), runtime.viewGeneration());
        registry.bind("ec2Sync", new Ec2SyncService(lifecycle, zones,
                new InstanceRecordWriter(engine, ReverseJob.verifyEvery(runtime)), reverse,
                settings.associateVpc() ? new PrivateZoneAssociator(route53.client(), settings.region()) : null,
                new LateTagWatch(settings.lateTagWindow(), Clock.systemUTC()), store));
    }

    /**
     * The reverse DNS path for the job's PTRs: the reverse job's classes and settings (network account, prefixes,
     * PTR TTL, conflict rule), but the job's own ownership table and owned-only policy, so it changes and deletes
     * only PTRs it made; the safety limits apply as to every other job.
     */
    private static ReverseSyncService ptrSync(ZonebridgeRuntime runtime, Ec2Settings settings,
                                              DynamoDbClient dynamo) {
        ReverseSettings reverse = runtime.config().reverse();
        DynamoDbOwnedPtrLedger ledger = PtrOwnershipTable.open("ec2", dynamo, settings.ptrOwnershipTable(),
                settings.ptrLedger());
        String network = ReverseJob.networkAccount(runtime, ReverseJob.awsEndpoint(runtime));
        ReconcileSettings reconcile = ReconcileSettings.defaults(network,
                        new PtrOptions(reverse.ptrTtl(), reverse.conflictRule(), OwnershipPolicy.ownedOnly(ledger)))
                .withConfiguredPrefixes(reverse.prefixes())
                .withSafety(runtime.config().safety().limits(), false)
                .withVerifyEvery(ReverseJob.verifyEvery(runtime)).withVerifyRate(ReverseJob.verifyRate(runtime));
        SingleAccountRoute53 route53 = new SingleAccountRoute53(runtime.connection().gateway());
        return new ReverseSyncService(route53, new OrganizationReconciler(route53, ledger, reconcile, null,
                runtime.viewGeneration()),
                runtime.reverseZoneWriter());
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            Ec2Settings settings, Optional<URI> endpoint) {
        return Route53Connection.endpoint(settings.region(), endpoint.orElse(null)).configure(builder)
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
    }
}
