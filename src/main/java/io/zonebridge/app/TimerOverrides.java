package io.zonebridge.app;

import io.zonebridge.secondary.SoaTimers;
import java.time.Duration;
import java.util.Optional;

/**
 * Operator overrides of a zone's SOA refresh, retry and expire timers.
 *
 * @param refresh replaces the SOA refresh
 * @param retry   replaces the SOA retry
 * @param expire  replaces the SOA expire
 */
public record TimerOverrides(Optional<Duration> refresh, Optional<Duration> retry, Optional<Duration> expire) {

    /** Retry interval used before any SOA was seen (no primary ever answered) and none is configured. */
    public static final Duration DEFAULT_RETRY = Duration.ofMinutes(1);

    /** No overrides. */
    public static TimerOverrides none() {
        return new TimerOverrides(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The source's timers with these overrides; when the source gave none, the overrides or defaults. */
    public SoaTimers applyTo(SoaTimers source) {
        SoaTimers base = source != null ? source : new SoaTimers(Duration.ofHours(1), DEFAULT_RETRY,
                Duration.ofDays(14), Duration.ZERO);
        return base.overriddenBy(refresh.orElse(null), retry.orElse(null), expire.orElse(null));
    }
}
