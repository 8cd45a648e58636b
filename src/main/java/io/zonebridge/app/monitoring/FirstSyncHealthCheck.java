package io.zonebridge.app.monitoring;

import io.zonebridge.app.ZoneStatus;
import io.zonebridge.app.ZoneStatusBoard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness check {@code zonebridge/first-sync}: DOWN until every configured zone has finished its first sync run,
 * naming the zones still waiting; a zone whose first run failed counts as finished, and its reason is shown in the
 * details ({@code failed.ZONE}). Not a liveness check: a service waiting for a slow primary is alive.
 */
public final class FirstSyncHealthCheck extends AbstractHealthCheck {

    private final List<String> zones;
    private final Function<String, Optional<ZoneStatus>> status;

    /**
     * @param zoneKeys the keys of every configured zone
     * @param board    where sync runs record their outcomes
     */
    public FirstSyncHealthCheck(List<String> zoneKeys, ZoneStatusBoard board) {
        super("zonebridge", "first-sync");
        this.zones = List.copyOf(zoneKeys);
        this.status = board::get;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> waiting = new ArrayList<>();
        int failed = 0;
        for (String zone : zones) {
            Optional<ZoneStatus> seen = status.apply(zone);
            if (seen.isEmpty()) {
                waiting.add(zone);
            } else if (seen.get().last().result().isFailure()) {
                failed++;
                builder.detail("failed." + zone, seen.get().last().result() + ": " + seen.get().last().message());
            }
        }
        builder.detail("zones", zones.size());
        builder.detail("synced", zones.size() - waiting.size() - failed);
        builder.detail("firstSyncFailed", failed);
        if (waiting.isEmpty()) {
            builder.up();
        } else {
            builder.detail("waiting", String.join(", ", waiting));
            builder.message(waiting.size() + " of " + zones.size() + " zone(s) not synced yet: "
                    + String.join(", ", waiting));
            builder.down();
        }
    }
}
