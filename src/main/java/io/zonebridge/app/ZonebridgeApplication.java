package io.zonebridge.app;

import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The zonebridge service: a Camel main application configured from
 * {@code config/application.properties} that loads the YAML routes in {@code routes/}.
 */
public final class ZonebridgeApplication {

    /** Default location of the service configuration, relative to the working directory. */
    public static final String DEFAULT_CONFIG = "config/application.properties";

    private final Path configFile;

    public ZonebridgeApplication(Path configFile) {
        this.configFile = configFile;
    }

    /** Builds the Camel main with its configuration, ready to {@link Main#run()}. */
    public Main createMain() {
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("configuration file not found: " + configFile.toAbsolutePath());
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + configFile.toAbsolutePath());
        return main;
    }

    /** Runs the service until it is stopped; returns the exit code. */
    public int run() throws Exception {
        Main main = createMain();
        main.run();
        return main.getExitCode();
    }
}
