package io.zonebridge.route53;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.Objects;

/**
 * Takes a permit from the account's {@link AccountRateLimiter} before every HTTP request the client
 * sends: {@code beforeTransmission} runs once per attempt, so every page of a paginator, every retry
 * and every waiter poll is paced.
 */
public final class RateLimitInterceptor implements ExecutionInterceptor {

    private final AccountRateLimiter limiter;

    public RateLimitInterceptor(AccountRateLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("interrupted while waiting for a Route 53 rate-limit permit", e);
        }
    }
}
