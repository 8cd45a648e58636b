package io.zonebridge.bench;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.app.ZoneStatusBoard;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.app.ZonebridgeApplication;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.secondary.BindPrimary;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Benchmark (not a test): the real service (YAML routes, beans) with a real BIND primary holding a 100,000-record
 * zone (20 addresses per name: Route 53 holds at most 10,000 record sets per zone), the local Route 53 throttled at
 * 5 requests/s, and a second BIND as a secondary of the same zone. Each round adds one record with nsupdate; BIND
 * sends a NOTIFY to both. {@value #WARM_UP_ROUNDS} warm-up rounds run first and are reported apart, not counted (the
 * first NOTIFY after the initial sync runs cold code). Prints one line:
 * {@code notify-to-submit p50_ms=… p99_ms=… bind_p50_ms=… bind_p99_ms=…}, and the means of both.
 *
 * <p>What is measured, and how each side is timed:
 * <ul>
 *   <li>zonebridge: from the NOTIFY exchange entering route {@code notify-listener} (a Camel event,
 *   {@link System#nanoTime()}; the UDP listener runs the route on netty's I/O thread, so this is when the packet was
 *   read) to the ChangeResourceRecordSets request being sent: signed and handed to the HTTP client, as the service's
 *   own call counter records it ({@code ApiCallCounter.lastSent}, the SDK's {@code beforeTransmission}). Printed
 *   beside it: to the request's arrival at Route 53, as the emulator records it after its HTTP server handed the
 *   request to a handler (the same clock: it runs in this process; {@code OperationCounters.arrivedAt}); the
 *   difference is the HTTP client (on a connection idle over 2 s the Apache client first checks it is not stale,
 *   a read that waits 1 ms) and the emulator's HTTP server (two thread hops). The bench's own
 *   poll of the emulator's counters only waits; how soon it notices does not count. (Until this was so, the end was
 *   taken by a busy-spinning poll: it held one of two cores, and whenever it was descheduled its lateness counted
 *   against zonebridge.)</li>
 *   <li>BIND: from its "received notify" log line to its "Transfer completed" line (NOTIFY → SOA query → IXFR
 *   applied to its database and journal). BIND 9.18 stamps log lines from a coarse clock (the kernel tick: 4 ms
 *   on a 250 Hz kernel), so each BIND round is a whole number of ticks (0, 4, 8 … ms): a round printed as 0 took
 *   less than a tick, and every round is exact to ±1 tick only. Both ends are truncated alike, so the mean of
 *   many rounds is unbiased; the bench prints it next to zonebridge's, and the tick it saw.</li>
 * </ul>
 * Not alike: BIND's end includes applying the change (its database, its journal), zonebridge's end is the request
 * reaching Route 53 (applying it there is Route 53's work, not counted).
 *
 * <p>Arguments: {@code [rounds=20] [rateLimitPerSecond=5] [records=100000]}.
 */
public final class NotifyLatencyBenchmark {

    private static final DateTimeFormatter BIND_TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss.SSS", Locale.ENGLISH);
    private static final Pattern NOTIFY_LINE = Pattern.compile("^(\\S+ \\S+) .*received notify for zone 'big\\.test'", Pattern.MULTILINE);
    private static final Pattern DONE_LINE = Pattern.compile("^(\\S+ \\S+) .*Transfer completed", Pattern.MULTILINE);

    /** Rounds run before the measured ones and reported apart (JIT, first SOA query and IXFR of the run). */
    private static final int WARM_UP_ROUNDS = 20;

    private NotifyLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String rate = args.length > 1 ? args[1] : "5";
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int notifyPort = BindPrimary.freePort();
        int secondaryPort = BindPrimary.freePort();
        LocalAwsServer route53 = new LocalAwsServer(LocalRoute53Options.defaults().withDnsPort(-1)
                .withRequestsPerSecond(Integer.parseInt(rate)));
        route53.start(0);
        Path dir = Files.createTempDirectory("zonebridge-bench-notify-");
        Main main = null;
        Process secondary = null;
        try (BindPrimary bind = BindPrimary.start(notifyPort, Map.of("big.test", TransferBenchmark.zoneText("big.test", records)),
                BindPrimary.newXfrKey(), Map.of("big.test", "allow-update { key \"xfr-key\"; }; also-notify { 127.0.0.1 port "
                        + notifyPort + "; 127.0.0.1 port " + secondaryPort + "; };"))) {
            Path secondaryLog = dir.resolve("secondary.log");
            secondary = startSecondary(dir, secondaryPort, bind.port(), secondaryLog);
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
            awaitChanges(route53, (records + 999) / 1000, 600_000);
            awaitQuiet(route53);
            awaitTransfers(secondaryLog, 1);
            System.out.printf(Locale.ROOT, "initial sync of %,d records: %.1f s (%d change requests)%n", records,
                    (System.nanoTime() - initialStart) / 1e9, route53.counters().requests("ChangeResourceRecordSets"));
            System.gc(); // the initial sync's garbage (and the emulator's) is not the NOTIFY path's: collect it first
            SdkRoute53Gateway gateway = context.getRegistry().lookupByNameAndType("zonebridgeRuntime",
                    ZonebridgeRuntime.class).connection().gateway();
            double[] warmUp = new double[WARM_UP_ROUNDS];
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                warmUp[i] = round(bind, route53, gateway, secondaryLog, notifyAt, "warmup" + i, i)[0];
            }
            System.out.println("warm-up rounds (not counted; the first NOTIFY after the initial sync runs cold code: "
                    + "the first SOA query and IXFR, JIT): zonebridge ms " + rounded(warmUp));
            double[] millis = new double[rounds];
            double[] arrivalMillis = new double[rounds];
            double[] bindMillis = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                double[] round = round(bind, route53, gateway, secondaryLog, notifyAt, "round" + i, i);
                millis[i] = round[0];
                arrivalMillis[i] = round[1];
                bindMillis[i] = round[2];
            }
            ZoneStatusBoard board = context.getRegistry().lookupByNameAndType("zoneStatusBoard", ZoneStatusBoard.class);
            System.out.println("last run: " + board.get("default/" + zoneId).map(s -> s.last().message()).orElse("?"));
            System.out.println("rounds (ms, in order): zonebridge " + rounded(millis) + "; arrival at Route 53 "
                    + rounded(arrivalMillis) + "; bind " + rounded(bindMillis));
            System.out.printf(Locale.ROOT, "means: zonebridge %.1f ms (arrival %.1f ms), bind %.1f ms (bind's log clock"
                            + " tick: %d ms)%n", Arrays.stream(millis).average().orElse(0),
                    Arrays.stream(arrivalMillis).average().orElse(0), Arrays.stream(bindMillis).average().orElse(0),
                    tick(bindMillis));
            Arrays.sort(millis);
            Arrays.sort(arrivalMillis);
            Arrays.sort(bindMillis);
            System.out.printf(Locale.ROOT, "(one-record change in a %,d-record zone, %d rounds, Route 53 throttled at %s/s;"
                    + " zonebridge min %.0f ms, max %.0f ms)%n", records, rounds, rate, millis[0], millis[rounds - 1]);
            System.out.printf(Locale.ROOT, "notify-to-submit p50_ms=%.0f p99_ms=%.0f bind_p50_ms=%.0f bind_p99_ms=%.0f%n",
                    percentile(millis, 50), percentile(millis, 99), percentile(bindMillis, 50),
                    percentile(bindMillis, 99));
            System.out.printf(Locale.ROOT, "notify-to-arrival p50_ms=%.0f p99_ms=%.0f%n", percentile(arrivalMillis, 50),
                    percentile(arrivalMillis, 99));
        } finally {
            if (main != null) {
                main.completed();
            }
            if (secondary != null) {
                secondary.destroy();
                secondary.waitFor(10, TimeUnit.SECONDS);
            }
            route53.stop();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /**
     * One round: adds {@code label}.big.test with nsupdate; returns zonebridge's NOTIFY → ChangeResourceRecordSets
     * sent and arrived, and the BIND secondary's NOTIFY → transfer completed, in milliseconds, once Route 53 is quiet
     * again.
     */
    private static double[] round(BindPrimary bind, LocalAwsServer route53, SdkRoute53Gateway gateway,
                                  Path secondaryLog, AtomicLong notifyAt, String label, int i) throws Exception {
        long before = route53.counters().requests("ChangeResourceRecordSets");
        int transfers = count(DONE_LINE, Files.readString(secondaryLog));
        notifyAt.set(0);
        bind.nsupdate("zone big.test\nupdate add " + label + ".big.test. 300 IN A 192.0.2." + (i % 250 + 1));
        long arrived = awaitChanges(route53, before + 1, 60_000);
        long sent = gateway.lastSent("ChangeResourceRecordSets").orElseThrow();
        double millis = (sent - notifyAt.get()) / 1e6;
        double arrivalMillis = (arrived - notifyAt.get()) / 1e6;
        double bindMillis = awaitTransfers(secondaryLog, transfers + 1);
        awaitQuiet(route53);
        return new double[] {millis, arrivalMillis, bindMillis};
    }

    /** A second named, secondary of big.test, logging with millisecond timestamps. */
    private static Process startSecondary(Path dir, int port, int primaryPort, Path log) throws Exception {
        Path conf = dir.resolve("secondary.conf");
        Files.writeString(conf, """
                options {
                    directory "%1$s"; pid-file "%1$s/secondary.pid"; session-keyfile "%1$s/secondary.key";
                    managed-keys-directory "%1$s"; listen-on port %2$d { 127.0.0.1; }; listen-on-v6 { none; };
                    recursion no; dnssec-validation no; notify no;
                };
                zone "big.test" { type secondary; primaries { 127.0.0.1 port %3$d; }; file "big.test.bak"; };
                """.formatted(dir, port, primaryPort));
        return new ProcessBuilder("/usr/sbin/named", "-4", "-g", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Waits until the secondary's log shows {@code count} completed transfers; returns the milliseconds from the last
     * "received notify" line before the last of them to it (0 when there is none, as for the first transfer).
     */
    private static double awaitTransfers(Path log, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 600_000;
        long size = -1;
        while (System.currentTimeMillis() < deadline) {
            if (Files.size(log) == size) { // read it again only when it grew: little garbage for the service's GC
                Thread.sleep(5);
                continue;
            }
            size = Files.size(log);
            String text = Files.readString(log);
            List<String> done = times(DONE_LINE, text);
            if (done.size() >= count) {
                Matcher last = DONE_LINE.matcher(text);
                int end = 0;
                for (int i = 0; i < count && last.find(); i++) {
                    end = last.start();
                }
                List<String> notifies = times(NOTIFY_LINE, text.substring(0, end));
                if (notifies.isEmpty()) {
                    return 0;
                }
                return Duration.between(LocalDateTime.parse(notifies.get(notifies.size() - 1), BIND_TIME),
                        LocalDateTime.parse(done.get(count - 1), BIND_TIME)).toNanos() / 1e6;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the BIND secondary did not complete transfer " + count + ":\n"
                + Files.readString(log));
    }

    private static List<String> times(Pattern line, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = line.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int count(Pattern line, String text) {
        return times(line, text).size();
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

    /**
     * Waits until the emulator has received {@code count} change requests (woken by the arrival, no polling);
     * returns when the last of them arrived, as the emulator recorded it ({@link System#nanoTime()}, this process).
     */
    private static long awaitChanges(LocalAwsServer route53, long count, long limitMillis) throws InterruptedException {
        if (!route53.counters().awaitRequests("ChangeResourceRecordSets", count, Duration.ofMillis(limitMillis))) {
            throw new IllegalStateException("only " + route53.counters().requests("ChangeResourceRecordSets")
                    + " change requests, expected " + count);
        }
        return route53.counters().arrivedAt("ChangeResourceRecordSets", count).orElseThrow();
    }

    private static void awaitQuiet(LocalAwsServer route53) throws InterruptedException {
        long last = -1;
        while (last != route53.counters().requests("ChangeResourceRecordSets")) {
            last = route53.counters().requests("ChangeResourceRecordSets");
            Thread.sleep(1500);
        }
    }

    /** The coarsest step the BIND figures move in (the greatest common divisor of the non-zero ones), 0 if none. */
    private static long tick(double[] bindMillis) {
        BigInteger gcd = BigInteger.ZERO;
        for (double value : bindMillis) {
            gcd = gcd.gcd(BigInteger.valueOf(Math.round(value)));
        }
        return gcd.longValue();
    }

    private static String rounded(double[] values) {
        return Arrays.stream(values).mapToObj(v -> Long.toString(Math.round(v))).collect(Collectors.joining(" "));
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
