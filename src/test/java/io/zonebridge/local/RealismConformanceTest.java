package io.zonebridge.local;

import io.zonebridge.app.Eventually;
import java.time.Duration;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.PriorRequestNotCompleteException;
import software.amazon.awssdk.services.route53.model.VPCRegion;

import java.net.URI;
import java.util.List;

import static io.zonebridge.local.Route53Fixture.assertAwsError;
import static io.zonebridge.local.Route53Fixture.create;
import static io.zonebridge.local.Route53Fixture.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Throttling, PriorRequestNotComplete, per-account state and counters (route53-api.md §8), via the SDK. */
class RealismConformanceTest {

    @Test
    void overTheRateLimitIsThrottling400RateExceeded() {
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withRequestsPerSecond(2));
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "AKIATHROTTLED")) {
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> {
                for (int i = 0; i < 10; i++) {
                    r53.listHostedZones();
                }
            });
            assertEquals("Throttling", e.awsErrorDetails().errorCode());
            assertEquals("Rate exceeded", e.awsErrorDetails().errorMessage());
            assertEquals(400, e.statusCode());
            assertTrue(e.isThrottlingException());
            assertEquals(1, server.counters().throttles());
        } finally {
            server.stop();
        }
    }

    @Test
    void sdkDefaultRetriesRideOutThrottling() {
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withRequestsPerSecond(3));
        server.start(0);
        try (Route53Client r53 = Route53Client.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.AWS_GLOBAL).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIARETRY", "s")))
                .build()) {
            for (int i = 0; i < 8; i++) {
                r53.listHostedZones();
            }
            assertTrue(server.counters().throttles() > 0, "the limiter should have answered Throttling");
            assertEquals(8 + server.counters().throttles(), server.counters().requests("ListHostedZones"));
        } finally {
            server.stop();
        }
    }

    @Test
    void rateLimitIsPerAccount() {
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withRequestsPerSecond(3));
        server.start(0);
        try (Route53Client a = Route53Fixture.client(server, "AKIAFIRSTACCOUNT");
             Route53Client b = Route53Fixture.client(server, "AKIASECONDACCOUNT")) {
            for (int i = 0; i < 3; i++) {
                a.listHostedZones();
                b.listHostedZones();
            }
            assertEquals(0, server.counters().throttles());
        } finally {
            server.stop();
        }
    }

    @Test
    void changeWhilePreviousChangeOfZoneIsPendingIsPriorRequestNotComplete() throws InterruptedException {
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withPendingMillis(800)
                .withPriorRequestNotComplete(true));
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "AKIAPRIOR")) {
            var zone = r53.createHostedZone(b -> b.name("prior.example.org").callerReference("prior"));
            String id = zone.hostedZone().id();
            awaitInsync(r53, zone.changeInfo().id());
            String first = create(r53, id, set("a.prior.example.org", "A", 60, "192.0.2.1")).changeInfo().id();
            PriorRequestNotCompleteException e = assertThrows(PriorRequestNotCompleteException.class,
                    () -> create(r53, id, set("b.prior.example.org", "A", 60, "192.0.2.2")));
            assertEquals("The request was rejected because Route 53 was still processing a prior request.",
                    e.awsErrorDetails().errorMessage());
            assertEquals(400, e.statusCode());
            assertEquals(1, server.counters().priorRequestNotCompleteErrors());
            awaitInsync(r53, first);
            create(r53, id, set("b.prior.example.org", "A", 60, "192.0.2.2"));
        } finally {
            server.stop();
        }
    }

    @Test
    void accountsAreIsolatedByAccessKey() {
        LocalAwsServer server = new LocalAwsServer();
        server.start(0);
        try (Route53Client a = Route53Fixture.client(server, "AKIAACCOUNTAAAA");
             Route53Client b = Route53Fixture.client(server, "AKIAACCOUNTBBBB")) {
            String id = Route53Fixture.publicZone(a, "mine.example.org");
            assertAwsError(404, "NoSuchHostedZone", "No hosted zone found with ID: " + id,
                    () -> b.getHostedZone(r -> r.id(id)));
            assertTrue(b.listHostedZones().hostedZones().isEmpty());
            assertEquals(List.of("mine.example.org."), a.listHostedZones().hostedZones().stream()
                    .map(HostedZone::name).toList());
        } finally {
            server.stop();
        }
    }

    @Test
    void twelveDigitAccessKeyIsThatAccount() {
        LocalAwsServer server = new LocalAwsServer();
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "123456789012")) {
            Route53Fixture.privateZone(r53, "acct.internal", "vpc-0123");
            assertEquals("123456789012", r53.listHostedZonesByVPC(b -> b.vpcId("vpc-0123")
                    .vpcRegion(VPCRegion.US_EAST_1)).hostedZoneSummaries().get(0).owner().owningAccount());
        } finally {
            server.stop();
        }
    }

    @Test
    void countersCountRequestsByOperation() {
        LocalAwsServer server = new LocalAwsServer();
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "AKIACOUNT")) {
            String id = Route53Fixture.publicZone(r53, "count.example.org");
            r53.getHostedZone(b -> b.id(id));
            r53.getHostedZone(b -> b.id(id));
            assertEquals(1, server.counters().requests("CreateHostedZone"));
            assertEquals(2, server.counters().requests("GetHostedZone"));
            assertEquals(0, server.counters().requests("ListHostedZones"));
        } finally {
            server.stop();
        }
    }

    @Test
    void countersKeepWhenEachRequestArrived() throws InterruptedException {
        LocalAwsServer server = new LocalAwsServer();
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "AKIAARRIVE")) {
            String id = Route53Fixture.publicZone(r53, "arrive.example.org");
            long before = System.nanoTime();
            r53.getHostedZone(b -> b.id(id));
            long between = System.nanoTime();
            r53.getHostedZone(b -> b.id(id));
            long after = System.nanoTime();
            long first = server.counters().arrivedAt("GetHostedZone", 1).orElseThrow();
            long second = server.counters().arrivedAt("GetHostedZone", 2).orElseThrow();
            assertTrue(before <= first && first <= between, "the first arrived during the first call");
            assertTrue(between <= second && second <= after, "the second arrived during the second call");
            assertTrue(server.counters().arrivedAt("GetHostedZone", 3).isEmpty(), "no third request yet");
            assertTrue(server.counters().arrivedAt("ListHostedZones", 1).isEmpty(), "no such request");
            assertTrue(server.counters().awaitRequests("GetHostedZone", 2, Duration.ofSeconds(5)), "both arrived");
            assertFalse(server.counters().awaitRequests("GetHostedZone", 3, Duration.ofMillis(50)), "no third");
        } finally {
            server.stop();
        }
    }

    /** Waits until Route 53 reports the change INSYNC. */
    private static void awaitInsync(Route53Client r53, String changeId) throws InterruptedException {
        Eventually.assertWithin(Duration.ofSeconds(10), () -> r53.getChange(b -> b.id(changeId)).changeInfo().status()
                == ChangeStatus.INSYNC, () -> "change " + changeId + " INSYNC");
    }
}
