package io.zonebridge.route53;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.Route53ClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link Route53Client} zonebridge uses: global region unless told otherwise, optional
 * endpoint override (a local emulator), credentials from the default chain unless given, the
 * account's shared {@link AccountRateLimiter} and an {@link ApiCallCounter} as interceptors (the
 * limiter first), and {@link Route53RetryStrategy}. Configure with the fluent setters, then
 * {@link #create()}; the caller closes the client.
 */
public final class Route53ClientFactory {

    private URI endpoint;
    private Region region = Region.AWS_GLOBAL;
    private AwsCredentialsProvider credentials;
    private AccountRateLimiter rateLimiter;
    private ApiCallCounter callCounter;
    private RetryStrategy retryStrategy = Route53RetryStrategy.standard();
    private final List<ExecutionInterceptor> extraInterceptors = new ArrayList<>();
    private Duration connectTimeout;
    private Duration attemptTimeout;

    /** Sends requests to {@code endpoint} instead of AWS (for example {@code http://127.0.0.1:4566}). */
    public Route53ClientFactory endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /** Signing region; {@link Region#AWS_GLOBAL} by default. */
    public Route53ClientFactory region(Region region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /** Credentials to use instead of the default provider chain. */
    public Route53ClientFactory credentials(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
        return this;
    }

    /** The account's shared limiter (required; see {@link AccountRateLimiters}). */
    public Route53ClientFactory rateLimiter(AccountRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        return this;
    }

    /** Where the client's requests are counted; a new counter when not given. */
    public Route53ClientFactory callCounter(ApiCallCounter callCounter) {
        this.callCounter = callCounter;
        return this;
    }

    /** Retry strategy instead of {@link Route53RetryStrategy#standard()}. */
    public Route53ClientFactory retryStrategy(RetryStrategy retryStrategy) {
        this.retryStrategy = Objects.requireNonNull(retryStrategy, "retryStrategy");
        return this;
    }

    /**
     * Bounds every request: {@code connect} for the TCP connection, {@code attempt} for one attempt from sending
     * to the whole response (a command line that must fail fast on a dead endpoint). Without this, the SDK's and
     * Apache client's defaults apply, as for the service.
     */
    public Route53ClientFactory timeouts(Duration connect, Duration attempt) {
        this.connectTimeout = Objects.requireNonNull(connect, "connect");
        this.attemptTimeout = Objects.requireNonNull(attempt, "attempt");
        return this;
    }

    /** An extra interceptor, run after the limiter and the counter. */
    public Route53ClientFactory addInterceptor(ExecutionInterceptor interceptor) {
        extraInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
        return this;
    }

    /** The counter this factory's clients report to (created on first need). */
    public synchronized ApiCallCounter callCounter() {
        if (callCounter == null) {
            callCounter = new ApiCallCounter();
        }
        return callCounter;
    }

    /** A new client with this configuration. */
    public Route53Client create() {
        if (rateLimiter == null) {
            throw new IllegalStateException("Route53ClientFactory needs the account's rate limiter (AccountRateLimiters.forAccount)");
        }
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy)
                .addExecutionInterceptor(new RateLimitInterceptor(rateLimiter))
                .addExecutionInterceptor(callCounter());
        extraInterceptors.forEach(override::addExecutionInterceptor);
        ApacheHttpClient.Builder http = SdkHttpClients.apache(endpoint);
        if (attemptTimeout != null) {
            override.apiCallAttemptTimeout(attemptTimeout);
            http.connectionTimeout(connectTimeout).socketTimeout(attemptTimeout);
        }
        Route53ClientBuilder builder = Route53Client.builder()
                .region(region)
                .httpClientBuilder(http)
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(override.build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
