package io.zonebridge.app;

import io.zonebridge.app.config.ConfigException;
import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.app.config.ServiceProperties;
import io.zonebridge.app.config.ZonebridgeConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zonebridge service: a Camel main application. Its settings are {@code zonebridge.yaml} (file: the
 * {@code --config} option, else environment variable {@value #CONFIG_VARIABLE}, else
 * {@value ZonebridgeBeans#DEFAULT_CONFIG}; keys overridden by {@code ZONEBRIDGE_CONFIG_<KEY PATH>} variables), which
 * it validates and turns into the routes' Camel properties ({@link RouteProperties}), and Camel's own keys in
 * {@code config/application.properties} (overridden by Camel's {@code CAMEL_...} variables,
 * {@link ServiceProperties}). Both are checked, the ports to listen on found free ({@link ListenPorts}) and the route
 * files found ({@link RouteDirectory}), before
 * Camel starts; the beans come from {@link ZonebridgeBeans}, the routes from {@code routes/}.
 */
public final class ZonebridgeApplication {

    /** Default location of Camel's properties, relative to the working directory. */
    public static final String DEFAULT_CONFIG = "config/application.properties";
    /** The environment variable naming the zonebridge configuration file (when {@code --config} does not). */
    public static final String CONFIG_VARIABLE = "ZONEBRIDGE_CONFIG";

    /** The exit code of a service that could not start (a route file, a peer, an unexpected failure). */
    public static final int START_FAILED = 1;
    /** The exit code of a service refused by a bad setting (a value in either file or the environment, a taken port). */
    public static final int BAD_CONFIG = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ZonebridgeApplication.class);

    private final Path configFile;
    private final Optional<Path> zonebridgeConfig;
    private final Map<String, String> environment;

    /** The service with the zonebridge configuration of the environment (or the default). */
    public ZonebridgeApplication(Path configFile) {
        this(configFile, Optional.empty());
    }

    /**
     * @param configFile       Camel's properties
     * @param zonebridgeConfig the zonebridge YAML configuration (else {@value #CONFIG_VARIABLE}, else the default)
     */
    public ZonebridgeApplication(Path configFile, Optional<Path> zonebridgeConfig) {
        this.configFile = configFile;
        this.zonebridgeConfig = zonebridgeConfig;
        this.environment = Map.copyOf(System.getenv());
    }

    /** Both configurations, read and checked. */
    private record Settings(Path yaml, ServiceProperties camel, ZonebridgeConfig config) {
    }

    /**
     * Builds the Camel main with its configuration, ready to {@link Main#run()}; a bad setting is a
     * {@link ConfigException} naming the file or variable, the key and the value. (Its ports are checked by
     * {@link #run()}, so a test can move them after this.)
     */
    public Main createMain() {
        return createMain(settings());
    }

    private Settings settings() {
        Path yaml = zonebridgeConfig.or(() -> Optional.ofNullable(environment.get(CONFIG_VARIABLE))
                .filter(name -> !name.isBlank()).map(Path::of)).orElse(Path.of(ZonebridgeBeans.DEFAULT_CONFIG));
        requireFile(configFile);
        requireFile(yaml);
        ServiceProperties camel = ServiceProperties.load(configFile, environment);
        return new Settings(yaml, camel, new ConfigLoader(environment).load(yaml));
    }

    private static Main createMain(Settings settings) {
        Main main = new ZonebridgeMain();
        main.addMainListener(new StartupSummary());
        main.setPropertyPlaceholderLocations("file:" + settings.camel().file().toAbsolutePath());
        settings.camel().overrides().forEach(main::addOverrideProperty);
        RouteProperties.of(settings.config()).forEach(main::addOverrideProperty);
        main.bind(ZonebridgeBeans.CONFIG_BEAN, settings.config());
        return main;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": configuration file not found (looked at " + file.toAbsolutePath()
                    + ")");
        }
    }

    /**
     * Runs the service until it is stopped (SIGTERM: graceful shutdown within {@code camel.main.shutdownTimeout});
     * returns the exit code. A bad setting or a taken port ({@link ListenPorts}) prints one line
     * {@code error: <file or variable>: <key> ...} on standard error and returns {@value #BAD_CONFIG}; any other reason
     * not to start is one log line ({@link StartupFailure}) and {@value #START_FAILED}.
     */
    public int run() {
        return run(System.err);
    }

    int run(PrintStream err) {
        Main main = null;
        try {
            Settings settings = settings();
            new ListenPorts(settings.yaml(), environment).requireFree(settings.camel(), settings.config());
            RouteDirectory.require(settings.yaml(), settings.config().service().routesDir());
            main = createMain(settings);
            main.run();
        } catch (Exception e) {
            Optional<ConfigException> config = StartupFailure.configProblem(e);
            if (config.isPresent()) {
                err.println("error: " + config.get().getMessage());
                err.flush();
                return BAD_CONFIG;
            }
            LOG.error("zonebridge did not start: {}", StartupFailure.describe(e,
                    main == null ? null : main.getCamelContext()));
            LOG.debug("start-up failure", e);
            return START_FAILED;
        }
        return main.getExitCode();
    }
}
