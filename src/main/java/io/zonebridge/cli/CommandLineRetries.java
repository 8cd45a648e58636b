package io.zonebridge.cli;

import io.zonebridge.route53.Route53RetryStrategy;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.time.Duration;

/**
 * How long the command line waits for AWS and what it retries: a TCP connection gets {@link #CONNECT}, one attempt
 * {@link #ATTEMPT} plus one permit's wait at the account's rate; Route 53's throttling and 5xx errors are retried
 * with the service's backoff, but a refused connection or an attempt that timed out is not retried, so an
 * unreachable endpoint fails within 5 seconds instead of after 8 attempts. The service keeps its own retries.
 * Used for Route 53 (through {@code Route53ClientFactory}) and for {@code provision}'s clients ({@link #bound}).
 */
final class CommandLineRetries {

    /** Time to open a TCP connection. */
    static final Duration CONNECT = Duration.ofSeconds(2);
    /** Time for one attempt, from sending to the whole response, beyond the rate limiter's wait. */
    static final Duration ATTEMPT = Duration.ofSeconds(4);

    private CommandLineRetries() {
    }

    /** The attempt timeout at {@code rate} requests per second: {@link #ATTEMPT} plus one permit's wait. */
    static Duration attemptTimeout(double rate) {
        return ATTEMPT.plusMillis((long) Math.ceil(1000 / rate));
    }

    /**
     * Sets the command line's timeouts and retries on an SDK client builder of any AWS service (the builder's
     * endpoint, region and credentials stay as they are).
     */
    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B bound(B builder) {
        builder.httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(CONNECT).socketTimeout(ATTEMPT));
        builder.overrideConfiguration(c -> c.apiCallAttemptTimeout(ATTEMPT).retryStrategy(strategy()));
        return builder;
    }

    /** Route 53's Throttling and PriorRequestNotComplete, and what any AWS service marks as throttling. */
    private static boolean isThrottling(Throwable e) {
        return Route53RetryStrategy.isBackOffError(e) || e instanceof SdkServiceException s && s.isThrottlingException();
    }

    /** Throttling and server errors retried as the service does; connection failures and timeouts not at all. */
    static RetryStrategy strategy() {
        return StandardRetryStrategy.builder()
                .maxAttempts(Route53RetryStrategy.DEFAULT_MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Route53RetryStrategy.DEFAULT_BASE_DELAY,
                        Route53RetryStrategy.DEFAULT_MAX_DELAY))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                        Route53RetryStrategy.DEFAULT_THROTTLING_BASE_DELAY, Route53RetryStrategy.DEFAULT_MAX_DELAY))
                .retryOnException(CommandLineRetries::isThrottling)
                .retryOnException(e -> e instanceof SdkServiceException s && s.statusCode() >= 500)
                .treatAsThrottling(CommandLineRetries::isThrottling)
                .useClientDefaults(false)   // else the client adds its own conditions, which retry I/O errors
                .build();
    }
}
