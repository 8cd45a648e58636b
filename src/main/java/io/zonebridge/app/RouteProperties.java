package io.zonebridge.app;

import io.zonebridge.app.cluster.ClusterWiring;
import io.zonebridge.app.config.ClusterSettings;
import io.zonebridge.app.config.NotifySettings;
import io.zonebridge.app.config.QueueRouteSettings;
import io.zonebridge.app.config.ReverseSettings;
import io.zonebridge.app.config.ServiceSettings;
import io.zonebridge.app.config.ZonebridgeConfig;
import io.zonebridge.app.ec2.Ec2Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where zonebridge settings ({@code zonebridge.yaml}) become Camel properties: the
 * {@code {{zonebridge.…}}} placeholders of the route files, and {@code zonebridge.routes.dir} (from {@code routes.dir})
 * that {@code camel.main.routesIncludePattern} names. Durations are given in milliseconds, SQS times in seconds. Nothing flows the other way:
 * {@code application.properties} holds only Camel's own keys.
 */
public final class RouteProperties {

    private RouteProperties() {
    }

    /** The Camel properties of {@code config}, by name. */
    public static Map<String, String> of(ZonebridgeConfig config) {
        ServiceSettings service = config.service();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("zonebridge.routes.dir", RouteDirectory.resolved(service.routesDir()).toString());
        properties.put("zonebridge.heartbeat.period", millis(service.timers().heartbeat()));
        properties.put("zonebridge.refresh.tick", millis(service.timers().refresh()));
        properties.put("zonebridge.mirror.tick", millis(service.timers().mirror()));
        properties.put("zonebridge.fileWatch.period", millis(service.timers().fileWatch()));
        properties.put("zonebridge.verify.tick", millis(service.timers().verify()));
        properties.put("zonebridge.apply.concurrentZones", Integer.toString(service.apply().concurrentZones()));
        properties.put("zonebridge.apply.redeliveries", Integer.toString(service.apply().redeliveries()));
        properties.put("zonebridge.apply.redeliveryDelay", millis(service.apply().redeliveryDelay()));
        properties.put("zonebridge.apply.debounceCheck", millis(service.apply().debounceCheck()));
        NotifySettings notify = config.secondary().notifyListener();
        properties.put("zonebridge.notify.enabled", Boolean.toString(notify.enabled()));
        properties.put("zonebridge.notify.host", notify.host());
        properties.put("zonebridge.notify.port", Integer.toString(notify.port()));
        ReverseSettings reverse = config.reverse();
        job(properties, "reverse", reverse.enabled(), reverse.queue(), reverse.deadLetterQueue(),
                service.reverseRoutes());
        properties.put("zonebridge.reverse.reconcileTimer",
                Boolean.toString(reverse.enabled() && reverse.reconcile().every().isPresent()));
        properties.put("zonebridge.reverse.reconcilePeriod",
                millis(reverse.reconcile().every().orElse(Duration.ofHours(1))));
        properties.put("zonebridge.reverse.reconcileDelay", millis(service.reconcileFirstDelay()));
        Ec2Settings ec2 = config.ec2();
        job(properties, "ec2", ec2.enabled(), ec2.queue(), ec2.deadLetterQueue(), service.ec2Routes());
        properties.put("zonebridge.ec2.lateTagInterval", millis(ec2.lateTagInterval()));
        ClusterSettings cluster = config.cluster();
        properties.put("zonebridge.cluster.enabled", Boolean.toString(cluster.enabled()));
        properties.put("zonebridge.cluster.queue", cluster.queue());
        properties.put("zonebridge.cluster.leader", cluster.enabled() ? "master:" + ClusterWiring.NAMESPACE + ":" : "");
        properties.put("zonebridge.reverse.reconcileHelp", Boolean.toString(reverse.enabled() && cluster.enabled()));
        return properties;
    }

    private static void job(Map<String, String> properties, String job, boolean enabled, String queue,
                            String deadLetterQueue, QueueRouteSettings routes) {
        String prefix = "zonebridge." + job + ".";
        properties.put(prefix + "enabled", Boolean.toString(enabled));
        properties.put(prefix + "queue", queue);
        properties.put(prefix + "deadLetterQueue", deadLetterQueue);
        properties.put(prefix + "debounce", millis(routes.debounce()));
        properties.put(prefix + "maxPending", Integer.toString(routes.maxPending()));
        properties.put(prefix + "consumers", Integer.toString(routes.consumers()));
        properties.put(prefix + "waitTimeSeconds", Long.toString(routes.waitTime().toSeconds()));
        properties.put(prefix + "visibilityTimeout", Long.toString(routes.visibilityTimeout().toSeconds()));
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
