package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.zonebridge.app.Eventually.assertEqualsWithin;
import static io.zonebridge.app.Eventually.assertWithin;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Type;

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
 * Routes from a directory given by ZONEBRIDGE_CONFIG_ROUTES_DIR (a mounted volume in a container): a route file edited
 * while the service runs is reloaded, and zonebridge's meters survive the reload. A file broken while zones sync is
 * not loaded: an ERROR names file and line, readiness goes DOWN naming it, the routes it held keep running so no
 * zone change is lost, and the fixed file is loaded.
 */
class RouteReloadTest {

    @TempDir
    Path dir;

    @Test
    void anEditedRouteFileIsReloadedWhileRunning() throws Exception {
        Path routes = copyOfTheShippedRoutes();
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.freePorts());
        env.put("ZONEBRIDGE_CONFIG_ROUTES_DIR", routes.toString());
        try (ServiceProcess service = ServiceProcess.start(env, dir.resolve("service.log"))) {
            assertTrue(service.awaitLog("(zonebridge) started in", Duration.ofSeconds(90)), service.log());
            URI metrics = URI.create("http://127.0.0.1:" + env.get("CAMEL_MANAGEMENT_PORT") + "/observe/metrics");
            assertTrue(get(metrics).contains("zonebridge_route53_throttles"), "zonebridge meters at start");
            Path heartbeat = routes.resolve("heartbeat.camel.yaml");
            String shipped = Files.readString(heartbeat);
            Files.writeString(heartbeat, shipped.replace("message: \"zonebridge is running\"",
                    "message: \"heartbeat from the edited file\"").replace("loggingLevel: DEBUG", "loggingLevel: INFO")
                    .replace("period: \"{{zonebridge.heartbeat.period}}\"", "period: \"300\""));
            assertTrue(service.awaitLog("heartbeat from the edited file", Duration.ofSeconds(60)), service.log());

            assertTrue(get(metrics).contains("zonebridge_route53_throttles"), "zonebridge meters after a reload");

            service.terminate();
            assertEquals(143, service.awaitExit(Duration.ofSeconds(30)), service.log());
        }
    }

    @Test
    void aBrokenRouteFileKeepsItsRoutesRunningAndNoZoneChangeIsLost() throws Exception {
        Path routes = copyOfTheShippedRoutes();
        Path zone = dir.resolve("example.internal.zone");
        String sample = Files.readString(Path.of("config/zones/example.internal.zone"));
        Files.writeString(zone, sample);
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.freePorts());
        env.put("ZONEBRIDGE_CONFIG_ROUTES_DIR", routes.toString());
        env.put("ZONEBRIDGE_CONFIG_SECONDARY_ZONES", "[{name: example.internal, zoneFile: '" + zone
                + "', hostedZone: {private: true, vpc: vpc-0abc}}]");
        int dns = Integer.parseInt(env.get("ZONEBRIDGE_CONFIG_ROUTE53_EMBEDDED_DNS_PORT"));
        URI ready = URI.create("http://127.0.0.1:" + env.get("CAMEL_MANAGEMENT_PORT") + "/observe/health/ready");
        try (ServiceProcess service = ServiceProcess.start(env, dir.resolve("service.log"))) {
            try {
                breakAndFixWhileSyncing(service, routes, zone, sample, dns, ready);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nservice log:\n" + service.log(), e);
            }
        }
    }

    private static void breakAndFixWhileSyncing(ServiceProcess service, Path routes, Path zone, String sample, int dns,
                                                URI ready) throws Exception {
        {
            assertTrue(service.awaitLog("zonebridge started", Duration.ofSeconds(90)), service.log());
            assertEqualsWithin(Duration.ofSeconds(60), () -> List.of("10.0.1.25"), () -> www(dns), "first sync");

            Path apply = routes.resolve("zone-apply.camel.yaml");
            String good = Files.readString(apply);
            Matcher bean = Pattern.compile("ref: (\\w+)").matcher(good);
            assertTrue(bean.find(), "zone-apply calls a bean: " + good);
            Files.writeString(apply, good.replaceFirst("ref: \\w+", "ref: " + bean.group(1) + "Typo"));
            assertTrue(service.awaitLog("zone-apply.camel.yaml not reloaded", Duration.ofSeconds(60)), service.log());
            String error = service.log().lines().filter(l -> l.contains("not reloaded")).findFirst().orElseThrow();
            assertTrue(error.contains("ERROR") && error.matches(".*zone-apply\\.camel\\.yaml:\\d+: .*"), error);
            assertTrue(error.contains(bean.group(1) + "Typo"), error);
            assertWithin(Duration.ofSeconds(10), () -> status(ready) == 503, () -> "readiness DOWN");
            assertTrue(get(ready).contains("zone-apply.camel.yaml"), get(ready));

            Files.writeString(zone, sample.replace("2026112301 ; serial", "2026112302 ; serial")
                    .replace("www     IN A    10.0.1.25", "www     IN A    10.0.1.99"));
            assertEqualsWithin(Duration.ofSeconds(60), () -> List.of("10.0.1.99"), () -> www(dns),
                    "a change made while the route file is broken");

            Files.writeString(apply, good);
            assertTrue(service.awaitLog("its routes run from the fixed file", Duration.ofSeconds(60)), service.log());
            assertWithin(Duration.ofSeconds(10), () -> status(ready) == 200, () -> "readiness UP: " + get(ready));
            Files.writeString(zone, sample.replace("2026112301 ; serial", "2026112303 ; serial")
                    .replace("www     IN A    10.0.1.25", "www     IN A    10.0.1.111"));
            assertEqualsWithin(Duration.ofSeconds(60), () -> List.of("10.0.1.111"), () -> www(dns),
                    "a change made after the fix");
        }
    }

    private Path copyOfTheShippedRoutes() throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        return routes;
    }

    private static List<String> www(int dnsPort) {
        return EmbeddedDns.answer(dnsPort, "www.example.internal.", Type.A);
    }

    private static int status(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String get(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
