package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service process refuses to start on a wrong or missing setting, or on a broken route file, with exit code
 * 1 and one log line naming what to fix: the environment variable and key, or the route file and line.
 */
class StartupRefusalTest {

    private static final Duration EXIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

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
        String why = refusal(Map.of("ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND", "fast"));
        assertTrue(why.startsWith("environment variable ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND: "
                + "route53.rateLimitPerSecond: must be a number, not 'fast'"), why);
    }

    @Test
    void aMistypedOverrideVariableIsNamed() throws Exception {
        String why = refusal(Map.of("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTNE", "0.0.0.0:53"));
        assertTrue(why.contains("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTNE: no such configuration key"), why);
    }

    @Test
    void aMissingSecretIsNamed() throws Exception {
        String why = refusal(Map.of("ZONEBRIDGE_CONFIG_TSIG_KEYS", "{xfr-key: {secretEnv: ZB_TEST_UNSET_SECRET}}"));
        assertTrue(why.contains("tsigKeys.xfr-key.secretEnv: environment variable ZB_TEST_UNSET_SECRET is not set"), why);
    }

    @Test
    void aWrongServicePropertyIsNamed() throws Exception {
        String why = refusal(Map.of("ZONEBRIDGE_JMX_PORT", "ninety"));
        assertTrue(why.contains("zonebridge.jmx.port") && why.contains("ninety"), why);
    }

    @Test
    void aRouteFileWithAYamlSyntaxErrorIsNamedWithItsLine() throws Exception {
        Path routes = routesWith("heartbeat.camel.yaml", "      steps:\n", "      steps\n");
        int line = lineOf(routes.resolve("heartbeat.camel.yaml"), "      steps");
        String why = refusal(Map.of("ZONEBRIDGE_ROUTES_DIR", routes.toString()));
        assertTrue(why.contains(routes.resolve("heartbeat.camel.yaml") + ", line " + line), why);
    }

    @Test
    void anUnknownBeanIsNamedWithItsRouteFileAndLine() throws Exception {
        Path routes = routesWith("zone-apply.camel.yaml", "            ref: zoneSynchronizer\n",
                "            ref: zoneSynchroniser\n");
        Path file = routes.resolve("zone-apply.camel.yaml");
        String why = refusal(Map.of("ZONEBRIDGE_ROUTES_DIR", routes.toString()));
        assertTrue(why.startsWith("file:" + file + ":" + (lineOf(file, "ref: zoneSynchroniser") - 1) + ": route zone-sync: ")
                && why.contains("No bean could be found in the registry for: zoneSynchroniser"), why);
    }

    @Test
    void anUnknownEndpointIsNamedWithItsRouteFileAndLine() throws Exception {
        Path routes = routesWith("heartbeat.camel.yaml", "\"timer:heartbeat\"", "\"timre:heartbeat\"");
        Path file = routes.resolve("heartbeat.camel.yaml");
        String why = refusal(Map.of("ZONEBRIDGE_ROUTES_DIR", routes.toString()));
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
