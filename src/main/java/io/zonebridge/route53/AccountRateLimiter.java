package io.zonebridge.route53;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket that paces every Route 53 call of one AWS account: tokens accrue at
 * {@code permitsPerSecond} up to {@code burst}; a caller without a token waits its turn (callers are
 * served in the order they reserved). With the default burst of 1 the calls are evenly spaced, so no
 * window of one second ever holds more than {@code permitsPerSecond} calls. Thread-safe; share one
 * instance per account through {@link AccountRateLimiters}.
 */
public final class AccountRateLimiter {

    /** Route 53's documented limit: five requests per second per account. */
    public static final double DEFAULT_PERMITS_PER_SECOND = 5.0;

    private final double permitsPerSecond;
    private final double burst;
    private final long nanosPerPermit;
    private double tokens;
    private long lastRefill;

    /**
     * @param permitsPerSecond sustained rate, greater than zero
     * @param burst            tokens that may accumulate while idle, at least 1
     */
    public AccountRateLimiter(double permitsPerSecond, int burst) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be a positive number: " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.nanosPerPermit = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
        this.tokens = burst;
        this.lastRefill = System.nanoTime();
    }

    /** A limiter of {@code permitsPerSecond} with a burst of 1 (evenly spaced calls). */
    public AccountRateLimiter(double permitsPerSecond) {
        this(permitsPerSecond, 1);
    }

    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** Waits until a permit is available and takes it. */
    public void acquire() throws InterruptedException {
        long waitNanos = reserve();
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    /** Takes a permit now if one is available, without waiting. */
    public synchronized boolean tryAcquire() {
        refill(System.nanoTime());
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long a caller asking now would wait (zero when a permit is free). */
    public synchronized Duration currentWait() {
        refill(System.nanoTime());
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) ((1 - tokens) * nanosPerPermit));
    }

    /** Reserves the next permit (tokens may go negative: later callers queue behind) and returns the wait. */
    private synchronized long reserve() {
        refill(System.nanoTime());
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens * nanosPerPermit);
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + (double) elapsed / nanosPerPermit);
            lastRefill = now;
        }
    }
}
