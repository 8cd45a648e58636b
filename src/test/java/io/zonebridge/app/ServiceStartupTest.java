package io.zonebridge.app;

import static io.zonebridge.app.Eventually.assertEqualsWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.zonebridge.secondary.BindPrimary;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xbill.DNS.Type;

/**
 * The embedded quick start: the service starts from config/application.properties and the SHIPPED
 * config/zonebridge.yaml (only its ports moved to free ones and the sample zone file copied, so the test edits a
 * copy), runs the embedded Route 53, creates the private sample zone, syncs config/zones/example.internal.zone into
 * it and answers for it on the DNS port; an edit with a raised serial shows up within seconds. Also: the YAML routes
 * and the Camel MBeans are there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", useJmx = true,
        properties = {"zonebridge.config=target/quick-start-test/zonebridge.yaml",
                "zonebridge.fileWatch.period=200"})
class ServiceStartupTest {

    private static final Path DIR = Path.of("target/quick-start-test");

    @BeanInject
    CamelContext context;

    @BeanInject
    ZonebridgeRuntime runtime;

    @BeforeAll
    static void shippedConfigurationWithFreePorts() throws Exception {
        Files.createDirectories(DIR);
        Path zoneFile = DIR.resolve("example.internal.zone");
        Files.copy(Path.of("config/zones/example.internal.zone"), zoneFile,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String shipped = Files.readString(Path.of("config/zonebridge.yaml"));
        String config = replaceOnce(replaceOnce(replaceOnce(replaceOnce(shipped,
                "embeddedPort: 4566", "embeddedPort: 0"),
                "embeddedDnsPort: 15353", "embeddedDnsPort: " + BindPrimary.freePort()),
                "listen: 127.0.0.1:10053", "listen: 127.0.0.1:" + BindPrimary.freePort()),
                "zoneFile: config/zones/example.internal.zone", "zoneFile: " + zoneFile);
        Files.writeString(DIR.resolve("zonebridge.yaml"), config);
    }

    @Test
    void loadsYamlRoutesFromTheRoutesDirectory() {
        assertNotNull(context.getRoute("heartbeat"), "heartbeat route from routes/heartbeat.camel.yaml");
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("heartbeat"));
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("zone-apply"));
    }

    @Test
    void registersCamelMBeans() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);
        assertFalse(names.isEmpty(), "route MBeans registered over JMX");
    }

    @Test
    void embeddedRoute53ServesTheSampleZoneAndPicksUpEdits() throws Exception {
        int dnsPort = runtime.connection().embedded().orElseThrow().dnsPort();
        assertEqualsWithin(Duration.ofSeconds(20), () -> List.of("10.0.1.25"), () -> answer(dnsPort, "www.example.internal."),
                "www.example.internal answered by the embedded Route 53");
        assertEquals(List.of("0 100 389 ldap.example.internal."), answer(dnsPort, "_ldap._tcp.example.internal.", Type.SRV));
        Path zoneFile = DIR.resolve("example.internal.zone");
        Files.writeString(zoneFile, Files.readString(zoneFile)
                .replace("2026112301 ; serial", "2026112302 ; serial")
                .replace("www     IN A    10.0.1.25", "www     IN A    10.0.1.99"));
        assertEqualsWithin(Duration.ofSeconds(15), () -> List.of("10.0.1.99"), () -> answer(dnsPort, "www.example.internal."),
                "the edited record served within seconds");
    }

    private static List<String> answer(int port, String name) {
        return answer(port, name, Type.A);
    }

    private static List<String> answer(int port, String name, int type) {
        return EmbeddedDns.answer(port, name, type);
    }

    private static String replaceOnce(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("config/zonebridge.yaml no longer contains '" + from + "'");
        }
        return text.replace(from, to);
    }
}
