package io.zonebridge.local;

/**
 * How long the emulated EC2 takes: {@code transitionMillis} for each passing state (pending → running,
 * stopping → stopped, shutting-down → terminated) and {@code terminatedVisibleMillis} during which a terminated
 * instance stays describable before it disappears (AWS: about an hour).
 *
 * @param transitionMillis        time in a passing state, at least 0
 * @param terminatedVisibleMillis time a terminated instance stays visible, at least 0
 */
public record Ec2Timings(long transitionMillis, long terminatedVisibleMillis) {
    /** Half a second per transition, terminated instances visible for an hour. */
    public static final Ec2Timings DEFAULTS = new Ec2Timings(500, 3_600_000);

    public Ec2Timings {
        if (transitionMillis < 0 || terminatedVisibleMillis < 0) {
            throw new IllegalArgumentException("EC2 timings must not be negative");
        }
    }
}
