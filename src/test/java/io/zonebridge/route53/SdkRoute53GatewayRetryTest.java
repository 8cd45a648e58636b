package io.zonebridge.route53;

import io.zonebridge.model.RecordSet;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Route53Exception;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's retry strategy backs off and retries on Route 53's Throttling and
 * PriorRequestNotComplete errors, injected by a proxy in front of the real server, and the gateway's
 * call counts show every attempt.
 */
class SdkRoute53GatewayRetryTest {

    private static final String THROTTLED = "Rate exceeded";
    private static final String PRIOR = "The request was rejected because Route 53 was still processing a prior request.";

    private static GatewayTestServer server;
    private static GatewayFaultProxy proxy;
    private Route53Client client;
    private SdkRoute53Gateway gateway;

    @BeforeAll
    static void startServer() throws Exception {
        server = GatewayTestServer.start();
        proxy = GatewayFaultProxy.in(server.endpoint());
    }

    @AfterAll
    static void stopServer() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connectThroughProxy() {
        Route53ClientFactory factory = server.clientFactory(new AccountRateLimiter(100)).endpoint(proxy.endpoint());
        client = factory.create();
        gateway = new SdkRoute53Gateway(client, factory.callCounter(), Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private HostedZoneRef createZone(String name) {
        String id = client.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())).hostedZone().id();
        return new HostedZoneRef(HostedZoneRef.bareId(id), RecordNameCodec.canonical(name), false, 2);
    }

    @Test
    void retriesThrottlingAndCountsEveryAttempt() {
        HostedZoneRef zone = createZone("throttled.example.org");
        ApiCallStats before = gateway.stats();
        proxy.failNext(2, "GET", "/2013-04-01/hostedzone", ApiCallStats.THROTTLING, THROTTLED);

        List<HostedZoneRef> zones = gateway.listHostedZones();

        assertTrue(zones.stream().anyMatch(z -> z.id().equals(zone.id())), "listed after two throttles");
        ApiCallStats delta = gateway.stats().since(before);
        assertEquals(3, delta.requests("ListHostedZones"), delta.toString());
        assertEquals(2, delta.throttles(), delta.toString());
        assertEquals(2, delta.retries(), delta.toString());
    }

    @Test
    void retriesPriorRequestNotCompleteOnChanges() {
        HostedZoneRef zone = createZone("prior.example.org");
        RecordSet set = RecordSet.of("app.prior.example.org.", "A", 60, "192.0.2.10");
        ApiCallStats before = gateway.stats();
        proxy.failNext(2, "POST", "/2013-04-01/hostedzone/" + zone.id() + "/rrset", ApiCallStats.PRIOR_REQUEST_NOT_COMPLETE, PRIOR);

        ApplyResult result = gateway.apply(zone, List.of(new ChangeBatch(List.of(new Change.Create(set)), 1, 10)), false);

        assertTrue(result.isComplete(), result.toString());
        assertEquals(set, gateway.readZone(zone).get(set.key()).orElseThrow());
        ApiCallStats delta = gateway.stats().since(before);
        assertEquals(3, delta.requests("ChangeResourceRecordSets"), delta.toString());
        assertEquals(2, delta.errors(ApiCallStats.PRIOR_REQUEST_NOT_COMPLETE), delta.toString());
        assertEquals(2, delta.retries(), delta.toString());
    }

    @Test
    void givesUpAfterMaxAttemptsWithRoute53sError() {
        Route53ClientFactory factory = server.clientFactory(new AccountRateLimiter(100)).endpoint(proxy.endpoint())
                .retryStrategy(Route53RetryStrategy.create(3, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(50)));
        try (Route53Client limited = factory.create()) {
            SdkRoute53Gateway impatient = new SdkRoute53Gateway(limited, factory.callCounter());
            proxy.failNext(5, "GET", "/2013-04-01/hostedzone", ApiCallStats.THROTTLING, THROTTLED);

            Route53Exception e = assertThrows(Route53Exception.class, impatient::listHostedZones);

            assertEquals(ApiCallStats.THROTTLING, e.awsErrorDetails().errorCode());
            assertEquals(THROTTLED, e.awsErrorDetails().errorMessage());
            assertEquals(3, impatient.stats().requests("ListHostedZones"), "3 attempts, then Route 53's error");
            assertEquals(3, impatient.stats().throttles());
        } finally {
            proxy.answerNext(0, "GET", "/", 200, "");
        }
    }

    private static String pendingChange(String changeId) {
        return "<?xml version=\"1.0\"?>\n<GetChangeResponse xmlns=\"" + GatewayFaultProxy.NS + "\"><ChangeInfo><Id>/change/"
                + changeId + "</Id><Status>PENDING</Status><SubmittedAt>2026-01-01T00:00:00.000Z</SubmittedAt></ChangeInfo></GetChangeResponse>";
    }

    @Test
    void waitsWhileTheChangeIsPending() {
        HostedZoneRef zone = createZone("pending.example.org");
        RecordSet set = RecordSet.of("p.pending.example.org.", "A", 60, "192.0.2.11");
        ApiCallStats before = gateway.stats();
        proxy.answerNext(3, "GET", "/2013-04-01/change/", 200, pendingChange("C2682N5HXP0BZ4"));

        ApplyResult result = gateway.apply(zone, List.of(new ChangeBatch(List.of(new Change.Create(set)), 1, 10)), true);

        assertTrue(result.isComplete());
        assertEquals(4, gateway.stats().since(before).requests("GetChange"), "three PENDING answers, then INSYNC");
    }

    @Test
    void givesUpWaitingAfterTheTimeout() {
        HostedZoneRef zone = createZone("stuck.example.org");
        RecordSet set = RecordSet.of("s.stuck.example.org.", "A", 60, "192.0.2.12");
        SdkRoute53Gateway impatient = new SdkRoute53Gateway(client, new ApiCallCounter(), Duration.ofMillis(100), Duration.ofMillis(400));
        proxy.answerNext(1000, "GET", "/2013-04-01/change/", 200, pendingChange("C2682N5HXP0BZ4"));
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> impatient.apply(zone, List.of(new ChangeBatch(List.of(new Change.Create(set)), 1, 10)), true));
            assertTrue(e.getMessage().matches("(?s)change C[A-Z0-9]+ was applied but did not become INSYNC within PT0\\.4S: .*"), e.getMessage());
        } finally {
            proxy.answerNext(0, "GET", "/", 200, "");
        }
        assertEquals(set, gateway.readZone(zone).get(set.key()).orElseThrow(), "the change itself was applied");
    }

    @Test
    void treatsThrottlingAndPriorRequestNotCompleteAsBackOffErrors() {
        Route53Exception throttling = (Route53Exception) Route53Exception.builder()
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("Throttling").errorMessage(THROTTLED).build())
                .statusCode(400).build();
        Route53Exception invalid = (Route53Exception) Route53Exception.builder()
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("InvalidChangeBatch").errorMessage("x").build())
                .statusCode(400).build();
        assertTrue(Route53RetryStrategy.isBackOffError(throttling));
        assertTrue(!Route53RetryStrategy.isBackOffError(invalid));
        assertTrue(!Route53RetryStrategy.isBackOffError(new IllegalStateException("Throttling")));
    }
}
