package io.zonebridge.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a route file of the routes directory when it changes, all or nothing: the changed file's routes are first
 * built beside the running ones without starting them, and only a file that builds replaces its routes; should the
 * replacement still fail, the routes it held before are put back from the last content that worked. Either way the
 * failure is an ERROR naming file and line, counted ({@link #failures()}), and shown by the readiness check
 * ({@link #failing()}) until the file reloads cleanly. Replaces Camel's own reloader, which leaves a broken file's
 * routes removed.
 */
public final class RouteFileReload extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileReload.class);
    private static final String TRIAL_PREFIX = "zonebridge-trial-";

    private final Path directory;
    private final String suffix;
    private final Map<Path, String> lastGood = new ConcurrentHashMap<>();
    private final Map<Path, String> failing = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();

    /**
     * @param directory the routes directory
     * @param suffix    the ending of a route file's name ({@code .camel.yaml})
     */
    public RouteFileReload(Path directory, String suffix) {
        super(directory.toString(), false);
        this.directory = directory.toAbsolutePath().normalize();
        this.suffix = suffix;
        setPattern("*" + suffix);
        setRemoveAllRoutes(false);
    }

    @Override
    protected void doStart() throws Exception {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                    lastGood.put(file.toAbsolutePath().normalize(), Files.readString(file));
                }
            }
        }
        super.doStart();
    }

    @Override
    protected String startupMessage(java.io.File dir) {
        return null;
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        if (resources == null || resources.size() != 1 || removeEverything) {
            super.onRouteReload(resources, removeEverything);
            return;
        }
        Resource resource = resources.iterator().next();
        Path file = Path.of(resource.getURI()).toAbsolutePath().normalize();
        String attempted = read(resource);
        if (attempted != null && attempted.isBlank()) {
            LOG.debug("route file {} is empty (being written?): not reloaded", file);
            return;
        }
        String trial = attempted == null ? null : trialBuild(resource);
        if (trial != null) {
            failed(file, trial);
            return;
        }
        try {
            super.onRouteReload(resources, false);
        } catch (RuntimeException e) {
            failed(file, StartupFailure.describe(e, getCamelContext()));
            restore(file);
            return;
        }
        if (attempted == null) {
            lastGood.remove(file);
        } else {
            lastGood.put(file, attempted);
        }
        if (failing.remove(file) != null) {
            LOG.info("route file {} reloaded: its routes run from the fixed file", file);
        } else {
            LOG.info("route file {} reloaded", file);
        }
    }

    private void failed(Path file, String reason) {
        failures.increment();
        failing.put(file, reason);
        LOG.error("route file {} not reloaded; the routes it held before keep running: {}", file, reason);
    }

    /**
     * Builds the file's routes beside the running ones, under trial ids and without starting them, and removes them
     * again: a file whose routes cannot be built (an unknown bean or endpoint, a YAML error) is found before any
     * running route is touched. Returns why it failed, or null.
     */
    private String trialBuild(Resource resource) {
        CamelContext context = getCamelContext();
        ModelCamelContext model = (ModelCamelContext) context;
        List<RouteDefinition> trial = new ArrayList<>();
        try {
            for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(resource))) {
                if (builder instanceof RouteBuilder routes) {
                    for (RouteDefinition route : routes.configureRoutes(context).getRoutes()) {
                        route.setId(TRIAL_PREFIX + (route.getRouteId() == null ? trial.size() : route.getRouteId()));
                        route.setCustomId(true);
                        route.setAutoStartup("false");
                        trial.add(route);
                    }
                }
            }
            model.addRouteDefinitions(trial);
            return null;
        } catch (Exception e) {
            return StartupFailure.describe(e, context).replace(TRIAL_PREFIX, "");
        } finally {
            for (RouteDefinition route : trial) {
                try {
                    if (context.getRoute(route.getRouteId()) != null) {
                        context.getRouteController().stopRoute(route.getRouteId());
                        context.removeRoute(route.getRouteId());
                    }
                    model.removeRouteDefinition(route);
                } catch (Exception e) {
                    LOG.warn("trial route {} of a reloaded file not removed: {}", route.getRouteId(), e.getMessage());
                }
            }
        }
    }

    private void restore(Path file) {
        String good = lastGood.get(file);
        if (good == null) {
            return;
        }
        try {
            super.onRouteReload(List.of(ResourceHelper.fromString(file.toUri().toString(), good)), false);
        } catch (RuntimeException e) {
            LOG.error("route file {}: the routes it held before could not be put back: {}", file,
                    StartupFailure.describe(e, getCamelContext()));
        }
    }

    private static String read(Resource resource) {
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Route files whose last change failed to load, with why (file and line). */
    public Map<Path, String> failing() {
        return new TreeMap<>(failing);
    }

    /** Reloads that failed so far. */
    public long failures() {
        return failures.sum();
    }
}
