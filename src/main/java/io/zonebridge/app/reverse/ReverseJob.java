package io.zonebridge.app.reverse;

import io.zonebridge.app.EventQueueBeans;
import io.zonebridge.app.Route53Connection;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.app.cluster.ClusterWiring;
import io.zonebridge.app.config.ClusterSettings;
import io.zonebridge.app.config.ReverseSettings;
import io.zonebridge.app.config.ZoneDefaults;
import io.zonebridge.organization.AccountCredentials;
import io.zonebridge.organization.AssumedRoleRoute53;
import io.zonebridge.organization.AwsAccount;
import io.zonebridge.organization.AwsEndpoint;
import io.zonebridge.organization.OrganizationAccounts;
import io.zonebridge.organization.OrganizationReconcileJob;
import io.zonebridge.organization.OwnAccount;
import io.zonebridge.organization.PrivateZoneVpcs;
import io.zonebridge.organization.ReverseZoneCreation;
import io.zonebridge.organization.ReverseZoneProvisioner;
import io.zonebridge.ownership.DynamoDbOwnedPtrLedger;
import io.zonebridge.ownership.DynamoDbSharedAccountReads;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.reverse.AccountRoute53;
import io.zonebridge.reverse.AutodefinedReverseJob;
import io.zonebridge.reverse.AutodefinedReverseMode;
import io.zonebridge.reverse.AutodefinedReverseSwitch;
import io.zonebridge.reverse.OrganizationReconciler;
import io.zonebridge.reverse.OwnershipPolicy;
import io.zonebridge.reverse.PtrOptions;
import io.zonebridge.reverse.ReconcileSettings;
import io.zonebridge.reverse.ReverseEventIntake;
import io.zonebridge.reverse.ReverseSyncService;
import io.zonebridge.reverse.SharedAccountHelper;
import io.zonebridge.reverse.SharedAccountReads;
import io.zonebridge.route53.AccountRateLimiters;
import io.zonebridge.route53.ResolverConfigGateway;
import io.zonebridge.route53.Route53ClientFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The reverse-DNS job's wiring: from {@code reverse:} of the configuration, binds the beans the reverse routes call
 * by name ({@code reverseIngest}, {@code reverseSync}, {@code reverseReconcile}, and the queue beans of
 * {@link EventQueueBeans}: {@code reverseSqsClient}, {@code reverseQueue}, {@code reverseWorkMerger},
 * {@code reverseReceiptHandles}); its route properties come from {@link io.zonebridge.app.RouteProperties}. Route 53
 * of the network account
 * is the service's connection; other accounts are reached by STS AssumeRole of {@code reverse.memberRole} (STS and
 * Organizations at the Route 53 endpoint override, when there is one: the local emulator serves all three). The PTRs
 * zonebridge owns are kept in the DynamoDB table of {@code reverse.ownership} ({@link PtrOwnershipTable}). The
 * network account, unless configured, is the account of the service's own credentials. What it opens is closed when
 * Camel stops. Nothing is connected while the job is off.
 */
