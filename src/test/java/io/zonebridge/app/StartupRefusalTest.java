package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service process refuses to start on a bad setting, in either file or the environment, or a taken port:
 * one line on standard error, {@code error: <file or variable>: <key> ... <value> ...}, no stack trace, exit code 2.
 * A broken route file stops it with exit code 1 and one log line naming the route file and line.
 */
class StartupRefusalTest {

    private static final Duration EXIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    /** The one line a service refused by a bad setting prints (its whole output), after exit code 2. */
    private String badSetting(Map<String, String> extra, String... options) throws Exception {
        Map<String, String> env = new java.util.LinkedHashMap<>(ServiceProcess.freePorts());
        env.putAll(extra);
        try (ServiceProcess service = ServiceProcess.start(env, dir.resolve("service.log"), List.of(options))) {
            assertEquals(ZonebridgeApplication.BAD_CONFIG, service.awaitExit(EXIT), service.log());
            List<String> lines = service.log().lines().toList();
            assertEquals(1, lines.size(), "one line, no stack trace:\n" + service.log());
            assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
            return lines.get(0).substring("error: ".length());
        }
    }

    private String refusal(Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.LinkedHashMap<>(ServiceProcess.freePorts());
        env.putAll(extra);
        try (ServiceProcess service = ServiceProcess.start(env, dir.resolve("service.log"))) {
            assertEquals(ZonebridgeApplication.START_FAILED, service.awaitExit(EXIT), service.log());
            String log = service.log();
            String line = log.lines().filter(l -> l.contains("zonebridge did not start: ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no refusal line in:\n" + log));
            return line.substring(line.indexOf("zonebridge did not start: ") + "zonebridge did not start: ".length());
        }
    }

    @Test
    void aWrongZonebridgeYamlValueFromTheEnvironmentIsNamed() throws Exception {
        assertEquals("environment variable ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND: "
                + "route53.rateLimitPerSecond: must be a number, not 'fast'",
                badSetting(Map.of("ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND", "fast")));
    }

    @Test
    void aBadNumberAndABadDurationFromTheEnvironmentAreNamed() throws Exception {
        assertEquals("environment variable ZONEBRIDGE_CONFIG_APPLY_CONCURRENT_ZONES: apply.concurrentZones: "
                + "must be a whole number, not 'many'",
                badSetting(Map.of("ZONEBRIDGE_CONFIG_APPLY_CONCURRENT_ZONES", "many")));
        assertEquals("environment variable ZONEBRIDGE_CONFIG_APPLY_REDELIVERY_DELAY: apply.redeliveryDelay: "
                + "must be a duration such as 30s, 5m, 2h, 1d or PT5M, not 'two'",
                badSetting(Map.of("ZONEBRIDGE_CONFIG_APPLY_REDELIVERY_DELAY", "two")));
    }

    @Test
    void aBadDurationInZonebridgeYamlIsNamedWithTheFile() throws Exception {
        Path config = dir.resolve("zb.yaml");
        Files.writeString(config, Files.readString(Path.of("config/zonebridge.yaml"))
                .replace("redeliveryDelay: 2s", "redeliveryDelay: 2 seconds"));
        assertEquals(config + ": apply.redeliveryDelay: must be a duration such as 30s, 5m, 2h, 1d or PT5M, "
                + "not '2 seconds'", badSetting(Map.of(), "--config", config.toString()));
    }

