package io.zonebridge.bench;

import io.zonebridge.app.ManagedZone;
import io.zonebridge.app.RefreshSchedule;
import io.zonebridge.app.SyncMode;
import io.zonebridge.app.SyncOutcome;
import io.zonebridge.app.TimerOverrides;
import io.zonebridge.app.ZoneCatalog;
import io.zonebridge.app.ZoneFileSource;
import io.zonebridge.app.ZoneStatusBoard;
import io.zonebridge.app.ZoneSynchronizer;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.route53.ZoneSelector;
import io.zonebridge.sync.SyncEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Benchmark (not a test), the service path of {@code bin/bench-apply}: a zone-file zone synced by the service's
 * {@link ZoneSynchronizer} and {@link SyncEngine} into a new hosted zone of the given Route 53 (the local one, throttled),
 * first whole, then the same zone with a 1% change (a higher serial). Prints the calls of the second run:
 * {@code delta lists=… changes=… minimum_changes=…} (minimum: ceil(elements / 1,000), a changed set counted twice).
 *
 * <p>Arguments: {@code ENDPOINT ZONE FULL_ZONE_FILE CHANGED_ZONE_FILE}; credentials from the environment.
 */
public final class ServiceDeltaBenchmark {

    private ServiceDeltaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String origin = args[1].endsWith(".") ? args[1] : args[1] + ".";
        Path full = Path.of(args[2]);
        Path changed = Path.of(args[3]);
        Route53ClientFactory factory = new Route53ClientFactory().endpoint(endpoint)
                .credentials(DefaultCredentialsProvider.builder().build()).rateLimiter(new AccountRateLimiter(5));
        Path work = Files.createTempFile("zonebridge-bench-service-", ".zone");
        try (Route53Client client = factory.create()) {
            SdkRoute53Gateway gateway = new SdkRoute53Gateway(client, factory.callCounter());
            String id = HostedZoneRef.bareId(client.createHostedZone(r -> r.name(origin)
                    .callerReference(UUID.randomUUID().toString())).hostedZone().id());
            Files.copy(full, work, StandardCopyOption.REPLACE_EXISTING);
            ManagedZone zone = new ManagedZone("bench/" + id, origin, new ZoneSelector(id, Optional.empty(),
                    Optional.empty(), "us-east-1"), new ZoneFileSource(work, origin), PlanOptions.defaults(),
                    TimerOverrides.none(), Optional.empty(), Duration.ofHours(1));
            ZoneCatalog catalog = new ZoneCatalog(List.of(zone));
            Clock clock = Clock.systemUTC();
            ZoneSynchronizer synchronizer = new ZoneSynchronizer(catalog, gateway,
                    new SyncEngine(gateway, SafetyLimits.DEFAULT, false, new AccountRateLimiter(1), clock),
                    new ZoneStatusBoard(clock), new RefreshSchedule(catalog, clock));
            SyncOutcome initial = synchronizer.sync(zone, new SyncMode(false, false, true));
            System.out.printf(Locale.ROOT, "service initial sync: %s, %s%n", initial.result(), initial.message());

            Files.copy(changed, work, StandardCopyOption.REPLACE_EXISTING);
            ApiCallStats before = gateway.stats();
            long start = System.nanoTime();
            SyncOutcome delta = synchronizer.sync(zone, SyncMode.SERVICE);
            double seconds = (System.nanoTime() - start) / 1e9;
            ApiCallStats spent = gateway.stats().since(before);
            long elements = delta.creates() + delta.deletes() + 2 * delta.updates();
            System.out.printf(Locale.ROOT, "service delta: %s +%d ~%d -%d in %.2f s (all calls: %s)%n", delta.result(),
                    delta.creates(), delta.updates(), delta.deletes(), seconds, spent);
            System.out.printf(Locale.ROOT, "delta lists=%d changes=%d minimum_changes=%d%n",
                    spent.requests("ListResourceRecordSets"), spent.requests("ChangeResourceRecordSets"),
                    (elements + 999) / 1000);
        } finally {
            Files.deleteIfExists(work);
        }
    }
}
