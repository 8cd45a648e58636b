package io.zonebridge.app.reverse;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.reverse.ReverseSyncService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.route53.model.ChangeAction;

/**
 * Route 53 failing during a sync run deletes no message: SQS shows it again after the visibility timeout, and once
 * Route 53 answers again the PTR appears and the message is deleted.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/reverse-redelivery-test/zonebridge.yaml",
        "zonebridge.reverse.debounce=1500", "zonebridge.apply.debounceCheck=50",
        "zonebridge.reverse.visibilityTimeout=3"})
class ReverseRedeliveryTest {

    private static final Path DIR = Path.of("target/reverse-redelivery-test");
    private static ReversePeers peers;

    @BeanInject
    ReverseSyncService sync;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void startPeers(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        Files.createDirectories(DIR);
        Files.deleteIfExists(DIR.resolve("emulator-state.json"));
        peers = new ReversePeers(sqs, dynamo, 0, 1000, DIR.resolve("emulator-state.json"));
        peers.writeConfig(DIR.resolve("zonebridge.yaml"), "");
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void aRoute53FailureLeavesTheMessageForRedelivery() throws Exception {
        NotifyBuilder receivedTwice = new NotifyBuilder(context).fromRoute("reverse-ingest").whenDone(2).create();
        peers.changeA(ChangeAction.CREATE, "late.corp.example.", "10.0.7.7");
        assertEquals(1, peers.take(peers.tapQueue, 1, 10).size(), "the event was delivered");
        peers.stopRoute53();
        try {
            // debounce, failing run, visibility timeout: received again, so the failing run deleted nothing
            assertTrue(receivedTwice.matches(30, TimeUnit.SECONDS), "the message was received again");
            assertTrue(peers.pending(peers.queue) >= 1, "the message was not deleted");
            assertEquals(0, sync.runs(), "no completed run while Route 53 is down");
        } finally {
            peers.startRoute53Again();
        }
        Eventually.assertWithin(Duration.ofSeconds(30), () -> List.of("late.corp.example.")
                .equals(peers.ptrs().get("7.7.0.10.in-addr.arpa.")), () -> "PTR after redelivery: " + peers.ptrs());
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.pending(peers.queue) == 0, () -> "deleted once applied");
        assertFalse(sync.lastReport().isEmpty());
    }
}
