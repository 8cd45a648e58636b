package io.zonebridge.app;

import io.zonebridge.app.config.ServicePropertyOverrides;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The zonebridge service: a Camel main application configured from {@code config/application.properties}
 * that binds the beans of {@link ZonebridgeBeans} and loads the YAML routes in {@code routes/}. Every key of the
 * properties file can be overridden by an environment variable ({@link ServicePropertyOverrides}).
 */
public final class ZonebridgeApplication {

    /** Default location of the service configuration, relative to the working directory. */
    public static final String DEFAULT_CONFIG = "config/application.properties";

    /** The exit code of a service that could not start. */
    public static final int START_FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ZonebridgeApplication.class);

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
        main.addMainListener(new StartupSummary());
        main.setPropertyPlaceholderLocations("file:" + configFile.toAbsolutePath());
        ServicePropertyOverrides.from(keysOf(configFile), System.getenv()).forEach(main::addOverrideProperty);
        zonebridgeConfig.ifPresent(file -> main.addOverrideProperty(ZonebridgeBeans.CONFIG_PROPERTY, file.toString()));
        return main;
    }

    private static Set<String> keysOf(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
        return properties.stringPropertyNames();
    }

    /**
     * Runs the service until it is stopped (SIGTERM: graceful shutdown within {@code camel.main.shutdownTimeout});
     * returns the exit code. A service that cannot start logs one line saying why ({@link StartupFailure}) and
     * returns {@value #START_FAILED}.
     */
    public int run() {
        Main main;
        try {
            main = createMain();
        } catch (RuntimeException e) {
            LOG.error("zonebridge did not start: {}", StartupFailure.describe(e, null));
            return START_FAILED;
        }
        try {
            main.run();
        } catch (Exception e) {
            LOG.error("zonebridge did not start: {}", StartupFailure.describe(e, main.getCamelContext()));
            LOG.debug("start-up failure", e);
            return START_FAILED;
        }
        return main.getExitCode();
    }
}
