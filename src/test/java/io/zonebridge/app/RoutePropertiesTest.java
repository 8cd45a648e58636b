package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.app.config.MovedSettings;
import io.zonebridge.app.config.ZonebridgeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Camel properties the service makes from {@code zonebridge.yaml}: every {@code {{zonebridge.…}}} placeholder
 * of the shipped route files and of {@code application.properties} is one of them, each has an old environment variable
 * that is refused ({@link MovedSettings}), and durations reach the routes in milliseconds, SQS times in seconds.
 */
class RoutePropertiesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(zonebridge\\.[A-Za-z.]+)(:[^}]*)?}}");

    @Test
    void everyPlaceholderOfTheRoutesIsSetFromTheConfiguration() throws IOException {
        Map<String, String> properties = RouteProperties.of(shipped(""));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                used.addAll(placeholders(Files.readString(file)));
            }
        }
        used.addAll(placeholders(Files.readString(Path.of("config/application.properties"))));
        assertTrue(used.size() > 20, "the routes use the zonebridge placeholders: " + used);
        for (String key : used) {
            assertTrue(properties.containsKey(key), key + " is set from zonebridge.yaml");
        }
        for (String key : properties.keySet()) {
            assertTrue(MovedSettings.all().containsKey(key), key + ": its old environment variable is refused");
        }
    }

    @Test
    void durationsBecomeMillisecondsAndSqsTimesSeconds() {
        Map<String, String> properties = RouteProperties.of(shipped("""
                apply: { redeliveryDelay: 1m, debounceCheck: 50ms }
                timers: { heartbeat: 2h }
                reverse: { enabled: true, queue: zb-events, debounce: 3s, waitTime: 20s, visibilityTimeout: 1h,
                           reconcile: { every: 6h, firstDelay: 0s } }
                ec2: { maxPending: 7, consumers: 3 }
                secondary: { notify: { listen: 127.0.0.1:5301 } }
                """));
        assertEquals("60000", properties.get("zonebridge.apply.redeliveryDelay"));
        assertEquals("50", properties.get("zonebridge.apply.debounceCheck"));
        assertEquals("7200000", properties.get("zonebridge.heartbeat.period"));
        assertEquals("true", properties.get("zonebridge.reverse.enabled"));
        assertEquals("zb-events", properties.get("zonebridge.reverse.queue"));
        assertEquals("zb-events-dlq", properties.get("zonebridge.reverse.deadLetterQueue"));
        assertEquals("3000", properties.get("zonebridge.reverse.debounce"));
        assertEquals("20", properties.get("zonebridge.reverse.waitTimeSeconds"));
        assertEquals("3600", properties.get("zonebridge.reverse.visibilityTimeout"));
        assertEquals("true", properties.get("zonebridge.reverse.reconcileTimer"));
        assertEquals("21600000", properties.get("zonebridge.reverse.reconcilePeriod"));
        assertEquals("0", properties.get("zonebridge.reverse.reconcileDelay"));
        assertEquals("false", properties.get("zonebridge.ec2.enabled"));
        assertEquals("7", properties.get("zonebridge.ec2.maxPending"));
        assertEquals("3", properties.get("zonebridge.ec2.consumers"));
        assertEquals("5301", properties.get("zonebridge.notify.port"));
        assertEquals("routes", properties.get("zonebridge.routes.dir"));
    }

    private static ZonebridgeConfig shipped(String yaml) {
        return new ConfigLoader(Map.of()).parse("test.yaml", yaml);
    }

    private static Set<String> placeholders(String text) {
        Set<String> keys = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
