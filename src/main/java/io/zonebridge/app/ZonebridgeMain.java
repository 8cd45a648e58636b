package io.zonebridge.app;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Camel main as the service runs it: each route file is parsed once, when its routes are loaded. Plain Camel main
 * parses every route file a first time before that, for modelines and for the files whose {@code beans:} or Pipe
 * and Kamelet definitions must be known before any route is loaded; zonebridge's route files are plain routes, so
 * that first pass is skipped unless {@code camel.main.modeline} is on.
 */
final class ZonebridgeMain extends Main {

    @Override
    protected void modelineRoutes(CamelContext context) throws Exception {
        if (mainConfigurationProperties.isModeline()) {
            super.modelineRoutes(context);
        }
    }
}
