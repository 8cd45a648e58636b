package io.zonebridge.route53;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limiters of this process, one per AWS account, so every gateway and client of one account
 * draws from the same bucket. {@link #shared()} is the process-wide instance; tests may make their own.
 */
public final class AccountRateLimiters {

    private static final AccountRateLimiters SHARED = new AccountRateLimiters(AccountRateLimiter.DEFAULT_PERMITS_PER_SECOND);

    private final double permitsPerSecond;
    private final Map<String, AccountRateLimiter> byAccount = new ConcurrentHashMap<>();

    /** @param permitsPerSecond the rate given to each account's limiter when it is first asked for */
    public AccountRateLimiters(double permitsPerSecond) {
        this.permitsPerSecond = permitsPerSecond;
    }

    /** The process-wide registry, 5 permits per second per account. */
    public static AccountRateLimiters shared() {
        return SHARED;
    }

    /** The limiter of {@code accountId}, created on first use. */
    public AccountRateLimiter forAccount(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return byAccount.computeIfAbsent(accountId, id -> new AccountRateLimiter(permitsPerSecond));
    }
}
