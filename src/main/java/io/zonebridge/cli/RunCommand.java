package io.zonebridge.cli;

import io.zonebridge.app.ZonebridgeApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code zonebridge run}: the long-running service with all its routes. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the zonebridge service (Camel routes from routes/*.camel.yaml).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "zonebridge configuration (default: environment variable ZONEBRIDGE_CONFIG, else "
                    + "config/zonebridge.yaml of the installation).")
    Path config;

    @Option(names = "--properties", paramLabel = "FILE",
            description = "Camel's own properties (default: " + ZonebridgeApplication.DEFAULT_CONFIG
                    + " of the installation).")
    Path properties;

    @Override
    public Integer call() {
        return run(config, properties);
    }

    /** Runs the service with these files ({@code null}: the default) until it stops; returns its exit code. */
    static int run(Path config, Path properties) {
        return new ZonebridgeApplication(
                properties == null ? Path.of(ZonebridgeApplication.DEFAULT_CONFIG) : properties, Optional.ofNullable(config)).run();
    }
}
