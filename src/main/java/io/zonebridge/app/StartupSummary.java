package io.zonebridge.app;

import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once the service has started, the routes that run with their inputs and where health and metrics are
 * served (the address really bound, not Camel's wildcard), so start-up at INFO stays a few lines.
 */
final class StartupSummary extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSummary.class);

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        String routes = context.getRoutes().stream()
                .map(StartupSummary::describe)
                .sorted()
                .collect(Collectors.joining(", "));
        LOG.info("zonebridge started: {} routes: {}", context.getRoutes().size(), routes);
        if ("true".equals(property(context, "camel.management.enabled"))) {
            String base = "http://" + property(context, "camel.management.host") + ":"
                    + property(context, "camel.management.port");
            LOG.info("health {}/observe/health, metrics {}/observe/metrics", base, base);
        }
    }

    private static String describe(Route route) {
        return route.getRouteId() + " (" + route.getEndpoint().getEndpointBaseUri() + ")";
    }

    private static String property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("");
    }
}