public final class ReverseJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReverseJob.class);

    private ReverseJob() {
    }

    /** Binds the job's beans into the Camel context. */
    public static void bind(ZonebridgeRuntime runtime, CamelContext context) throws Exception {
        ReverseSettings settings = runtime.config().reverse();
        if (!settings.enabled()) {
            return;
        }
        AwsEndpoint aws = awsEndpoint(runtime);
        Optional<URI> endpoint = aws.override();
        String region = runtime.config().route53().region();
        String network = networkAccount(runtime, aws);
        LOG.info("reverse DNS: network account {} (reverse zones), member accounts through role {}", network,
                settings.memberRole().roleName());

        AccountCredentials credentials = AccountCredentials.connect(aws, network, settings.memberRole());
        AssumedRoleRoute53 members = new AssumedRoleRoute53(credentials,
                new AccountRateLimiters(runtime.config().route53().rateLimitPerSecond()), account -> {
                    Route53ClientFactory factory = new Route53ClientFactory();
                    endpoint.ifPresent(factory::endpoint);
                    return factory;
                });
        NetworkAndMemberRoute53 route53 = new NetworkAndMemberRoute53(network, runtime.connection().gateway(), members);
        EventQueueBeans.bind(context, "reverse", settings.queue(), settings.deadLetterQueue(),
                Route53Connection.endpoint(region, settings.sqsEndpoint().orElse(null)).configure(SqsClient.builder()));
        DynamoDbClient dynamo = Route53Connection.endpoint(region, settings.ownership().endpoint().orElse(null))
                .configure(DynamoDbClient.builder()).build();
        OrganizationAccounts organization = settings.reconcile().organization()
                ? OrganizationAccounts.connect(aws, settings.reconcile().accounts()) : null;
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                dynamo.close();
                members.close();
                credentials.close();
                if (organization != null) {
                    organization.close();
                }
            }
        }, true, true);

        DynamoDbOwnedPtrLedger ledger = PtrOwnershipTable.open("reverse", dynamo, settings.ownership().table(),
                settings.ledger());
        OwnershipPolicy ownership = settings.policy() == ReverseSettings.PtrPolicy.SYNC
                ? OwnershipPolicy.sync() : OwnershipPolicy.ownedOnly(ledger);
        SafetyLimits safety = runtime.config().safety().limits();
        ReconcileSettings reconcile = ReconcileSettings.defaults(network,
                        new PtrOptions(settings.ptrTtl(), settings.conflictRule(), ownership))
                .withConfiguredPrefixes(settings.prefixes()).withSafety(safety, false)
                .withParallelism(settings.reconcile().parallelism()).withVerifyEvery(verifyEvery(runtime))
                .withVerifyRate(verifyRate(runtime));
        SharedAccountReads shared = sharedReads(runtime, context);
        OrganizationReconciler reconciler = new OrganizationReconciler(route53, ledger, reconcile, shared,
                runtime.viewGeneration());
        Lock writer = runtime.reverseZoneWriter();
        Registry registry = context.getRegistry();
        registry.bind("reverseIngest", new ReverseIngest(new ReverseEventIntake(settings.ownChanges())));
        registry.bind("reverseSync", new ReverseSyncService(route53, reconciler, writer));
        if (shared != null) {
            registry.bind("reverseReconcileHelper", new SharedAccountHelper(route53, shared,
                    settings.reconcile().parallelism()));
        }
        registry.bind("reverseReconcile", new OrganizationReconcileJob(reconciler,
                accounts(organization, settings.reconcile()), writer, settings.createZones().vpcs().isEmpty() ? null
                        : new ReverseZoneCreation(new ReverseZoneProvisioner(
                                runtime.connection().gateway(), runtime.connection().client()),
                                settings.createZones().zones(), settings.createZones().vpcs()),
                autodefinedReverse(settings.reconcile(), aws, network, route53, account -> network.equals(account)
                        ? runtime.connection().client() : members.client(account), context)));
    }

    /**
     * With {@code cluster:} on, the board in the cluster table on which the replicas share the organisation
     * reconcile's member accounts (a claim lapses after three lease periods without renewal); else {@code null}.
     */
    private static SharedAccountReads sharedReads(ZonebridgeRuntime runtime, CamelContext context) {
        ClusterSettings cluster = runtime.config().cluster();
        if (!cluster.enabled()) {
            return null;
        }
        DynamoDbClient dynamo = context.getRegistry().lookupByNameAndType(ClusterWiring.DYNAMODB_BEAN,
                DynamoDbClient.class);
        return new DynamoDbSharedAccountReads(dynamo, cluster.table(), cluster.replicaId(),
                cluster.lease().multipliedBy(3), Clock.systemUTC());
    }

    /**
     * The step that turns off autodefined reverse rules after each reconcile, or {@code null} when it is off: the
     * Resolver of the network account (one client per region, closed when Camel stops); in mode {@code all} the VPCs
     * of the private forward zones of the reconciled accounts and the network account.
     */
    private static AutodefinedReverseJob autodefinedReverse(ReverseSettings.Reconcile reconcile, AwsEndpoint aws,
            String network, AccountRoute53 route53, Function<String, Route53Client> clients, CamelContext context)
            throws Exception {
        if (reconcile.autodefinedReverse() == AutodefinedReverseMode.OFF) {
            return null;
        }
        Map<String, ResolverConfigGateway> gateways = new ConcurrentHashMap<>();
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                gateways.values().forEach(ResolverConfigGateway::close);
            }
        }, true, true);
        AutodefinedReverseSwitch toggle = new AutodefinedReverseSwitch(reconcile.autodefinedReverse(),
                reconcile.autodefinedVpcs(), region -> gateways.computeIfAbsent(region, r ->
                        ResolverConfigGateway.connect(Region.of(r), aws.override().orElse(null), aws.credentials())));
        PrivateZoneVpcs vpcs = new PrivateZoneVpcs(route53::gateway, clients);
        return new AutodefinedReverseJob(reconcile.autodefinedReverse(), toggle, accounts -> {
            Set<String> scope = new TreeSet<>(accounts);
            scope.add(network);
            return vpcs.of(scope);
        });
    }

    /**
     * Where STS, Organizations and other accounts' Route 53 are reached: the embedded emulator or the configured
     * Route 53 endpoint (the local emulator serves all three), otherwise AWS in the configured region.
     */
    public static AwsEndpoint awsEndpoint(ZonebridgeRuntime runtime) {
        Optional<URI> endpoint = runtime.connection().embedded().map(server -> URI.create(server.endpoint()))
                .or(() -> runtime.config().route53().endpoint());
        return Route53Connection.endpoint(runtime.config().route53().region(), endpoint.orElse(null));
    }

    /**
     * How often the reverse and EC2 jobs' zones are read whole again to find and repair drift:
     * {@code secondary.defaults.verifyEvery} (default one hour).
     */
    public static Duration verifyEvery(ZonebridgeRuntime runtime) {
        return runtime.config().secondary().defaults().verifyEvery();
    }

    /** Requests per second drift verification may use per account: {@code route53.verifyShare} of its rate. */
    public static double verifyRate(ZonebridgeRuntime runtime) {
        return runtime.config().route53().rateLimitPerSecond() * runtime.config().route53().verifyShare();
    }

    /** The network account (the reverse zones' owner): {@code reverse.networkAccount}, or the service's own. */
    public static String networkAccount(ZonebridgeRuntime runtime, AwsEndpoint aws) {
        return runtime.config().reverse().networkAccount().orElseGet(() -> OwnAccount.of(aws));
    }

    /** The account ids a reconcile reads: the organisation's active selected accounts, or the included ones. */
    private static Supplier<List<String>> accounts(OrganizationAccounts organization, ReverseSettings.Reconcile reconcile) {
        if (organization == null) {
            List<String> listed = reconcile.accounts().include().stream()
                    .filter(reconcile.accounts()::selects).sorted().toList();
            return () -> listed;
        }
        return () -> organization.activeAccounts().stream().map(AwsAccount::id).toList();
    }
}
