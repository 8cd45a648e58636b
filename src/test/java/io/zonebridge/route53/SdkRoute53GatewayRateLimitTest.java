package io.zonebridge.route53;

import io.zonebridge.model.RecordSet;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.route53.Route53Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-account rate limiter holds every Route 53 request (pages, changes, polls, several clients of
 * one account together) to at most N per second. Request times are taken in an interceptor that runs
 * after the limiter, at the moment each request leaves for the server.
 */
class SdkRoute53GatewayRateLimitTest {

    private static final int PERMITS_PER_SECOND = 5;
    /** Allowance for timer and scheduling granularity when comparing request times. */
    private static final long TOLERANCE_NANOS = Duration.ofMillis(25).toNanos();

    private static GatewayTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = GatewayTestServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Records when each request is sent. */
    private static final class SendTimes implements ExecutionInterceptor {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            nanos.add(System.nanoTime());
        }
    }

    /** No window of one second holds more than {@code perSecond} of the (sorted) times. */
    private static void assertAtMostPerSecond(List<Long> times, int perSecond) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        long shortest = Long.MAX_VALUE;
        for (int i = 0; i + perSecond < sorted.size(); i++) {
            long span = sorted.get(i + perSecond) - sorted.get(i);
            shortest = Math.min(shortest, span);
            assertTrue(span >= Duration.ofSeconds(1).toNanos() - TOLERANCE_NANOS,
                    "requests " + i + ".." + (i + perSecond) + " fall within " + span / 1_000_000 + " ms");
        }
        System.out.printf("%d requests; shortest span of %d consecutive intervals: %.1f ms%n",
                sorted.size(), perSecond, shortest / 1e6);
    }

    @Test
    void oneGatewayIsHeldToTheRateAcrossPagesChangesAndPolls() {
        SendTimes times = new SendTimes();
        Route53ClientFactory factory = server.clientFactory(new AccountRateLimiter(PERMITS_PER_SECOND)).addInterceptor(times);
        try (Route53Client client = factory.create()) {
            SdkRoute53Gateway gateway = new SdkRoute53Gateway(client, factory.callCounter(), Duration.ofMillis(50), Duration.ofSeconds(10));
            String zoneId = client.createHostedZone(r -> r.name("rate.example.org").callerReference(UUID.randomUUID().toString()))
                    .hostedZone().id();
            HostedZoneRef zone = new HostedZoneRef(HostedZoneRef.bareId(zoneId), "rate.example.org.", false, 2);
            List<Change> creates = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                creates.add(new Change.Create(RecordSet.of("h" + i + ".rate.example.org.", "A", 60, "192.0.2." + (i % 250))));
            }
            gateway.apply(zone, List.of(new ChangeBatch(creates.subList(0, 750), 750, 0),
                    new ChangeBatch(creates.subList(750, 1500), 750, 0)), true);
            assertEquals(1502, gateway.readZone(zone).size());
            for (int i = 0; i < 6; i++) {
                gateway.listHostedZones();
            }

            ApiCallStats stats = gateway.stats();
            assertEquals(stats.totalRequests(), times.nanos.size(), "every request counted: " + stats);
            assertEquals(6, stats.requests("ListResourceRecordSets"), "1,502 sets in pages of 300");
            assertTrue(times.nanos.size() >= 16, "enough requests to measure: " + times.nanos.size());
            assertAtMostPerSecond(times.nanos, PERMITS_PER_SECOND);
        }
    }

    @Test
    void clientsOfOneAccountShareOneLimiter() throws Exception {
        AccountRateLimiters limiters = new AccountRateLimiters(PERMITS_PER_SECOND);
        assertSame(limiters.forAccount("111111111111"), limiters.forAccount("111111111111"));
        assertNotSame(limiters.forAccount("111111111111"), limiters.forAccount("222222222222"));

        SendTimes times = new SendTimes();
        Route53ClientFactory first = server.clientFactory(limiters.forAccount("111111111111")).addInterceptor(times);
        Route53ClientFactory second = server.clientFactory(limiters.forAccount("111111111111")).addInterceptor(times);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Route53Client a = first.create(); Route53Client b = second.create()) {
            List<Future<?>> runs = new ArrayList<>();
            for (Route53Client client : List.of(a, b)) {
                SdkRoute53Gateway gateway = new SdkRoute53Gateway(client, new ApiCallCounter());
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        gateway.listHostedZones();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(16, times.nanos.size());
        assertAtMostPerSecond(times.nanos, PERMITS_PER_SECOND);
    }

    @Test
    void limiterSpacesPermitsEvenlyAndQueuesCallers() throws InterruptedException {
        AccountRateLimiter limiter = new AccountRateLimiter(20);
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            limiter.acquire();
            grants.add(System.nanoTime());
        }
        assertAtMostPerSecond(grants, 20);
        long total = grants.get(20) - grants.get(0);
        assertTrue(total < Duration.ofMillis(3000).toNanos(), "21 permits at 20/s take about 1 s (not many), took " + total / 1_000_000 + " ms");
        AccountRateLimiter slow = new AccountRateLimiter(0.5);
        slow.acquire();
        assertTrue(!slow.tryAcquire(), "no permit within 2 s of the last grant at 0.5/s");
    }

    @Test
    void aBurstAllowsThatManyImmediatePermitsThenThePace() throws InterruptedException {
        AccountRateLimiter limiter = new AccountRateLimiter(10, 3); // starts with a full bucket, as after idling
        assertTrue(limiter.tryAcquire() && limiter.tryAcquire() && limiter.tryAcquire(), "three tokens at hand");
        assertTrue(!limiter.tryAcquire(), "bucket empty after the burst");
        long start = System.nanoTime();
        limiter.acquire();
        long waited = System.nanoTime() - start;
        assertTrue(waited <= Duration.ofMillis(150).toNanos(), "next permit within about 100 ms, waited " + waited / 1_000_000 + " ms");
    }
}
