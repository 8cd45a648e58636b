package io.zonebridge.app.monitoring;

import io.zonebridge.app.ZoneStatus;
import io.zonebridge.app.ZoneStatusBoard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Readiness check {@code zonebridge/zones}: DOWN while any zone's last run failed and it has had no success for
 * longer than the allowed time (counted from its last success, or from the service's start when it never
 * succeeded), naming each such zone and its error, and DOWN while any zone is expired (its primaries unreachable for
 * longer than its SOA expire). Paused zones and zones not yet synced count as healthy.
 */
public final class ZoneFailureHealthCheck extends AbstractHealthCheck {

    private final ZoneStatusBoard board;
    private final Duration maxFailing;
    private final Clock clock;
    private final Instant started;
    private final Supplier<Set<String>> expiredZones;

    public ZoneFailureHealthCheck(ZoneStatusBoard board, Duration maxFailing, Clock clock,
                                  Supplier<Set<String>> expiredZones) {
        super("zonebridge", "zones");
        this.board = board;
        this.expiredZones = expiredZones;
        this.maxFailing = maxFailing;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Instant now = clock.instant();
        List<ZoneStatus> failing = board.all().stream()
                .filter(s -> s.last().result().isFailure())
                .filter(s -> Duration.between(s.lastSuccess() == null ? started : s.lastSuccess(), now)
                        .compareTo(maxFailing) > 0)
                .toList();
        builder.detail("zones", board.all().size());
        builder.detail("maxFailingSeconds", maxFailing.toSeconds());
        Set<String> expired = expiredZones.get();
        if (failing.isEmpty() && expired.isEmpty()) {
            builder.up();
            return;
        }
        if (!expired.isEmpty()) {
            builder.detail("expiredZones", String.join(",", new TreeSet<>(expired)));
        }
        String expiredMessage = expired.isEmpty() ? "" : expired.size() + " zone(s) expired (primaries unreachable "
                + "longer than the SOA expire; Route 53 serves the last copy): " + String.join(", ", new TreeSet<>(expired))
                + (failing.isEmpty() ? "" : "; ");
        String message = failing.stream()
                .map(s -> s.zoneName() + " (" + s.zoneKey() + ") failing since "
                        + (s.lastSuccess() == null ? "start" : "last success " + s.lastSuccess()) + ": "
                        + s.lastError())
                .collect(Collectors.joining("; "));
        builder.detail("failingZones", failing.stream().map(ZoneStatus::zoneKey).collect(Collectors.joining(",")));
        builder.message(expiredMessage + (failing.isEmpty() ? ""
                : failing.size() + " zone(s) failing for more than " + maxFailing.toSeconds() + " s: " + message));
        builder.down();
    }
}
