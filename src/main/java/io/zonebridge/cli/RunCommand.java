package io.zonebridge.cli;

import io.zonebridge.app.ZonebridgeApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code zonebridge run}: the long-running service with all its routes. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the zonebridge service (Camel routes from routes/*.camel.yaml).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Service configuration (default: ${DEFAULT-VALUE}).",
            defaultValue = ZonebridgeApplication.DEFAULT_CONFIG)
    Path config;

    @Override
    public Integer call() throws Exception {
        return new ZonebridgeApplication(config).run();
    }
}
