package io.zonebridge.app.monitoring;

import io.zonebridge.route53.HostedZoneRef;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.secondary.BindPrimary;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.camel.BeanInject;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The real service (shipped application.properties and zonebridge.yaml, ports moved to free ones, the sample zone
 * file copied) with its monitoring: the zonebridge MBeans after the embedded sample zone's first sync, remote JMX
 * over RMI with password and access files, pause/resume/syncNow, the Prometheus text and the health endpoint going
 * DOWN when the zone fails for longer than the (1 s) limit and UP again when it recovers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties",
        properties = {"zonebridge.config=target/monitoring-test/zonebridge.yaml", "zonebridge.fileWatch.period=200"})
class MonitoringServiceTest {

    private static final Path DIR = Path.of("target/monitoring-test");
    private static final Path ZONE_FILE = DIR.resolve("example.internal.zone");
    private static final String ZONE_KEY = "default/example.internal.:private:vpc-0abc1234def567890";
    private static final ObjectName ZONE = ZonebridgeMonitoring.name("Zone", ZONE_KEY);
    private static final ObjectName ACCOUNT = ZonebridgeMonitoring.name("Account", "default");
    private static final ObjectName IGNORED = ZonebridgeMonitoring.name("Events", "ignored");
    private static final String[] SYSTEM_PROPERTIES = {"camel.management.port"};

    /** Micrometer's log: a meter registered twice, or one name with two tag sets, is a WARN there. */
    private static final ListAppender<ILoggingEvent> MICROMETER = new ListAppender<>();

    private static int managementPort;
    private static int jmxPort;
    private static int notifyPort;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeanInject
    ZonebridgeRuntime runtime;

    @BeforeAll
    static void shippedConfigurationWithFreePortsAndJmxUsers() throws Exception {
        MICROMETER.start();
        ((Logger) LoggerFactory.getLogger("io.micrometer")).addAppender(MICROMETER);
        Files.createDirectories(DIR);
        Files.copy(Path.of("config/zones/example.internal.zone"), ZONE_FILE, StandardCopyOption.REPLACE_EXISTING);
        notifyPort = BindPrimary.freePort();
        jmxPort = BindPrimary.freePort();
        String config = Files.readString(Path.of("config/zonebridge.yaml"))
                .replace("embeddedPort: 4566", "embeddedPort: 0")
                .replace("embeddedDnsPort: 15353", "embeddedDnsPort: " + BindPrimary.freePort())
                .replace("listen: 127.0.0.1:10053", "listen: 127.0.0.1:" + notifyPort)
                .replace("zoneFile: config/zones/example.internal.zone", "zoneFile: " + ZONE_FILE)
                .replace("maxFailing: 15m", "maxFailing: 1s")
                .replace("  port: 0\n", "  port: " + jmxPort + "\n  passwordFile: " + DIR.resolve("jmx.password")
                        + "\n  accessFile: " + DIR.resolve("jmx.access") + "\n");
        assertTrue(config.contains("zoneFile: " + ZONE_FILE) && config.contains("maxFailing: 1s")
                && config.contains("port: " + jmxPort), "shipped zonebridge.yaml still has the sample zone, health, jmx");
        Files.writeString(DIR.resolve("zonebridge.yaml"), config);
        Files.writeString(DIR.resolve("jmx.password"), "ops s3cret\nviewer look\n");
        Files.writeString(DIR.resolve("jmx.access"), "ops readwrite\nviewer readonly\n");
        managementPort = BindPrimary.freePort();
        System.setProperty("camel.management.port", Integer.toString(managementPort));
    }

