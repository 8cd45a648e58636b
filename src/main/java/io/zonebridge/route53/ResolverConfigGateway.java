package io.zonebridge.route53;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClientBuilder;
import software.amazon.awssdk.services.route53resolver.model.AutodefinedReverseFlag;

import java.net.URI;
import java.util.Objects;

/**
 * The Route 53 Resolver configuration of VPCs in one account and region, as zonebridge needs it: whether the
 * Resolver's autodefined reverse rules are on (GetResolverConfig), and turning them off
 * (UpdateResolverConfig with {@code AutodefinedReverseFlag=DISABLE}). Statuses are Route 53 Resolver's
 * texts: {@code ENABLED}, {@code ENABLING}, {@code DISABLED}, {@code DISABLING},
 * {@code UPDATING_TO_USE_LOCAL_RESOURCE_SETTINGS}, {@code USE_LOCAL_RESOURCE_SETTINGS}. Every request
 * (retries included) is counted by an {@link ApiCallCounter}; errors propagate as the SDK's exceptions
 * after the client's retries. Resolver has its own quotas, so Route 53's per-account limiter is not used.
 */
public final class ResolverConfigGateway implements AutoCloseable {

    private final Route53ResolverClient client;
    private final ApiCallCounter calls;
    private final boolean ownsClient;

    /**
     * @param client a Resolver client that has {@code calls} among its interceptors (the caller closes it)
     * @param calls  the counter that client reports to
     */
    public ResolverConfigGateway(Route53ResolverClient client, ApiCallCounter calls) {
        this(client, calls, false);
    }

    private ResolverConfigGateway(Route53ResolverClient client, ApiCallCounter calls, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.ownsClient = ownsClient;
    }

    /**
     * A gateway with its own client (closed with the gateway).
     *
     * @param region      the VPCs' region
     * @param endpoint    endpoint override (a local emulator), or {@code null} for AWS
     * @param credentials credentials of the account owning the VPCs
     */
    public static ResolverConfigGateway connect(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        ApiCallCounter counter = new ApiCallCounter();
        Route53ResolverClientBuilder builder = Route53ResolverClient.builder()
                .region(Objects.requireNonNull(region, "region"))
                .credentialsProvider(Objects.requireNonNull(credentials, "credentials"))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new ResolverConfigGateway(builder.build(), counter, true);
    }

    /** The autodefined-reverse status of the VPC (GetResolverConfig). */
    public String autodefinedReverse(String vpcId) {
        return client.getResolverConfig(r -> r.resourceId(requireVpc(vpcId)))
                .resolverConfig().autodefinedReverseAsString();
    }

    /** Turns the VPC's autodefined reverse rules off; returns the status Resolver answers (usually {@code DISABLING}). */
    public String disableAutodefinedReverse(String vpcId) {
        return client.updateResolverConfig(r -> r.resourceId(requireVpc(vpcId))
                        .autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE))
                .resolverConfig().autodefinedReverseAsString();
    }

    /** Requests sent so far, by operation. */
    public ApiCallStats stats() {
        return calls.snapshot();
    }

    private static String requireVpc(String vpcId) {
        if (vpcId == null || !vpcId.startsWith("vpc-")) {
            throw new IllegalArgumentException("not a VPC id: '" + vpcId + "' (expected vpc-...)");
        }
        return vpcId;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
