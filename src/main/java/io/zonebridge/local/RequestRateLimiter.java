package io.zonebridge.local;

import java.util.HashMap;
import java.util.Map;

/** A per-account token bucket of N requests per second (burst N); zero or less means unlimited. */
public final class RequestRateLimiter {
    private final int perSecond;
    private final Map<String, double[]> buckets = new HashMap<>();

    /** Creates a limiter allowing {@code perSecond} requests per second per account. */
    public RequestRateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes a token for {@code account}; false when the account is over its rate. */
    public synchronized boolean tryAcquire(String account) {
        if (perSecond <= 0) {
            return true;
        }
        long now = System.nanoTime();
        double[] bucket = buckets.computeIfAbsent(account, a -> new double[] {perSecond, now});
        bucket[0] = Math.min(perSecond, bucket[0] + (now - bucket[1]) / 1e9 * perSecond);
        bucket[1] = now;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return true;
        }
        return false;
    }
}
