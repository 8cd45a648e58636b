package io.zonebridge.app.config;

import io.zonebridge.app.monitoring.RemoteJmxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the service runs its routes: the top-level sections {@code routes}, {@code shutdown}, {@code apply},
 * {@code timers}, {@code health} and {@code jmx} of {@code zonebridge.yaml}, and the SQS route settings of the
 * reverse and EC2 jobs ({@code reverse.debounce}, ... {@link QueueRouteSettings}).
 *
 * @param routesDir           the directory of the {@code *.camel.yaml} route files
 * @param reloadRoutes        whether a changed route file is reloaded while running
 * @param inFlightTimeout     on SIGTERM, how long batches in flight may take to finish
 * @param apply               zone-apply: parallel zones, redeliveries, debounce checks
 * @param timers              periods of the timer routes
 * @param maxFailing          a zone failing this long with no success turns health DOWN
 * @param jmx                 remote JMX
 * @param reverseRoutes       the reverse job's SQS routes
 * @param reconcileFirstDelay the first organisation reconcile this long after start
 * @param ec2Routes           the EC2 job's SQS routes
 */
public record ServiceSettings(Path routesDir, boolean reloadRoutes, Duration inFlightTimeout, Apply apply,
                              Timers timers, Duration maxFailing, RemoteJmxSettings jmx,
                              QueueRouteSettings reverseRoutes, Duration reconcileFirstDelay,
                              QueueRouteSettings ec2Routes) {

    /** The top-level sections these settings come from. */
    static final String[] SECTIONS = {"routes", "shutdown", "apply", "timers", "health", "jmx"};

    /**
     * zone-apply.
     *
     * @param concurrentZones zones synced in parallel
     * @param redeliveries    redeliveries of a sync that failed at Route 53
     * @param redeliveryDelay the first redelivery delay (doubling)
     * @param debounceCheck   how often the reverse and EC2 debounce windows are checked
     */
    public record Apply(int concurrentZones, int redeliveries, Duration redeliveryDelay, Duration debounceCheck) {
    }

    /**
     * Periods of the timer routes.
     *
     * @param heartbeat the heartbeat log line
     * @param refresh   zone-refresh looks for zones whose SOA refresh (or retry) is due
     * @param mirror    zone-mirror looks for due mirror jobs
     * @param fileWatch zone-file-watch looks for changed zone files
     * @param verify    zone-verify looks for zones whose drift verification is due
     */
    public record Timers(Duration heartbeat, Duration refresh, Duration mirror, Duration fileWatch, Duration verify) {
    }

    static ServiceSettings from(ConfigNode root) {
        ConfigNode routes = root.get("routes").allowOnly("dir", "reload");
        ConfigNode shutdown = root.get("shutdown").allowOnly("inFlightTimeout");
        ConfigNode apply = root.get("apply").allowOnly("concurrentZones", "redeliveries", "redeliveryDelay",
                "debounceCheck");
        ConfigNode timers = root.get("timers").allowOnly("heartbeat", "refresh", "mirror", "fileWatch", "verify");
        ConfigNode health = root.get("health").allowOnly("maxFailing");
        return new ServiceSettings(Path.of(routes.get("dir").text("routes")), routes.get("reload").bool(true),
                period(shutdown.get("inFlightTimeout"), Duration.ofSeconds(15), Duration.ZERO),
                new Apply((int) apply.get("concurrentZones").longValue(4, 1, 256),
                        (int) apply.get("redeliveries").longValue(3, 0, 100),
                        period(apply.get("redeliveryDelay"), Duration.ofSeconds(2), Duration.ofMillis(1)),
                        period(apply.get("debounceCheck"), Duration.ofMillis(200), Duration.ofMillis(1))),
                new Timers(period(timers.get("heartbeat"), Duration.ofSeconds(60), Duration.ofMillis(1)),
                        period(timers.get("refresh"), Duration.ofSeconds(1), Duration.ofMillis(1)),
                        period(timers.get("mirror"), Duration.ofSeconds(1), Duration.ofMillis(1)),
                        period(timers.get("fileWatch"), Duration.ofSeconds(1), Duration.ofMillis(1)),
                        period(timers.get("verify"), Duration.ofSeconds(60), Duration.ofMillis(1))),
                period(health.get("maxFailing"), Duration.ofMinutes(15), Duration.ofSeconds(1)),
                jmx(root.get("jmx")),
                QueueRouteSettings.from(root.get("reverse")),
                period(root.get("reverse").get("reconcile").get("firstDelay"), Duration.ofSeconds(5), Duration.ZERO),
                QueueRouteSettings.from(root.get("ec2")));
    }

    /** A duration of at least {@code min} (and at most a day), {@code defaultValue} when absent. */
    static Duration period(ConfigNode node, Duration defaultValue, Duration min) {
        Duration value = node.duration().orElse(defaultValue);
        if (value.compareTo(min) < 0 || value.compareTo(Duration.ofDays(1)) > 0) {
            throw node.error("must be between " + shortForm(min) + " and 1d, not '"
                    + node.optionalText().orElse("") + "'");
        }
        return value;
    }

    private static String shortForm(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static RemoteJmxSettings jmx(ConfigNode node) {
        node.allowOnly("port", "host", "passwordFile", "accessFile");
        Optional<Path> password = node.get("passwordFile").optionalText().map(Path::of);
        Optional<Path> access = node.get("accessFile").optionalText().map(Path::of);
        if (password.isPresent() != access.isPresent()) {
            throw node.get(password.isPresent() ? "accessFile" : "passwordFile")
                    .error("passwordFile and accessFile go together: set both or neither");
        }
        for (String key : new String[] {"passwordFile", "accessFile"}) {
            ConfigNode file = node.get(key);
            file.optionalText().map(Path::of).filter(path -> !java.nio.file.Files.isReadable(path))
                    .ifPresent(path -> {
                        throw file.error("cannot read " + path.toAbsolutePath());
                    });
        }
        return new RemoteJmxSettings((int) node.get("port").longValue(0, 0, 65535),
                node.get("host").text("127.0.0.1"), password, access);
    }
}
