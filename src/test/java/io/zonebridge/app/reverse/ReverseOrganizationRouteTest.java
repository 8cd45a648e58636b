package io.zonebridge.app.reverse;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.organization.OrganizationReconcileJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * The reverse routes with an organisation in the local emulator (Organizations, STS, per-account Route 53 and
 * EventBridge) and ElasticMQ: a member account's A record change, forwarded by the member's rule to the network
 * account's bus, is read from the member's zone through an assumed role and becomes a PTR in the network account;
 * an EventBridge "Scheduled Event" message on the queue runs the organisation reconcile, and is deleted only once
 * the reconcile ran (with Route 53 down it stays queued, and is handled when Route 53 is back).
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/reverse-organization-test/zonebridge.yaml",
        "zonebridge.reverse.debounce=300", "zonebridge.apply.debounceCheck=50",
        "zonebridge.reverse.visibilityTimeout=2"})
class ReverseOrganizationRouteTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DIR = Path.of("target/reverse-organization-test");
    private static ReversePeers peers;
    private static String forwarding;
    private static String silent;

    @BeanInject
    CamelContext context;

    @BeanInject
    OrganizationReconcileJob reconcile;

    @BeforeAll
    static void startPeers(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        Files.createDirectories(DIR);
        Files.deleteIfExists(DIR.resolve("emulator-state.json"));
        peers = new ReversePeers(sqs, dynamo, 0, 20, DIR.resolve("emulator-state.json"));
        peers.createOrganization();
        forwarding = peers.createMemberAccount("forwarding");
        silent = peers.createMemberAccount("silent");
        peers.forwardEventsOf(forwarding);
        peers.writeConfig(DIR.resolve("zonebridge.yaml"), "  memberRole: { name: zonebridge-reader }\n");
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void theScheduledRouteRunsAndNoTimerWithoutReconcileEvery() {
        assertTrue(context.getRouteController().getRouteStatus("reverse-scheduled").isStarted());
        assertNull(context.getRoute("reverse-reconcile"), "no timer route without reverse.reconcile.every");
    }

    @Test
    void aMemberAccountChangeIsReadInTheMemberAccountAndItsPtrWrittenInTheNetworkAccount() throws Exception {
        try (Route53Client member = peers.route53Of(forwarding)) {
            String zone = ReversePeers.privateZone(member, "member.example.");
            peers.change(member, zone, ChangeAction.CREATE, "app.member.example.", RRType.A, "10.0.7.7");
        }
        Eventually.assertWithin(WAIT, () -> List.of("app.member.example.").equals(peers.ptrs().get("7.7.0.10.in-addr.arpa.")),
                () -> "PTR of the member's record in the network account's zone: " + peers.ptrs());
        // the service's own credentials are the network account's: the member's zone is read through a role it
        // assumed (here or, when a reconcile ran first, there; the service keeps the session)
        assertTrue(peers.server.counters().requests("AssumeRole") > 0, "read through an assumed role");
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "the event's message deleted");
    }

    @Test
    void aScheduledEventReconcilesTheOrganizationAndIsDeletedAfterwards() throws Exception {
        try (Route53Client member = peers.route53Of(forwarding)) {
            String zone = ReversePeers.privateZone(member, "kept.member.example.");
            peers.change(member, zone, ChangeAction.CREATE, "kept.member.example.", RRType.A, "10.0.7.8");
        }
        Eventually.assertWithin(WAIT, () -> List.of("kept.member.example.").equals(peers.ptrs().get("8.7.0.10.in-addr.arpa.")),
                () -> "the forwarding member's PTR, through its event: " + peers.ptrs());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "its event's message deleted");
        try (Route53Client member = peers.route53Of(silent)) {
            String zone = ReversePeers.privateZone(member, "silent.example.");
            peers.change(member, zone, ChangeAction.CREATE, "db.silent.example.", RRType.A, "10.0.8.8");
        }
        // no rule forwards the silent account's events: once the emulator delivered all it had, nothing is queued
        assertTrue(peers.server.awaitEventsDelivered(10_000), "the emulator's events delivered");
        assertEquals(0, peers.pending(peers.queue), "nothing queued for the silent account's change");
        assertNull(peers.ptrs().get("8.8.0.10.in-addr.arpa."));
        long runs = reconcile.runs();

        peers.send(peers.queue, Files.readString(Path.of("src/test/resources/aws-events/events/scheduled_event.json")));

        Eventually.assertWithin(WAIT, () -> List.of("db.silent.example.").equals(peers.ptrs().get("8.8.0.10.in-addr.arpa.")),
                () -> "the reconcile wrote the silent account's PTR: " + peers.ptrs());
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "scheduled message deleted");
        assertEquals(runs + 1, reconcile.runs());
        assertEquals(3, reconcile.lastReport().orElseThrow().accountsRead(), "network account and two members");
        assertEquals(List.of("kept.member.example."), peers.ptrs().get("8.7.0.10.in-addr.arpa."), "kept by the reconcile");
    }

    @Test
    void aScheduledEventStaysQueuedWhileRoute53IsDownAndRunsWhenItIsBack() throws Exception {
        long runs = reconcile.runs();
        peers.stopRoute53();
        NotifyBuilder receivedTwice = new NotifyBuilder(context).fromRoute("reverse-ingest").whenDone(2).create();
        peers.send(peers.queue, Files.readString(Path.of("src/test/resources/aws-events/events/scheduled_event.json")));
        // received at least twice (visibility timeout 2 s), each time the reconcile fails
        assertTrue(receivedTwice.matches(30, TimeUnit.SECONDS), "the scheduled message was received again");
        assertEquals(1, peers.pending(peers.queue), "the message is still queued");
        assertEquals(runs, reconcile.runs());

        peers.startRoute53Again();
        Eventually.assertWithin(WAIT, () -> reconcile.runs() == runs + 1, () -> "reconcile ran once Route 53 is back");
        Eventually.assertWithin(WAIT, () -> peers.pending(peers.queue) == 0, () -> "then the message is deleted");
    }
}
