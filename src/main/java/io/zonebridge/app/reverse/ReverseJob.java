package io.zonebridge.app.reverse;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.app.config.ReverseSettings;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.reverse.ReverseEventIntake;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The reverse-DNS job's wiring: from {@code reverse:} of the configuration, binds the beans the
 * {@code reverse-ingest} route calls by name ({@code reverseIngest}, {@code reverseWorkMerger}, {@code reverseSync},
 * {@code reverseSqsClient}) and sets the properties {@code zonebridge.reverse.enabled}, {@code .queue} and
 * {@code .deadLetterQueue}. The SQS client is closed when Camel stops.
 */
public final class ReverseJob {

    private ReverseJob() {
    }

    /** Binds the job's beans and properties into the Camel context. */
    public static void bind(ZonebridgeRuntime runtime, CamelContext context) throws Exception {
        ReverseSettings settings = runtime.config().reverse();
        JsonFileOwnedPtrLedger ledger = new JsonFileOwnedPtrLedger(settings.ledger());
        OwnershipPolicy ownership = settings.policy() == ReverseSettings.PtrPolicy.SYNC
                ? OwnershipPolicy.sync() : OwnershipPolicy.ownedOnly(ledger);
        SafetyLimits safety = runtime.config().safety().limits();
        ReconcileSettings reconcile = ReconcileSettings.defaults(settings.networkAccount(),
                        new PtrOptions(settings.ptrTtl(), settings.conflictRule(), ownership))
                .withConfiguredPrefixes(settings.prefixes()).withSafety(safety, false);
        SingleAccountRoute53 route53 = new SingleAccountRoute53(runtime.connection().gateway());
        SqsClient sqs = sqsClient(settings, runtime.config().route53().region());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                sqs.close();
            }
        }, true, true);
        Registry registry = context.getRegistry();
        registry.bind("reverseIngest", new ReverseIngest(new ReverseEventIntake(settings.ownChanges())));
        registry.bind("reverseWorkMerger", new ReverseWorkMerger());
        registry.bind("reverseSync", new ReverseSyncService(route53,
                new OrganizationReconciler(route53, ledger, reconcile)));
        registry.bind("reverseSqsClient", sqs);
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.addOverrideProperty("zonebridge.reverse.enabled", Boolean.toString(settings.enabled()));
        properties.addOverrideProperty("zonebridge.reverse.queue", settings.queue());
        properties.addOverrideProperty("zonebridge.reverse.deadLetterQueue", settings.deadLetterQueue());
    }

    private static SqsClient sqsClient(ReverseSettings settings, String region) {
        SqsClientBuilder builder = SqsClient.builder().region(Region.of(region))
                .httpClientBuilder(ApacheHttpClient.builder());
        builder.credentialsProvider(Route53Connection.credentials(settings.sqsEndpoint().isPresent()));
        settings.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
