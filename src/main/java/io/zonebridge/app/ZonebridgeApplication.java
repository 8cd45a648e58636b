package io.zonebridge.app;

import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The zonebridge service: a Camel main application configured from {@code config/application.properties}
 * that binds the beans of {@link ZonebridgeBeans} and loads the YAML routes in {@code routes/}.
 */
public final class ZonebridgeApplication {

    /** Default location of the service configuration, relative to the working directory. */
    public static final String DEFAULT_CONFIG = "config/application.properties";

    private final Path configFile;
    private final Optional<Path> zonebridgeConfig;

    /** The service with the zones configuration named in the properties (or the default). */
    public ZonebridgeApplication(Path configFile) {
        this(configFile, Optional.empty());
    }

    /**
     * @param configFile       the Camel main properties
     * @param zonebridgeConfig the zonebridge YAML configuration, overriding {@value ZonebridgeBeans#CONFIG_PROPERTY}
     */
    public ZonebridgeApplication(Path configFile, Optional<Path> zonebridgeConfig) {
        this.configFile = configFile;
        this.zonebridgeConfig = zonebridgeConfig;
    }

    /** Builds the Camel main with its configuration, ready to {@link Main#run()}. */
    public Main createMain() {
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("configuration file not found: " + configFile.toAbsolutePath());
        }
        zonebridgeConfig.ifPresent(file -> {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("configuration file not found: " + file.toAbsolutePath());
            }
        });
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + configFile.toAbsolutePath());
        zonebridgeConfig.ifPresent(file -> main.addOverrideProperty(ZonebridgeBeans.CONFIG_PROPERTY, file.toString()));
        return main;
    }

    /** Runs the service until it is stopped; returns the exit code. */
    public int run() throws Exception {
        Main main = createMain();
        main.run();
        return main.getExitCode();
    }
}
