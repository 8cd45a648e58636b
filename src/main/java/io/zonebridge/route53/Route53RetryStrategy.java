package io.zonebridge.route53;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.time.Duration;
import java.util.Set;

/**
 * The SDK's standard retry strategy tuned for Route 53: more attempts, exponential backoff with full
 * jitter, and explicit retries (with the throttling backoff) on {@code Throttling} and
 * {@code PriorRequestNotComplete}, whatever the SDK's defaults say about those codes.
 */
public final class Route53RetryStrategy {

    /** Attempts per call, the first included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    /** Base delay for ordinary retryable errors. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);
    /** Base delay after Throttling or PriorRequestNotComplete. */
    public static final Duration DEFAULT_THROTTLING_BASE_DELAY = Duration.ofMillis(500);
    /** Largest delay between two attempts. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(20);

    private static final Set<String> BACK_OFF_CODES =
            Set.of(ApiCallStats.THROTTLING, ApiCallStats.PRIOR_REQUEST_NOT_COMPLETE);

    private Route53RetryStrategy() {
    }

    /** The defaults: 8 attempts, 100 ms / 500 ms base delays, 20 s cap. */
    public static RetryStrategy standard() {
        return create(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY, DEFAULT_THROTTLING_BASE_DELAY, DEFAULT_MAX_DELAY);
    }

    /**
     * @param maxAttempts         attempts per call, the first included (at least 1)
     * @param baseDelay           base of the exponential, fully jittered backoff for ordinary retryable errors
     * @param throttlingBaseDelay the same after Throttling or PriorRequestNotComplete
     * @param maxDelay            cap of either backoff
     */
    public static RetryStrategy create(int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay, Duration maxDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, maxDelay))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttlingBaseDelay, maxDelay))
                .retryOnException(Route53RetryStrategy::isBackOffError)
                .treatAsThrottling(Route53RetryStrategy::isBackOffError)
                .build();
    }

    /** True for a Route 53 error that asks the caller to slow down: Throttling or PriorRequestNotComplete. */
    public static boolean isBackOffError(Throwable failure) {
        return failure instanceof AwsServiceException e
                && e.awsErrorDetails() != null
                && BACK_OFF_CODES.contains(e.awsErrorDetails().errorCode());
    }
}
