package io.zonebridge.route53;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket that paces every Route 53 call of one AWS account: tokens accrue at
 * {@code permitsPerSecond} up to {@code burst}; a caller without a token waits its turn (a fair lock
 * serves callers in arrival order, and the bucket is refilled from the real time each permit is
 * granted, so a late wake-up never lets the next caller in early). With the default burst of 1 the
 * calls are evenly spaced, so no window of one second holds more than {@code permitsPerSecond} calls.
 * Thread-safe; share one instance per account through {@link AccountRateLimiters}.
 */
public final class AccountRateLimiter {

    /** Route 53's documented limit: five requests per second per account. */
    public static final double DEFAULT_PERMITS_PER_SECOND = 5.0;

    private final double permitsPerSecond;
    private final double burst;
    private final long nanosPerPermit;
    /** Fair lock: callers take permits one at a time, in arrival order; guards the bucket state. */
    private final ReentrantLock queue = new ReentrantLock(true);
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

    /** The sustained rate. */
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** Waits until a permit is available and takes it; waiting callers are served in arrival order. */
    public void acquire() throws InterruptedException {
        queue.lockInterruptibly();
        try {
            while (!takeToken()) {
                TimeUnit.NANOSECONDS.sleep(Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerPermit)));
            }
        } finally {
            queue.unlock();
        }
    }

    /** Takes a permit now if one is available and nobody is waiting. */
    public boolean tryAcquire() {
        if (!queue.tryLock()) {
            return false;
        }
        try {
            return takeToken();
        } finally {
            queue.unlock();
        }
    }

    /** Refills from the current time and takes a token if there is one; the caller holds {@code queue}. */
    private boolean takeToken() {
        refill(System.nanoTime());
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + (double) elapsed / nanosPerPermit);
            lastRefill = now;
        }
    }
}
