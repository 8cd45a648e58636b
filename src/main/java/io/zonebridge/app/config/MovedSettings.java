package io.zonebridge.app.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The zonebridge settings that used to be {@code zonebridge.*} Camel properties (keys of {@code application.properties},
 * or placeholders of the route files), with their key in {@code zonebridge.yaml} now. Such a key in the properties
 * file, or its old environment variable ({@code ZONEBRIDGE_APPLY_REDELIVERY_DELAY}), stops start-up naming the new key
 * and variable: never silently ignored.
 */
public final class MovedSettings {

    private static final Map<String, String> MOVED = new LinkedHashMap<>();

    static {
        MOVED.put("zonebridge.routes.dir", "routes.dir");
        MOVED.put("zonebridge.routes.reload", "routes.reload");
        MOVED.put("zonebridge.shutdown.inFlightTimeout", "shutdown.inFlightTimeout");
        MOVED.put("zonebridge.heartbeat.period", "timers.heartbeat");
        MOVED.put("zonebridge.notify.tcpIdleTimeout", "secondary.notify.tcpIdleTimeout");
        MOVED.put("zonebridge.notify.enabled", "secondary.notify.enabled");
        MOVED.put("zonebridge.notify.host", "secondary.notify.listen");
        MOVED.put("zonebridge.notify.port", "secondary.notify.listen");
        MOVED.put("zonebridge.apply.concurrentZones", "apply.concurrentZones");
        MOVED.put("zonebridge.apply.debounceCheck", "apply.debounceCheck");
        MOVED.put("zonebridge.apply.redeliveries", "apply.redeliveries");
        MOVED.put("zonebridge.apply.redeliveryDelay", "apply.redeliveryDelay");
        MOVED.put("zonebridge.refresh.tick", "timers.refresh");
        MOVED.put("zonebridge.mirror.tick", "timers.mirror");
        MOVED.put("zonebridge.fileWatch.period", "timers.fileWatch");
        MOVED.put("zonebridge.verify.tick", "timers.verify");
        MOVED.put("zonebridge.health.maxFailingSeconds", "health.maxFailing");
        for (String key : new String[] {"port", "host", "passwordFile", "accessFile"}) {
            MOVED.put("zonebridge.jmx." + key, "jmx." + key);
        }
        for (String job : new String[] {"reverse", "ec2"}) {
            for (String key : new String[] {"enabled", "queue", "deadLetterQueue", "debounce", "maxPending",
                    "consumers", "visibilityTimeout"}) {
                MOVED.put("zonebridge." + job + "." + key, job + "." + key);
            }
            MOVED.put("zonebridge." + job + ".waitTimeSeconds", job + ".waitTime");
        }
        MOVED.put("zonebridge.ec2.lateTagInterval", "ec2.lateTagInterval");
        MOVED.put("zonebridge.reverse.reconcileTimer", "reverse.reconcile.every");
        MOVED.put("zonebridge.reverse.reconcilePeriod", "reverse.reconcile.every");
        MOVED.put("zonebridge.reverse.reconcileDelay", "reverse.reconcile.firstDelay");
        MOVED.put("zonebridge.cluster.enabled", "cluster.enabled");
        MOVED.put("zonebridge.cluster.queue", "cluster.queue");
        MOVED.put("zonebridge.cluster.leader", "cluster.enabled");
        MOVED.put("zonebridge.reverse.reconcileHelp", "cluster.enabled");
    }

    private MovedSettings() {
    }

    /** The {@code zonebridge.yaml} key of an old property, if it is one. */
    public static Optional<String> newKey(String oldProperty) {
        return Optional.ofNullable(MOVED.get(oldProperty));
    }

    /** Every old property, with its new key. */
    public static Map<String, String> all() {
        return MOVED;
    }
}