    @AfterAll
    static void clearPorts() {
        ((Logger) LoggerFactory.getLogger("io.micrometer")).detachAppender(MICROMETER);
        for (String property : SYSTEM_PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @Test
    @Order(1)
    void zoneAccountAndEventMBeansAfterTheFirstSync() throws Exception {
        waitFor(Duration.ofSeconds(20), () -> "APPLIED".equals(attribute(ZONE, "LastResult")), "first sync APPLIED");
        assertEquals(2026112301L, attribute(ZONE, "Serial"));
        assertEquals("example.internal.", attribute(ZONE, "ZoneName"));
        assertTrue((Long) attribute(ZONE, "Creates") >= 10, "the sample zone's record sets created");
        assertEquals(0L, attribute(ZONE, "Deletes"));
        assertEquals(0L, attribute(ZONE, "PendingChanges"));
        assertFalse(((String) attribute(ZONE, "LastSuccessTime")).isEmpty());
        assertEquals(attribute(ZONE, "LastSyncTime"), attribute(ZONE, "LastSuccessTime"));
        assertEquals("", attribute(ZONE, "LastError"));
        assertEquals(false, attribute(ZONE, "Paused"));

        assertTrue((Long) attribute(ACCOUNT, "ChangeResourceRecordSetsCalls") >= 1);
        assertTrue((Long) attribute(ACCOUNT, "ListResourceRecordSetsCalls") >= 1);
        @SuppressWarnings("unchecked")
        Map<String, Long> byOperation = (Map<String, Long>) attribute(ACCOUNT, "ApiCallsByOperation");
        assertEquals(attribute(ACCOUNT, "ChangeResourceRecordSetsCalls"), byOperation.get("ChangeResourceRecordSets"));
        assertEquals(byOperation.values().stream().mapToLong(Long::longValue).sum(), attribute(ACCOUNT, "ApiCalls"));
        assertEquals(0L, attribute(ACCOUNT, "ThrottlesMet"));

        long refused = (Long) attribute(IGNORED, "NotifyRefused");
        long malformed = (Long) attribute(IGNORED, "NotifyMalformed");
        sendNotify("not-served.example.");
        send(new byte[] {1, 2, 3});
        waitFor(Duration.ofSeconds(5), () -> (Long) attribute(IGNORED, "NotifyRefused") == refused + 1
                && (Long) attribute(IGNORED, "NotifyMalformed") == malformed + 1, "refused and malformed counted");
        @SuppressWarnings("unchecked")
        Map<String, Long> byReason = (Map<String, Long>) attribute(IGNORED, "IgnoredByReason");
        assertEquals(refused + 1, byReason.get("notify.refused"));
        assertFalse(byReason.containsKey("notify.accepted"), "accepted NOTIFYs are not ignored events");
    }

    @Test
    @Order(2)
    void remoteJmxRefusesAWrongPasswordAndServesTheZoneAndSyncNow() throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url, credentials("ops", "wrong")));
        try (JMXConnector viewer = JMXConnectorFactory.connect(url, credentials("viewer", "look"))) {
            assertEquals(2026112301L, viewer.getMBeanServerConnection().getAttribute(ZONE, "Serial"));
            assertThrows(SecurityException.class, () -> viewer.getMBeanServerConnection().invoke(ZONE, "pause",
                    null, null), "readonly user cannot pause");
        }
        try (JMXConnector ops = JMXConnectorFactory.connect(url, credentials("ops", "s3cret"))) {
            MBeanServerConnection remote = ops.getMBeanServerConnection();
            assertEquals("APPLIED", remote.getAttribute(ZONE, "LastResult"));
            assertTrue((Long) remote.getAttribute(ACCOUNT, "ApiCalls") > 0);
            Object before = remote.getAttribute(ZONE, "LastSyncTime");
            remote.invoke(ZONE, "syncNow", null, null);
            waitFor(Duration.ofSeconds(10), () -> !before.equals(attribute(ZONE, "LastSyncTime")),
                    "syncNow ran a sync");
            assertEquals("UP_TO_DATE", attribute(ZONE, "LastResult"), "serial unchanged: nothing to transfer");

            HostedZoneRef hosted = runtime.connection().gateway().listHostedZones().stream()
                    .filter(z -> z.name().equals("example.internal.")).findFirst().orElseThrow();
            runtime.connection().client().changeResourceRecordSets(r -> r.hostedZoneId(hosted.id())
                    .changeBatch(b -> b.changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(set -> set
                            .name("www.example.internal.").type(RRType.A).ttl(300L)
                            .resourceRecords(v -> v.value("10.9.9.9"))))));
            remote.invoke(ZONE, "verifyNow", null, null);
            waitFor(Duration.ofSeconds(10), () -> Long.valueOf(1).equals(attribute(ZONE, "DriftFound")),
                    "verifyNow found the hand edit although the serial did not move");
            waitFor(Duration.ofSeconds(10), () -> "APPLIED".equals(attribute(ZONE, "LastResult")), "and repaired it");
            assertEquals(List.of("10.0.1.25"), runtime.connection().gateway()
                    .readName(hosted, "www.example.internal.").get(0).values());
        }
    }

    @Test
    @Order(3)
    void pausedZoneIsSkippedUntilResumed() throws Exception {
        server.invoke(ZONE, "pause", null, null);
        assertEquals(true, attribute(ZONE, "Paused"));
        editZone("2026112301 ; serial", "2026112302 ; serial", "www     IN A    10.0.1.25", "www     IN A    10.0.1.77");
        waitFor(Duration.ofSeconds(10), () -> "PAUSED".equals(attribute(ZONE, "LastResult")),
                "the file change skipped while paused");
        server.invoke(ZONE, "syncNow", null, null);
        Thread.sleep(1000);
        assertEquals("PAUSED", attribute(ZONE, "LastResult"));
        assertEquals(2026112301L, attribute(ZONE, "Serial"), "nothing read while paused");

        server.invoke(ZONE, "resume", null, null);
        assertEquals(false, attribute(ZONE, "Paused"));
        server.invoke(ZONE, "syncNow", null, null);
        waitFor(Duration.ofSeconds(10), () -> "APPLIED".equals(attribute(ZONE, "LastResult")), "applied after resume");
        assertEquals(2026112302L, attribute(ZONE, "Serial"));
        assertEquals(1L, attribute(ZONE, "Updates"));
        assertEquals(0L, attribute(ZONE, "Creates"));
    }

    @Test
    @Order(4)
    void prometheusTextCarriesTheZonebridgeFigures() throws Exception {
        HttpResponse<String> metrics = get("/observe/metrics");
        assertEquals(200, metrics.statusCode());
        String text = metrics.body();
        String zoneTag = "zone=\"" + ZONE_KEY + "\"";
        assertContainsLine(text, "zonebridge_zone_last_success_age_seconds{", zoneTag);
        assertContainsLine(text, "zonebridge_zone_last_result{", "result=\"APPLIED\"", zoneTag, "} 1.0");
        assertContainsLine(text, "zonebridge_zone_last_changes{", "action=\"update\"", "} 1.0");
        assertContainsLine(text, "zonebridge_route53_requests_total{", "operation=\"ChangeResourceRecordSets\"",
                "} " + (double) (Long) attribute(ACCOUNT, "ChangeResourceRecordSetsCalls"));
        assertContainsLine(text, "zonebridge_route53_throttles_total{", "account=\"default\"", "} 0.0");
        assertContainsLine(text, "zonebridge_events_ignored_total{", "reason=\"notify.refused\"",
                "} " + (double) (Long) attribute(IGNORED, "NotifyRefused"));
        assertContainsLine(text, "zonebridge_zone_failures_total{", zoneTag, "} 0.0");
        assertContainsLine(text, "zonebridge_zone_drift_total{", zoneTag, "} 1.0");
        assertContainsLine(text, "zonebridge_zone_serial{", zoneTag, "} " + attribute(ZONE, "Serial"));
        List<String> warnings = MICROMETER.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), warnings, "no duplicate or conflicting meters after start, syncNow and a scrape");
    }

    @Test
    @Order(5)
    void healthGoesDownWhileTheZoneFailsLongerThanAllowedAndUpWhenItRecovers() throws Exception {
        HttpResponse<String> up = get("/observe/health");
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(up.body().contains("\"UP\""), up.body());

        String good = Files.readString(ZONE_FILE);
        editZone("2026112302 ; serial", "2026112303 ; serial", "www     IN A    10.0.1.77", "www     IN BOGUS 10.0.1.77");
        waitFor(Duration.ofSeconds(10), () -> "FAILED".equals(attribute(ZONE, "LastResult")), "the broken file fails");
        waitFor(Duration.ofSeconds(10), () -> get("/observe/health").statusCode() == 503, "health DOWN");
        HttpResponse<String> down = get("/observe/health?data=true");
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("\"DOWN\""), down.body());
        assertTrue(down.body().contains("example.internal.") && down.body().contains("Invalid type 'BOGUS'"),
                "names the zone and its error: " + down.body());
        assertNotEquals("", attribute(ZONE, "LastError"));

        Files.writeString(ZONE_FILE, good.replace("2026112302 ; serial", "2026112304 ; serial"));
        waitFor(Duration.ofSeconds(10), () -> "APPLIED".equals(attribute(ZONE, "LastResult"))
                || "IN_STEP".equals(attribute(ZONE, "LastResult")), "the repaired file syncs");
        waitFor(Duration.ofSeconds(5), () -> get("/observe/health").statusCode() == 200, "health UP again");
    }

    private Object attribute(ObjectName name, String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new IllegalStateException(name + " " + attribute + ": " + e, e);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        }
    }

    private static void editZone(String... fromTo) throws Exception {
        String text = Files.readString(ZONE_FILE);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(text.contains(fromTo[i]), "zone file contains " + fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        Files.writeString(ZONE_FILE, text);
    }

    private static Map<String, Object> credentials(String user, String password) {
        return Map.of(JMXConnector.CREDENTIALS, new String[] {user, password});
    }

    private static void sendNotify(String zone) throws Exception {
        Message notify = Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN));
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        send(notify.toWire());
    }

    private static void send(byte[] packet) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.send(new DatagramPacket(packet, packet.length, InetAddress.getByName("127.0.0.1"), notifyPort));
        }
    }

    private static void assertContainsLine(String text, String start, String... parts) {
        boolean found = text.lines().anyMatch(line -> {
            if (!line.startsWith(start)) {
                return false;
            }
            for (String part : parts) {
                if (!line.contains(part)) {
                    return false;
                }
            }
            return true;
        });
        assertTrue(found, "a line starting " + start + " with " + String.join(", ", parts) + " in:\n"
                + text.lines().filter(l -> l.startsWith("zonebridge")).reduce("", (a, b) -> a + b + "\n"));
    }

    private static void waitFor(Duration limit, Supplier<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (RuntimeException e) {
                // not there yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " (waited " + limit + ")");
    }
}
