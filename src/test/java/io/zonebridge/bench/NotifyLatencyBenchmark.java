package io.zonebridge.bench;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.app.ZonebridgeApplication;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.secondary.BindPrimary;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Benchmark (not a test): the real service (YAML routes, beans) with a real BIND primary holding a 100,000-record
 * zone (20 addresses per name: Route 53 holds at most 10,000 record sets per zone) and the local Route 53. Each
 * round adds one record with nsupdate; BIND sends a NOTIFY; the time from the NOTIFY exchange entering route
 * {@code notify-listener} to the ChangeResourceRecordSets request reaching Route 53 is measured. Prints p50/p99.
 * The debounce window and the Route 53 rate limit are arguments, since both are in that path.
 *
 * <p>Arguments: {@code [rounds=20] [debounceMillis=100] [rateLimitPerSecond=5] [records=100000]}.
 */
public final class NotifyLatencyBenchmark {

    private NotifyLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String debounce = args.length > 1 ? args[1] : "100";
        String rate = args.length > 2 ? args[2] : "5";
        int records = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int notifyPort = BindPrimary.freePort();
        LocalAwsServer route53 = new LocalAwsServer();
        route53.start(0);
        Path dir = Files.createTempDirectory("zonebridge-bench-notify-");
        Main main = null;
        try (BindPrimary bind = BindPrimary.start(notifyPort, Map.of("big.test", TransferBenchmark.zoneText("big.test", records)),
                BindPrimary.newXfrKey(), Map.of("big.test", "allow-update { key \"xfr-key\"; };"))) {
            String zoneId = createZone(route53.endpoint(), "big.test");
            Path config = dir.resolve("zonebridge.yaml");
            Files.writeString(config, """
                    route53: { endpoint: %s, rateLimitPerSecond: %s }
                    safety: { maxChangeShare: 1.0 }
                    secondary:
                      notify: { listen: 127.0.0.1:%d, allowFrom: [127.0.0.1] }
                      zones:
                        - { name: big.test, primaries: [%s], hostedZone: { id: %s } }
                    """.formatted(route53.endpoint(), rate, notifyPort, bind.primary(), zoneId));
            main = new ZonebridgeApplication(Path.of("config/application.properties"), Optional.of(config)).createMain();
            main.addOverrideProperty("zonebridge.apply.debounce", debounce);
            main.addOverrideProperty("zonebridge.apply.debounceCheck", "10");
            AtomicLong notifyAt = new AtomicLong();
            Main running = main;
            Thread service = new Thread(() -> {
                try {
                    running.run();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }, "zonebridge-service");
            service.setDaemon(true);
            service.start();
            CamelContext context = awaitStarted(main);
            context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeCreatedEvent created
                            && "notify-listener".equals(created.getExchange().getFromRouteId())) {
                        notifyAt.compareAndSet(0, System.nanoTime());
                    }
                }
            });
            long initialStart = System.nanoTime();
            awaitChanges(route53, 100, 600_000);
            awaitQuiet(route53);
            System.out.printf(Locale.ROOT, "initial sync of %,d records: %.1f s (%d change requests)%n", records,
                    (System.nanoTime() - initialStart) / 1e9, route53.counters().requests("ChangeResourceRecordSets"));
            double[] millis = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long before = route53.counters().requests("ChangeResourceRecordSets");
                notifyAt.set(0);
                bind.nsupdate("zone big.test\nupdate add round" + i + ".big.test. 300 IN A 192.0.2." + (i % 250 + 1));
                long submitted = awaitChanges(route53, before + 1, 60_000);
                millis[i] = (submitted - notifyAt.get()) / 1e6;
                awaitQuiet(route53);
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "NOTIFY received -> change batch submitted, one-record change in a %,d-record zone,"
                            + " %d rounds, debounce %s ms, Route 53 rate %s/s: p50 %.0f ms, p99 %.0f ms, min %.0f ms, max %.0f ms%n",
                    records, rounds, debounce, rate, percentile(millis, 50), percentile(millis, 99), millis[0],
                    millis[rounds - 1]);
        } finally {
            if (main != null) {
                main.completed();
            }
            route53.stop();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static String createZone(String endpoint, String name) {
        try (Route53Client client = Route53Client.builder().endpointOverride(URI.create(endpoint))
                .region(Region.AWS_GLOBAL).credentialsProvider(Route53Connection.localCredentials()).build()) {
            String id = client.createHostedZone(b -> b.name(name).callerReference(UUID.randomUUID().toString()))
                    .hostedZone().id();
            return id.substring(id.lastIndexOf('/') + 1);
        }
    }

    private static CamelContext awaitStarted(Main main) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            CamelContext context = main.getCamelContext();
            if (context != null && context.getStatus() == ServiceStatus.Started) {
                return context;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not start");
    }

    /** Waits until the emulator has received {@code count} change requests; returns the time it saw the last. */
    private static long awaitChanges(LocalAwsServer route53, long count, long limitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + limitMillis;
        while (route53.counters().requests("ChangeResourceRecordSets") < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("only " + route53.counters().requests("ChangeResourceRecordSets")
                        + " change requests, expected " + count);
            }
            Thread.onSpinWait();
        }
        return System.nanoTime();
    }

    private static void awaitQuiet(LocalAwsServer route53) throws InterruptedException {
        long last = -1;
        while (last != route53.counters().requests("ChangeResourceRecordSets")) {
            last = route53.counters().requests("ChangeResourceRecordSets");
            Thread.sleep(1500);
        }
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
