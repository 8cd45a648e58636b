package io.zonebridge.app.monitoring;

import io.zonebridge.app.Eventually;
import io.zonebridge.route53.HostedZoneRef;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * DOWN when the zone fails for longer than the (1 s) limit and UP again when it recovers. One service for the
 * class; before each test the zone is put back in step with the sample zone file, so no test depends on another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
    private static final Pattern SERIAL = Pattern.compile("(\\d+) ; serial");
    private static final String[] FIRST_SYNC = {"LastResult", "Serial", "ZoneName", "Creates", "Deletes",
            "PendingChanges", "LastSuccessTime", "LastSyncTime", "LastError", "Paused"};
    private static final Map<String, String> previous = new java.util.HashMap<>();

    /** Micrometer's log: a meter registered twice, or one name with two tag sets, is a WARN there. */
    private static final ListAppender<ILoggingEvent> MICROMETER = new ListAppender<>();

    private static int managementPort;
    private static int jmxPort;
    private static int notifyPort;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeanInject
    ZonebridgeRuntime runtime;

    /** The zone's MBean attributes right after the service's first sync, taken before any test changes the zone. */
    private Map<String, Object> firstSync;

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
        for (String property : SYSTEM_PROPERTIES) {
            previous.put(property, System.getProperty(property));
        }
        System.setProperty("camel.management.port", Integer.toString(managementPort));
    }

    /** Puts back what the build set (each test JVM has a management port of its own) or clears the property. */
    @AfterAll
    static void restorePorts() {
        ((Logger) LoggerFactory.getLogger("io.micrometer")).detachAppender(MICROMETER);
        for (String property : SYSTEM_PROPERTIES) {
            if (previous.get(property) == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous.get(property));
            }
        }
    }

    /**
     * Records the first sync (once, before the first test), then puts the zone back in step with the sample zone
     * file: resumed, the sample's records under a serial above the last one, synced.
     */
    @BeforeEach
    void zoneInStepWithTheSampleFile() throws Exception {
        if (firstSync == null) {
            waitFor(Duration.ofSeconds(20), () -> "APPLIED".equals(attribute(ZONE, "LastResult")),
                    "first sync APPLIED");
            Map<String, Object> first = new java.util.LinkedHashMap<>();
            for (String name : FIRST_SYNC) {
                first.put(name, attribute(ZONE, name));
            }
            firstSync = first;
        }
        server.invoke(ZONE, "resume", null, null);
        String sample = Files.readString(Path.of("config/zones/example.internal.zone"));
        long serial = fileSerial();
        if (!Files.readString(ZONE_FILE).equals(sample.replace("2026112301 ; serial", serial + " ; serial"))) {
            long next = serial + 1;
            writeZoneFile(sample.replace("2026112301 ; serial", next + " ; serial"));
            waitFor(Duration.ofSeconds(10), () -> Long.valueOf(next).equals(attribute(ZONE, "Serial"))
                    && List.of("APPLIED", "IN_STEP", "UP_TO_DATE").contains(attribute(ZONE, "LastResult")),
                    "the sample zone synced again under serial " + next);
        }
    }

    @Test
    void zoneAccountAndEventMBeansAfterTheFirstSync() throws Exception {
        assertEquals(2026112301L, firstSync.get("Serial"));
        assertEquals("example.internal.", firstSync.get("ZoneName"));
        assertTrue((Long) firstSync.get("Creates") >= 10, "the sample zone's record sets created");
        assertEquals(0L, firstSync.get("Deletes"));
        assertEquals(0L, firstSync.get("PendingChanges"));
        assertFalse(((String) firstSync.get("LastSuccessTime")).isEmpty());
        assertEquals(firstSync.get("LastSyncTime"), firstSync.get("LastSuccessTime"));
        assertEquals("", firstSync.get("LastError"));
        assertEquals(false, firstSync.get("Paused"));

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
    void remoteJmxRefusesAWrongPasswordAndServesTheZoneAndSyncNow() throws Exception {
        long serial = fileSerial();
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url, credentials("ops", "wrong")));
        try (JMXConnector viewer = JMXConnectorFactory.connect(url, credentials("viewer", "look"))) {
            assertEquals(serial, viewer.getMBeanServerConnection().getAttribute(ZONE, "Serial"));
            assertThrows(SecurityException.class, () -> viewer.getMBeanServerConnection().invoke(ZONE, "pause",
                    null, null), "readonly user cannot pause");
        }
        try (JMXConnector ops = JMXConnectorFactory.connect(url, credentials("ops", "s3cret"))) {
            MBeanServerConnection remote = ops.getMBeanServerConnection();
            assertEquals(attribute(ZONE, "LastResult"), remote.getAttribute(ZONE, "LastResult"));
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
            long drift = (Long) attribute(ZONE, "DriftFound");
            remote.invoke(ZONE, "verifyNow", null, null);
            waitFor(Duration.ofSeconds(10), () -> Long.valueOf(drift + 1).equals(attribute(ZONE, "DriftFound")),
                    "verifyNow found the hand edit although the serial did not move");
            waitFor(Duration.ofSeconds(10), () -> "APPLIED".equals(attribute(ZONE, "LastResult")), "and repaired it");
            assertEquals(List.of("10.0.1.25"), runtime.connection().gateway()
                    .readName(hosted, "www.example.internal.").get(0).values());
        }
    }

    @Test
    void pausedZoneIsSkippedUntilResumed() throws Exception {
        long serial = fileSerial();
        server.invoke(ZONE, "pause", null, null);
        assertEquals(true, attribute(ZONE, "Paused"));
        editZone("www     IN A    10.0.1.25", "www     IN A    10.0.1.77");
        waitFor(Duration.ofSeconds(10), () -> "PAUSED".equals(attribute(ZONE, "LastResult")),
                "the file change skipped while paused");
        Object skipped = attribute(ZONE, "LastSyncTime");
        server.invoke(ZONE, "syncNow", null, null);
        waitFor(Duration.ofSeconds(10), () -> !skipped.equals(attribute(ZONE, "LastSyncTime")),
                "the sync asked for ran");
        assertEquals("PAUSED", attribute(ZONE, "LastResult"));
        assertEquals(serial, attribute(ZONE, "Serial"), "nothing read while paused");

        server.invoke(ZONE, "resume", null, null);
        assertEquals(false, attribute(ZONE, "Paused"));
        server.invoke(ZONE, "syncNow", null, null);
        waitFor(Duration.ofSeconds(10), () -> "APPLIED".equals(attribute(ZONE, "LastResult"))
                && Long.valueOf(serial + 1).equals(attribute(ZONE, "Serial")), "applied after resume");
        assertEquals(serial + 1, attribute(ZONE, "Serial"));
        assertEquals(1L, attribute(ZONE, "Updates"));
        assertEquals(0L, attribute(ZONE, "Creates"));
    }

    @Test
    void prometheusTextCarriesTheZonebridgeFigures() throws Exception {
        editZone("www     IN A    10.0.1.25", "www     IN A    10.0.1.88");
        waitFor(Duration.ofSeconds(10), () -> "APPLIED".equals(attribute(ZONE, "LastResult"))
                && Long.valueOf(1).equals(attribute(ZONE, "Updates")), "the edited record applied");
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
        assertContainsLine(text, "zonebridge_zone_failures_total{", zoneTag,
                "} " + (double) (Long) attribute(ZONE, "Failures"));
        assertContainsLine(text, "zonebridge_zone_drift_total{", zoneTag,
                "} " + (double) (Long) attribute(ZONE, "DriftFound"));
        assertContainsLine(text, "zonebridge_zone_serial{", zoneTag, "} " + attribute(ZONE, "Serial"));
        List<String> warnings = MICROMETER.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), warnings, "no duplicate or conflicting meters after start, syncNow and a scrape");
    }

    @Test
    void healthGoesDownWhileTheZoneFailsLongerThanAllowedAndUpWhenItRecovers() throws Exception {
        HttpResponse<String> up = get("/observe/health");
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(up.body().contains("\"UP\""), up.body());

        String good = Files.readString(ZONE_FILE);
        long serial = fileSerial();
        editZone("www     IN A    10.0.1.25", "www     IN BOGUS 10.0.1.25");
        waitFor(Duration.ofSeconds(10), () -> "FAILED".equals(attribute(ZONE, "LastResult")), "the broken file fails");
        waitFor(Duration.ofSeconds(10), () -> get("/observe/health").statusCode() == 503, "health DOWN");
        HttpResponse<String> down = get("/observe/health?data=true");
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("\"DOWN\""), down.body());
        assertTrue(down.body().contains("example.internal.") && down.body().contains("Invalid type 'BOGUS'"),
                "names the zone and its error: " + down.body());
        assertNotEquals("", attribute(ZONE, "LastError"));

        writeZoneFile(good.replace(serial + " ; serial", (serial + 2) + " ; serial"));
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
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        }
    }

    /** Replaces text in the zone file and raises its serial by one. */
    private static void editZone(String... fromTo) throws Exception {
        String text = Files.readString(ZONE_FILE);
        long serial = fileSerial();
        text = text.replace(serial + " ; serial", (serial + 1) + " ; serial");
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(text.contains(fromTo[i]), "zone file contains " + fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        writeZoneFile(text);
    }

    /**
     * Replaces the zone file in one step (a rename), so the service's watcher, polling its time and size, sees one
     * change and never a half-written file: each edit is one sync run.
     */
    private static void writeZoneFile(String text) throws Exception {
        Path next = Files.writeString(DIR.resolve("example.internal.zone.next"), text);
        Files.move(next, ZONE_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long fileSerial() throws Exception {
        Matcher serial = SERIAL.matcher(Files.readString(ZONE_FILE));
        assertTrue(serial.find(), "the zone file has a serial line");
        return Long.parseLong(serial.group(1));
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

    /** Waits for {@code condition}; one that throws (an MBean not registered yet) is not met yet. */
    private static void waitFor(Duration limit, Supplier<Boolean> condition, String what) throws Exception {
        Eventually.assertWithin(limit, () -> {
            try {
                return condition.get();
            } catch (RuntimeException notYet) {
                return false;
            }
        }, () -> what);
    }
}
