package io.zonebridge.app.reverse;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.organization.OrganizationReconcileJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.zonebridge.app.Route53Connection;
import java.net.URI;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * The {@code reverse-reconcile} timer route ({@code reverse.reconcile.every}) with the local emulator's organisation:
 * a member account's record whose events never reach the queue gets its PTR from the timer's reconcile, and the
 * reconcile keeps running on its period, reading only the included accounts when {@code organization: false}; with
 * {@code autodefinedReverse: all} each run turns off the autodefined reverse rules of the forward zones' VPCs.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/reverse-timer-test/zonebridge.yaml", "zonebridge.reverse.reconcileDelay=0"})
class ReverseReconcileTimerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ReversePeers peers;
    private static String member;

    @BeanInject
    CamelContext context;

    @BeanInject
    OrganizationReconcileJob reconcile;

    @BeforeAll
    static void startPeers(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        peers = new ReversePeers(sqs, dynamo, 0, 20, null);
        peers.createOrganization();
        member = peers.createMemberAccount("listed");
        String other = peers.createMemberAccount("not-listed");
        for (String account : List.of(member, other)) {
            try (Route53Client client = peers.route53Of(account)) {
                String zone = ReversePeers.privateZone(client, account + ".example.");
                peers.change(client, zone, ChangeAction.CREATE, "host." + account + ".example.", RRType.A,
                        account.equals(member) ? "10.0.5.5" : "10.0.6.6");
            }
        }
        peers.writeConfig(Path.of("target/reverse-timer-test/zonebridge.yaml"), """
                  reconcile:
                    every: 1s
                    organization: false
                    include: ["%s"]
                    autodefinedReverse: all
                  createZones:
                    zones: [7.0.10.in-addr.arpa]
                    vpcs: ["%s@us-east-1"]
                """.formatted(member, ReversePeers.VPC));
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void theTimerReconcilesTheIncludedAccountsOnItsPeriod() throws Exception {
        assertTrue(context.getRouteController().getRouteStatus("reverse-reconcile").isStarted());
        Eventually.assertWithin(WAIT, () -> List.of("host." + member + ".example.")
                .equals(peers.ptrs().get("5.5.0.10.in-addr.arpa.")), () -> "PTR from the timer: " + peers.ptrs());
        Eventually.assertWithin(WAIT, () -> reconcile.runs() >= 3, () -> "runs so far: " + reconcile.runs());
        assertEquals(2, reconcile.lastReport().orElseThrow().accountsRead(), "network account and the listed one");
        assertEquals(null, peers.ptrs().get("6.6.0.10.in-addr.arpa."), "an account not included is not read");
        assertEquals(0, peers.pending(peers.queue));
    }

    @Test
    void beforeEachRunAMissingConfiguredReverseZoneIsCreatedPrivateInTheVpcs() throws Exception {
        Eventually.assertWithin(WAIT, () -> peers.route53.listHostedZones().hostedZones().stream()
                .anyMatch(z -> z.name().equals("7.0.10.in-addr.arpa.")), () -> "zone 7.0.10.in-addr.arpa. created");
        var zone = peers.route53.listHostedZones().hostedZones().stream()
                .filter(z -> z.name().equals("7.0.10.in-addr.arpa.")).toList();
        assertEquals(1, zone.size(), "created once, however many runs: " + zone);
        var created = peers.route53.getHostedZone(r -> r.id(zone.get(0).id()));
        assertTrue(created.hostedZone().config().privateZone());
        assertEquals(List.of(ReversePeers.VPC), created.vpCs().stream().map(v -> v.vpcId()).toList());
    }

    @Test
    void afterEachRunTheAutodefinedReverseRulesOfTheForwardZonesVpcsAreTurnedOff() throws Exception {
        try (Route53ResolverClient resolver = Route53ResolverClient.builder()
                .endpointOverride(URI.create(peers.server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(Route53Connection.localCredentials()).httpClientBuilder(ApacheHttpClient.builder())
                .build()) {
            Eventually.assertWithin(WAIT, () -> resolver.getResolverConfig(r -> r.resourceId(ReversePeers.VPC))
                    .resolverConfig().autodefinedReverse().toString().equals("DISABLED"),
                    () -> "autodefined reverse of " + ReversePeers.VPC + " (the network account's forward zone's VPC)");
        }
    }
}
