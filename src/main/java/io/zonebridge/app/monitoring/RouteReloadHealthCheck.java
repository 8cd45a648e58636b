package io.zonebridge.app.monitoring;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness check {@code zonebridge/routes}: DOWN while a route file's last change failed to load (its earlier
 * routes keep running, but the file on disk is not what runs), naming each file with the reason and line.
 */
public final class RouteReloadHealthCheck extends AbstractHealthCheck {

    private final Supplier<Map<Path, String>> failing;

    /** @param failing the route files whose last change failed, with why */
    public RouteReloadHealthCheck(Supplier<Map<Path, String>> failing) {
        super("zonebridge", "routes");
        this.failing = failing;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Map<Path, String> files = failing.get();
        if (files.isEmpty()) {
            builder.up();
            return;
        }
        files.forEach((file, reason) -> builder.detail("failed." + file.getFileName(), reason));
        builder.message(files.size() + " route file(s) not loaded (the routes they held before keep running): "
                + files.entrySet().stream().map(e -> e.getValue()).collect(Collectors.joining("; ")));
        builder.down();
    }
}
