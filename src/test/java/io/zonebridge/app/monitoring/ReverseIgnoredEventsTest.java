package io.zonebridge.app.monitoring;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
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
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
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
 * {@code reverse.no_address_records} in JMX, beside the NOTIFY reasons; a message that is not JSON counts as
 * rejected ({@code zonebridge_events_rejected{reason="reverse.invalid-json"}}).
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", useJmx = true, properties = {
        "zonebridge.config=target/reverse-ignored-test/zonebridge.yaml", "zonebridge.reverse.debounce=300",
        "zonebridge.apply.debounceCheck=50"})
class ReverseIgnoredEventsTest {

    private static ReversePeers peers;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void startPeers(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        peers = new ReversePeers(sqs, dynamo, 0, 1000, null);
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

    @Test
    void anUnusableMessageIsCountedAsRejectedByReasonInTheMetrics() throws Exception {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(ZonebridgeMonitoring.METER_REGISTRY,
                MeterRegistry.class);
        FunctionCounter invalidJson = registry.find("zonebridge.events.rejected").tag("reason", "reverse.invalid-json")
                .functionCounter();
        assertEquals(0.0, invalidJson.count());
        assertEquals(0.0, registry.find("zonebridge.events.rejected").tag("reason", "reverse.invalid-value")
                .functionCounter().count());
        peers.send(peers.queue, "{not json");
        Eventually.assertWithin(Duration.ofSeconds(30), () -> invalidJson.count() == 1.0,
                () -> "zonebridge_events_rejected{reason=reverse.invalid-json} " + invalidJson.count());
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
