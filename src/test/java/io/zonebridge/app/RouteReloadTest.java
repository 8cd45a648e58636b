package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes from a directory given by ZONEBRIDGE_ROUTES_DIR (a mounted volume in a container): a route file edited
 * while the service runs is reloaded, and zonebridge's meters survive the reload. A file broken while running: Camel
 * stops that file's routes before it builds the new ones, so they stay stopped (a WARN names the file) while the
 * other routes keep running, and come back when the file is fixed.
 */
class RouteReloadTest {

    @TempDir
    Path dir;

    @Test
    void anEditedRouteFileIsReloadedWhileRunning() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.freePorts());
        env.put("ZONEBRIDGE_ROUTES_DIR", routes.toString());
        try (ServiceProcess service = ServiceProcess.start(env, dir.resolve("service.log"))) {
            assertTrue(service.awaitLog("(zonebridge) started in", Duration.ofSeconds(90)), service.log());
            URI metrics = URI.create("http://127.0.0.1:" + env.get("CAMEL_MANAGEMENT_PORT") + "/observe/metrics");
            URI health = URI.create("http://127.0.0.1:" + env.get("CAMEL_MANAGEMENT_PORT") + "/observe/health");
            assertTrue(get(metrics).contains("zonebridge_route53_throttles"), "zonebridge meters at start");
            Path heartbeat = routes.resolve("heartbeat.camel.yaml");
            String shipped = Files.readString(heartbeat);
            Files.writeString(heartbeat, shipped.replace("message: \"zonebridge is running\"",
                    "message: \"heartbeat from the edited file\"").replace("loggingLevel: DEBUG", "loggingLevel: INFO")
                    .replace("period: \"{{zonebridge.heartbeat.period}}\"", "period: \"300\""));
            assertTrue(service.awaitLog("heartbeat from the edited file", Duration.ofSeconds(60)), service.log());

            assertTrue(get(metrics).contains("zonebridge_route53_throttles"), "zonebridge meters after a reload");

            Files.writeString(heartbeat, shipped.replace("uri: \"timer:heartbeat\"", "uri: \"timre:heartbeat\""));
            assertTrue(service.awaitLog("Error reloading routes from file: " + heartbeat, Duration.ofSeconds(60)),
                    service.log());
            assertTrue(get(health).contains("\"UP\""), "the other routes keep running");

            Files.writeString(heartbeat, shipped.replace("message: \"zonebridge is running\"", "message: \"heartbeat back\"")
                    .replace("loggingLevel: DEBUG", "loggingLevel: INFO"));
            assertTrue(service.awaitLog("heartbeat back", Duration.ofSeconds(120)), service.log());
            service.terminate();
            assertEquals(143, service.awaitExit(Duration.ofSeconds(30)), service.log());
        }
    }

    private static String get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
