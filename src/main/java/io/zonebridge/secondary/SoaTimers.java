package io.zonebridge.secondary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.xbill.DNS.SOARecord;

/**
 * A secondary's refresh schedule (RFC 1034 §4.3.5) from the primary's SOA timers: check again
 * {@code refresh} after a successful check, {@code retry} after a failed one, and consider the zone
 * expired when no check succeeded for {@code expire}. Pure: the current time comes from a {@link Clock}.
 *
 * @param refresh interval between checks while the primary answers
 * @param retry interval between checks after a failure
 * @param expire how long the zone stays valid without a successful check
 * @param minimum the SOA minimum (negative-caching TTL), carried for information
 */
public record SoaTimers(Duration refresh, Duration retry, Duration expire, Duration minimum) {

    /** Requires positive refresh, retry and expire and a non-negative minimum. */
    public SoaTimers {
        positive(refresh, "refresh");
        positive(retry, "retry");
        positive(expire, "expire");
        Objects.requireNonNull(minimum, "minimum");
        if (minimum.isNegative()) {
            throw new IllegalArgumentException("SOA minimum must not be negative, got " + minimum);
        }
    }

    /**
     * The timers of a SOA record. A zero refresh, retry or expire (legal in a SOA, useless as a schedule)
     * is raised to one second.
     */
    public static SoaTimers of(SOARecord soa) {
        return new SoaTimers(atLeastOneSecond(soa.getRefresh()), atLeastOneSecond(soa.getRetry()),
                atLeastOneSecond(soa.getExpire()), Duration.ofSeconds(soa.getMinimum()));
    }

    /** These timers with the non-null arguments replacing refresh, retry and expire (operator overrides). */
    public SoaTimers overriddenBy(Duration refreshOverride, Duration retryOverride, Duration expireOverride) {
        return new SoaTimers(refreshOverride != null ? refreshOverride : refresh,
                retryOverride != null ? retryOverride : retry,
                expireOverride != null ? expireOverride : expire, minimum);
    }

    /** When to check next after a successful check (or transfer) now. */
    public Instant nextCheckAfterSuccess(Clock clock) {
        return clock.instant().plus(refresh);
    }

    /**
     * When to check next after a failed check now, given the last successful one ({@code null} if never):
     * {@code retry} from now, but not after the moment the zone expires (so expiry is noticed on time).
     */
    public Instant nextCheckAfterFailure(Instant lastSuccess, Clock clock) {
        Instant next = clock.instant().plus(retry);
        if (lastSuccess == null) {
            return next;
        }
        Instant expiry = lastSuccess.plus(expire);
        return expiry.isAfter(clock.instant()) && expiry.isBefore(next) ? expiry : next;
    }

    /** Whether the zone has expired: no successful check for {@code expire} (or never any). */
    public boolean isExpired(Instant lastSuccess, Clock clock) {
        return lastSuccess == null || !clock.instant().isBefore(lastSuccess.plus(expire));
    }

    private static Duration atLeastOneSecond(long seconds) {
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("SOA " + what + " must be positive, got " + d);
        }
    }
}
