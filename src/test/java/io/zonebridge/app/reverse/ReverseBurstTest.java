package io.zonebridge.app.reverse;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.reverse.ReverseSyncService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.route53.model.ChangeAction;

/**
 * A burst of 200 A-record creates (200 ChangeResourceRecordSets calls, 200 CloudTrail events through EventBridge
 * and SQS) becomes a few PTR change batches: the debounce window aggregates the work of the forward zone.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/reverse-burst-test/zonebridge.yaml",
        "zonebridge.reverse.debounce=2000", "zonebridge.apply.debounceCheck=100"})
class ReverseBurstTest {

    private static final int BURST = 200;
    private static ReversePeers peers;

    @BeanInject
    ReverseSyncService sync;

    @BeforeAll
    static void startPeers(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        peers = new ReversePeers(sqs, dynamo, 0, 1000, null);
        peers.writeConfig(Path.of("target/reverse-burst-test/zonebridge.yaml"), "");
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void aBurstOfCreatesBecomesFewChangeCalls() throws Exception {
        long before = peers.changeCalls();
        for (int i = 0; i < BURST; i++) {
            peers.changeA(ChangeAction.CREATE, "h" + i + ".corp.example.", "10.0." + (i / 100) + "." + (i % 100 + 1));
        }
        Eventually.assertWithin(Duration.ofSeconds(60), () -> peers.ptrs().size() == BURST,
                () -> "every PTR present: " + peers.ptrs().size() + " of " + BURST);
        Map<String, List<String>> ptrs = peers.ptrs();
        assertEquals(List.of("h0.corp.example."), ptrs.get("1.0.0.10.in-addr.arpa."));
        assertEquals(List.of("h199.corp.example."), ptrs.get("100.1.0.10.in-addr.arpa."));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.pending(peers.queue) == 0, () -> "all deleted");
        long zonebridgeCalls = peers.changeCalls() - before - BURST;
        System.out.printf("burst of %d creates: %d ChangeResourceRecordSets calls by zonebridge in %d sync run(s)%n",
                BURST, zonebridgeCalls, sync.runs());
        assertTrue(zonebridgeCalls >= 1 && zonebridgeCalls <= 5, "few change calls: " + zonebridgeCalls);
    }
}
