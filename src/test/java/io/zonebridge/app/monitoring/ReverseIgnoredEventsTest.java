package io.zonebridge.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import io.zonebridge.app.reverse.ReversePeers;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * The ignored-events MBean counts the reverse-DNS job's ignored events by reason: a CloudTrail event of a change
 * without A/AAAA records (a TXT record) arrives through EventBridge and SQS, and shows as
 * {@code reverse.no_address_records} in JMX, beside the NOTIFY reasons.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", useJmx = true, properties = {
        "zonebridge.config=target/reverse-ignored-test/zonebridge.yaml", "zonebridge.reverse.debounce=300",
        "zonebridge.apply.debounceCheck=50"})
class ReverseIgnoredEventsTest {

    private static ReversePeers peers;

    @BeforeAll
    static void startPeers() throws Exception {
        peers = new ReversePeers(0, 1000);
        peers.writeConfig(Path.of("target/reverse-ignored-test/zonebridge.yaml"), "");
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void aChangeWithoutAddressRecordsIsCountedByReason() throws Exception {
        ObjectName name = ZonebridgeMonitoring.name("Events", "ignored");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        assertEquals(0L, reasons(server, name).get("reverse.no_address_records"));
        peers.change(peers.forwardZoneId, ChangeAction.CREATE, "note.corp.example.", RRType.TXT, "\"hello\"");
        Eventually.assertWithin(Duration.ofSeconds(30), () -> reasons(server, name).get("reverse.no_address_records") == 1L,
                () -> "ignored by reason: " + reasons(server, name));
        assertTrue(reasons(server, name).containsKey("notify.refused"), "NOTIFY reasons stay");
        assertTrue((Long) server.getAttribute(name, "Ignored") >= 1L);
    }

    private static Map<String, Long> reasons(MBeanServer server, ObjectName name) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Long> byReason = (Map<String, Long>) server.getAttribute(name, "IgnoredByReason");
            return byReason;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