    @Test
    void aRoutesDirectoryWithoutRouteFilesIsRefusedInsteadOfStartingWithNoRoutes() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-routes"));
        assertEquals("config/zonebridge.yaml: routes.dir = " + empty + ": holds no *.camel.yaml route file",
                badSetting(Map.of("ZONEBRIDGE_CONFIG_ROUTES_DIR", empty.toString())));
    }

    @Test
    void aMistypedOverrideVariableIsNamed() throws Exception {
        String why = badSetting(Map.of("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTNE", "0.0.0.0:53"));
        assertTrue(why.contains("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTNE: no such configuration key"), why);
    }

    @Test
    void aMissingSecretIsNamed() throws Exception {
        String why = badSetting(Map.of("ZONEBRIDGE_CONFIG_TSIG_KEYS", "{xfr-key: {secretEnv: ZB_TEST_UNSET_SECRET}}"));
        assertTrue(why.contains("tsigKeys.xfr-key.secretEnv: environment variable ZB_TEST_UNSET_SECRET is not set"), why);
    }

    @Test
    void aVariableOfAnOldZonebridgePropertyIsRefusedNamingTheNewOne() throws Exception {
        assertEquals("environment variable ZONEBRIDGE_APPLY_REDELIVERY_DELAY: zonebridge.apply.redeliveryDelay = 500: "
                + "this setting is now apply.redeliveryDelay of zonebridge.yaml; set "
                + "ZONEBRIDGE_CONFIG_APPLY_REDELIVERY_DELAY instead (docs/configuration.md)",
                badSetting(Map.of("ZONEBRIDGE_APPLY_REDELIVERY_DELAY", "500")));
    }

    @Test
    void aZonebridgeKeyInTheCamelPropertiesIsRefused() throws Exception {
        Path properties = dir.resolve("camel.properties");
        Files.writeString(properties, Files.readString(Path.of("config/application.properties"))
                + "zonebridge.apply.debounce = two\n");
        assertEquals(properties + ": zonebridge.apply.debounce: only Camel's own camel.* keys belong here; "
                + "zonebridge settings are in zonebridge.yaml (docs/configuration.md)",
                badSetting(Map.of(), "--properties", properties.toString()));
    }

    @Test
    void aBadManagementPortInTheFileOrTheEnvironmentIsNamed() throws Exception {
        Path properties = dir.resolve("camel.properties");
        Files.writeString(properties, Files.readString(Path.of("config/application.properties"))
                .replace("camel.management.port = 9876", "camel.management.port = 98x"));
        Map<String, String> env = new java.util.LinkedHashMap<>(ServiceProcess.freePorts());
        env.remove("CAMEL_MANAGEMENT_PORT");
        try (ServiceProcess service = ServiceProcess.start(env, dir.resolve("file.log"),
                List.of("--properties", properties.toString()))) {
            assertEquals(ZonebridgeApplication.BAD_CONFIG, service.awaitExit(EXIT), service.log());
            assertEquals("error: " + properties + ": camel.management.port = 98x: must be a port number (1-65535)",
                    service.log().strip());
        }
        assertEquals("environment variable CAMEL_MANAGEMENT_PORT: camel.management.port = 98x: "
                + "must be a port number (1-65535)", badSetting(Map.of("CAMEL_MANAGEMENT_PORT", "98x")));
    }

    @Test
    void aBadCamelNumberOrSwitchIsNamed() throws Exception {
        assertEquals("environment variable CAMEL_MAIN_SHUTDOWN_TIMEOUT: camel.main.shutdownTimeout = ten: "
                + "must be a whole number", badSetting(Map.of("CAMEL_MAIN_SHUTDOWN_TIMEOUT", "ten")));
        assertEquals("environment variable CAMEL_METRICS_ENABLED: camel.metrics.enabled = yes please: "
                + "must be true or false", badSetting(Map.of("CAMEL_METRICS_ENABLED", "yes please")));
    }

    @Test
    void aTakenManagementPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertEquals("environment variable CAMEL_MANAGEMENT_PORT: camel.management.port = " + port + ": port "
                    + port + " on 127.0.0.1 is taken: another process listens there (TCP)",
                    badSetting(Map.of("CAMEL_MANAGEMENT_PORT", Integer.toString(port))));
        }
    }

    @Test
    void aTakenNotifyPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertEquals("environment variable ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTEN: secondary.notify.listen = "
                    + "127.0.0.1:" + port + ": port " + port + " on 127.0.0.1 is taken: another process listens "
                    + "there (UDP or TCP)",
                    badSetting(Map.of("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTEN", "127.0.0.1:" + port)));
        }
    }

    @Test
    void aRouteFileWithAYamlSyntaxErrorIsNamedWithItsLine() throws Exception {
        Path routes = routesWith("heartbeat.camel.yaml", "      steps:\n", "      steps\n");
        int line = lineOf(routes.resolve("heartbeat.camel.yaml"), "      steps");
        String why = refusal(Map.of("ZONEBRIDGE_CONFIG_ROUTES_DIR", routes.toString()));
        assertTrue(why.contains(routes.resolve("heartbeat.camel.yaml") + ", line " + line), why);
    }

    @Test
    void anUnknownBeanIsNamedWithItsRouteFileAndLine() throws Exception {
        Path routes = routesWith("zone-apply.camel.yaml", "            ref: zoneSynchronizer\n",
                "            ref: zoneSynchroniser\n");
        Path file = routes.resolve("zone-apply.camel.yaml");
        String why = refusal(Map.of("ZONEBRIDGE_CONFIG_ROUTES_DIR", routes.toString()));
        assertTrue(why.startsWith("file:" + file + ":" + (lineOf(file, "ref: zoneSynchroniser") - 1) + ": route zone-sync: ")
                && why.contains("No bean could be found in the registry for: zoneSynchroniser"), why);
    }

    @Test
    void anUnknownEndpointIsNamedWithItsRouteFileAndLine() throws Exception {
        Path routes = routesWith("heartbeat.camel.yaml", "\"timer:heartbeat\"", "\"timre:heartbeat\"");
        Path file = routes.resolve("heartbeat.camel.yaml");
        String why = refusal(Map.of("ZONEBRIDGE_CONFIG_ROUTES_DIR", routes.toString()));
        assertTrue(why.startsWith("file:" + file + ":") && why.contains("route heartbeat")
                && why.contains("No endpoint could be found for: timre://heartbeat"), why);
    }

    /** A copy of the shipped routes with one text replaced in one file. */
    private Path routesWith(String fileName, String text, String replacement) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        Path target = routes.resolve(fileName);
        String shipped = Files.readString(target);
        assertTrue(shipped.contains(text), fileName + " has " + text);
        Files.writeString(target, shipped.replaceFirst(java.util.regex.Pattern.quote(text),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        return routes;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
