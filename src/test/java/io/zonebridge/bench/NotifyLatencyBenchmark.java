package io.zonebridge.bench;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.app.ZoneStatus;
import io.zonebridge.app.ZoneStatusBoard;
import io.zonebridge.app.ZonebridgeApplication;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.secondary.BindPrimary;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Benchmark (not a test): the real service (YAML routes, beans) with a real BIND primary holding a 100,000-record
 * zone (20 addresses per name: Route 53 holds at most 10,000 record sets per zone), the local Route 53 throttled at
 * 5 requests/s, and a second BIND as a secondary of the same zone. Each round adds one record with nsupdate and then
 * sends the NOTIFY the primary would send (the same packet: opcode NOTIFY, the zone's new SOA in the answer) to each
 * secondary in turn, timing each alone: the other has finished (BIND's log shows the end of its transfer, zonebridge
 * recorded its run), and which goes first alternates; and each only when its own rate limiter lets the work
 * through at once (zonebridge's Route 53 budget, BIND's refresh limiter). Warm-up rounds
 * (default {@value #WARM_UP_ROUNDS}) run first and are reported apart, not counted: a service that has been running
 * has handled that many NOTIFYs, and until then the NOTIFY path runs in the JVM's interpreter. Prints one line:
 * {@code notify-to-submit p50_ms=… p99_ms=… bind_p50_ms=… bind_p99_ms=…}, and the means of both.
 *
 * <p>Both sides are timed on this process's {@link System#nanoTime()} clock, from the NOTIFY datagram being sent
 * (the bench sends it, so it knows when; the primary's own NOTIFYs are off):
 * <ul>
 *   <li>zonebridge (it runs in this process): to the ChangeResourceRecordSets request being sent, signed and handed
 *   to the HTTP client, as the service's own call counter records it ({@code ApiCallCounter.lastSent}, the SDK's
 *   {@code beforeTransmission}). Printed beside it: to the request's arrival at Route 53, as the emulator (in this
 *   process) records it after its HTTP server handed the request to a handler ({@code OperationCounters.arrivedAt}).
 *   The bench's own wait for the emulator's counters only waits; how soon it notices does not count.</li>
 *   <li>BIND (NOTIFY → SOA query to the primary → IXFR applied to its database and journal): to the first SOA query
 *   that BIND answers with the new serial, timed when that query was sent. The bench polls every
 *   0.1 ms at most (the mean is printed); BIND applied the change after it answered the poll before and
 *   before it answered this one, so the figure is early by less than one poll period: never in zonebridge's favour.
 *   (BIND's own log cannot time it: BIND 9.18 stamps log lines from the kernel's coarse clock, 4 ms steps, and most
 *   rounds take less than one step.)</li>
 * </ul>
 * Not alike: BIND's end includes applying the change (its database, its journal) and a SOA query before the IXFR,
 * which zonebridge skips when the NOTIFY announced a newer serial; zonebridge's end is the request leaving for
 * Route 53 (applying it there is Route 53's work, not counted).
 *
 * <p>The JIT: a method is compiled by C2 only after some thousands of calls; the NOTIFY path (Camel's routing, the
 * IXFR, the SDK building and signing the request) is interpreted or half compiled for the first few hundred NOTIFYs
 * and takes about twice as long then. A service that has run for an hour or so has made thousands of Route 53 calls
 * through the same SDK path; {@code bin/bench-secondary} runs this bench with {@code -XX:CompileThresholdScaling=0.1}
 * so that its warm-up rounds leave the path compiled as it is then (the JVM's flags are printed), and
 * {@code BENCH_NOTIFY_JAVA_OPTS=} (empty) times it with the usual thresholds.
 *
 * <p>Arguments: {@code [rounds=50] [rateLimitPerSecond=5] [records=100000] [warmUpRounds=300]}.
 */
public final class NotifyLatencyBenchmark {

    /** Rounds run before the measured ones and reported apart (JIT, first SOA query and IXFR of the run). */
    private static final int WARM_UP_ROUNDS = 300;

    /** How often the BIND secondary's SOA is polled (at most; each poll waits for its answer). */
    private static final long POLL_PERIOD_NANOS = 100_000;

    /**
     * The tick of BIND's refresh rate limiter ({@code serial-query-rate}, default 20/s, dispatched in 500 ms ticks).
     * Seen in its log: a NOTIFY within 500 ms of the previous transfer's start is served 500 ms after that start
     * (~470 ms late), one after it at once. So the bench NOTIFYs BIND only once a tick (and 20 ms for its timer)
     * has passed since it last did, as it NOTIFYs zonebridge only once its Route 53 limiter has a permit.
     */
    private static final long BIND_REFRESH_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(500 + 20);

    /** BIND's log line at the end of a transfer (after the new serial is served, its journal and bookkeeping). */
    private static final Pattern TRANSFER_DONE = Pattern.compile("Transfer completed");

    private static final Name ZONE = Name.fromConstantString("big.test.");

    private NotifyLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String rate = args.length > 1 ? args[1] : "5";
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int warmUpRounds = args.length > 3 ? Integer.parseInt(args[3]) : WARM_UP_ROUNDS;
        int notifyPort = BindPrimary.freePort();
        int secondaryPort = BindPrimary.freePort();
        LocalAwsServer route53 = new LocalAwsServer(LocalRoute53Options.defaults().withDnsPort(-1)
                .withRequestsPerSecond(Integer.parseInt(rate)));
        route53.start(0);
        Path dir = Files.createTempDirectory("zonebridge-bench-notify-");
        Main main = null;
        Process secondary = null;
        try (BindPrimary bind = BindPrimary.start(notifyPort, Map.of("big.test", TransferBenchmark.zoneText("big.test", records)),
                BindPrimary.newXfrKey(), Map.of("big.test", "allow-update { key \"xfr-key\"; }; notify no;"));
             DatagramSocket notifier = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket poller = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
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
            long initialStart = System.nanoTime();
            ZoneStatusBoard board = context.getRegistry().lookupByNameAndType("zoneStatusBoard", ZoneStatusBoard.class);
            Secondaries peers = new Secondaries(bind, notifier, poller, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    notifyPort), new InetSocketAddress(InetAddress.getLoopbackAddress(), secondaryPort), route53,
                    context.getRegistry().lookupByNameAndType("zonebridgeRuntime", ZonebridgeRuntime.class)
                            .connection().gateway(), Double.parseDouble(rate), board, "default/" + zoneId, secondaryLog);
            long initialSerial = bind.serial("big.test");
            peers.awaitZonebridgeRun(initialSerial, 600_000);
            peers.awaitBindSerial(initialSerial, 600_000);
            peers.awaitBindTransferDone();
            System.out.printf(Locale.ROOT, "initial sync of %,d records: %.1f s (%d change requests)%n", records,
                    (System.nanoTime() - initialStart) / 1e9, route53.counters().requests("ChangeResourceRecordSets"));
            System.gc(); // the initial sync's garbage (and the emulator's) is not the NOTIFY path's: collect it first
            double[] warmUp = new double[warmUpRounds];
            for (int i = 0; i < warmUpRounds; i++) {
                warmUp[i] = peers.round("warmup" + i, i, false)[0];
            }
            System.out.println("warm-up rounds (not counted; until the JIT compiles it the NOTIFY path is interpreted):"
                    + " zonebridge ms, first ten " + rounded(Arrays.copyOf(warmUp, Math.min(10, warmUpRounds)))
                    + ", last ten " + rounded(Arrays.copyOfRange(warmUp, Math.max(0, warmUpRounds - 10), warmUpRounds)));
            peers.catchUpBind();
            peers.polls = 0;
            peers.pollNanos = 0;
            double[] millis = new double[rounds];
            double[] arrivalMillis = new double[rounds];
            double[] bindMillis = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                double[] round = peers.round("round" + i, warmUpRounds + i, true);
                millis[i] = round[0];
                arrivalMillis[i] = round[1];
                bindMillis[i] = round[2];
            }
            System.out.println("last run: " + board.get("default/" + zoneId).map(s -> s.last().message()).orElse("?"));
            System.out.println("rounds (ms, in order): zonebridge " + decimals(millis) + "; arrival at Route 53 "
                    + decimals(arrivalMillis) + "; bind " + decimals(bindMillis));
            System.out.printf(Locale.ROOT, "means: zonebridge %.2f ms (arrival %.2f ms), bind %.2f ms (BIND's SOA polls:"
                            + " one every %.0f µs)%n", Arrays.stream(millis).average().orElse(0),
                    Arrays.stream(arrivalMillis).average().orElse(0), Arrays.stream(bindMillis).average().orElse(0),
                    peers.pollNanos / 1e3 / Math.max(1, peers.polls));
            Arrays.sort(millis);
            Arrays.sort(arrivalMillis);
            Arrays.sort(bindMillis);
            System.out.printf(Locale.ROOT, "(one-record change in a %,d-record zone, %d rounds after %d warm-up rounds,"
                            + " Route 53 throttled at %s/s; zonebridge min %.1f ms, max %.1f ms; ratio to BIND: p50 %.2f,"
                            + " p99 %.2f; JVM flags %s)%n",
                    records, rounds, warmUpRounds, rate, millis[0], millis[rounds - 1],
                    percentile(millis, 50) / percentile(bindMillis, 50), percentile(millis, 99) / percentile(bindMillis, 99),
                    ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.printf(Locale.ROOT, "notify-to-submit p50_ms=%.1f p99_ms=%.1f bind_p50_ms=%.1f bind_p99_ms=%.1f%n",
                    percentile(millis, 50), percentile(millis, 99), percentile(bindMillis, 50),
                    percentile(bindMillis, 99));
            System.out.printf(Locale.ROOT, "notify-to-arrival p50_ms=%.1f p99_ms=%.1f%n", percentile(arrivalMillis, 50),
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

    /** The two secondaries of big.test, NOTIFYed and timed by the bench. */
    private static final class Secondaries {
        private final BindPrimary primary;
        private final DatagramSocket notifier;
        private final DatagramSocket poller;
        private final InetSocketAddress zonebridge;
        private final InetSocketAddress bind;
        private final LocalAwsServer route53;
        private final SdkRoute53Gateway gateway;
        private final double permitsPerSecond;
        private final ZoneStatusBoard board;
        private final String zoneKey;
        private final Path log;
        private final byte[] soaQuery = Message.newQuery(Record.newRecord(ZONE, Type.SOA, DClass.IN)).toWire();
        private final byte[] reply = new byte[512];
        long polls;
        long pollNanos;
        private int bindTransfers;
        private long lastBindNotify = Long.MIN_VALUE / 2;

        Secondaries(BindPrimary primary, DatagramSocket notifier, DatagramSocket poller, InetSocketAddress zonebridge,
                    InetSocketAddress bind, LocalAwsServer route53, SdkRoute53Gateway gateway, double permitsPerSecond,
                    ZoneStatusBoard board, String zoneKey, Path log) throws Exception {
            this.primary = primary;
            this.notifier = notifier;
            this.poller = poller;
            this.zonebridge = zonebridge;
            this.bind = bind;
            this.route53 = route53;
            this.gateway = gateway;
            this.permitsPerSecond = permitsPerSecond;
            this.board = board;
            this.zoneKey = zoneKey;
            this.log = log;
            poller.setSoTimeout(1000);
        }

        /**
         * One round: adds {@code label}.big.test with nsupdate, then NOTIFYs each secondary alone, once the other has
         * finished (BIND first in even rounds); returns zonebridge's NOTIFY → ChangeResourceRecordSets sent and
         * arrived, and BIND's NOTIFY → IXFR applied, in milliseconds. A warm-up round ({@code measured} false)
         * NOTIFYs zonebridge only.
         */
        double[] round(String label, int i, boolean measured) throws Exception {
            primary.nsupdate("zone big.test\nupdate add " + label + ".big.test. 300 IN A 192.0.2." + (i % 250 + 1));
            SOARecord soa = primarySoa();
            byte[] notify = notify(soa);
            double bindMillis = 0;
            if (measured && i % 2 == 0) {
                bindMillis = timeBind(notify, soa.getSerial());
            }
            awaitRoute53Permit();
            long before = route53.counters().requests("ChangeResourceRecordSets");
            long start = System.nanoTime();
            notifier.send(new DatagramPacket(notify, notify.length, zonebridge));
            long arrived = awaitChanges(route53, before + 1, 60_000);
            long sent = gateway.lastSent("ChangeResourceRecordSets").orElseThrow();
            awaitZonebridgeRun(soa.getSerial(), 60_000);
            if (measured && i % 2 != 0) {
                bindMillis = timeBind(notify, soa.getSerial());
            }
            return new double[] {(sent - start) / 1e6, (arrived - start) / 1e6, bindMillis};
        }

        /** NOTIFYs BIND of the primary's current serial and waits until it is done (after the warm-up rounds). */
        void catchUpBind() throws Exception {
            SOARecord soa = primarySoa();
            timeBind(notify(soa), soa.getSerial());
        }

        /**
         * NOTIFYs BIND once its refresh rate limiter lets a refresh through at once; returns the milliseconds until it
         * served {@code serial}, once it has also logged the end of the transfer.
         */
        private double timeBind(byte[] notify, long serial) throws Exception {
            awaitUntil(lastBindNotify + BIND_REFRESH_TICK_NANOS);
            long start = System.nanoTime();
            lastBindNotify = start;
            notifier.send(new DatagramPacket(notify, notify.length, bind));
            double millis = (awaitBindSerial(serial, 60_000) - start) / 1e6;
            awaitBindTransferDone();
            return millis;
        }

        /** Waits until BIND has logged the end of one more transfer. */
        void awaitBindTransferDone() throws Exception {
            bindTransfers++;
            long deadline = System.currentTimeMillis() + 60_000;
            long size = -1;
            while (System.currentTimeMillis() < deadline) {
                if (Files.size(log) != size) { // read it again only when it grew
                    size = Files.size(log);
                    if (TRANSFER_DONE.matcher(Files.readString(log)).results().count() >= bindTransfers) {
                        return;
                    }
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException("the BIND secondary did not log transfer " + bindTransfers + ":\n"
                    + Files.readString(log));
        }

        /**
         * Waits until the service's Route 53 budget has a permit again: its limiter (burst 1) grants the next one a
         * permit's time after the last request was sent, and a NOTIFY before that would time the limiter.
         */
        private void awaitRoute53Permit() throws InterruptedException {
            awaitUntil(gateway.lastSent("ChangeResourceRecordSets").orElse(Long.MIN_VALUE / 2)
                    + (long) (1e9 / permitsPerSecond));
        }

        /** Waits until {@link System#nanoTime()} reaches {@code at} (when a peer's rate limiter lets a call through). */
        private static void awaitUntil(long at) throws InterruptedException {
            for (long left = at - System.nanoTime(); left > 0; left = at - System.nanoTime()) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }

        /** Waits until zonebridge has recorded a run of big.test that reached {@code serial}. */
        void awaitZonebridgeRun(long serial, long limitMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + limitMillis;
            while (board.get(zoneKey).map(ZoneStatus::serial).filter(at -> at == serial).isEmpty()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("zonebridge did not reach serial " + serial + ": "
                            + board.get(zoneKey));
                }
                Thread.sleep(2);
            }
        }

        /** Polls the BIND secondary's SOA until it serves {@code serial}; returns when that poll was sent. */
        long awaitBindSerial(long serial, long limitMillis) throws Exception {
            long deadline = System.nanoTime() + limitMillis * 1_000_000;
            long previous = 0;
            while (System.nanoTime() < deadline) {
                long sent = System.nanoTime();
                if (previous != 0) {
                    polls++;
                    pollNanos += sent - previous;
                }
                previous = sent;
                poller.send(new DatagramPacket(soaQuery, soaQuery.length, bind));
                DatagramPacket packet = new DatagramPacket(reply, reply.length);
                try {
                    poller.receive(packet);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                Message answer = new Message(Arrays.copyOf(reply, packet.getLength()));
                if (answer.getSection(Section.ANSWER).stream().anyMatch(r -> r instanceof SOARecord s
                        && s.getSerial() == serial)) {
                    return sent;
                }
                while (System.nanoTime() - sent < POLL_PERIOD_NANOS) {
                    Thread.onSpinWait(); // a sleep this short wakes up to a millisecond late here
                }
            }
            throw new IllegalStateException("the BIND secondary did not reach serial " + serial + "; its log:\n"
                    + Files.readString(log));
        }

        private SOARecord primarySoa() throws Exception {
            SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
            resolver.setPort(primary.port());
            Message answer = resolver.send(Message.newQuery(Record.newRecord(ZONE, Type.SOA, DClass.IN)));
            return (SOARecord) answer.getSection(Section.ANSWER).get(0);
        }

        /** The NOTIFY a primary sends: opcode NOTIFY, authoritative, the zone's SOA asked and answered. */
        private static byte[] notify(SOARecord soa) {
            Message message = new Message();
            message.getHeader().setOpcode(Opcode.NOTIFY);
            message.getHeader().setFlag(Flags.AA);
            message.addRecord(Record.newRecord(ZONE, Type.SOA, DClass.IN), Section.QUESTION);
            message.addRecord(soa, Section.ANSWER);
            return message.toWire();
        }
    }

    /** A second named, secondary of big.test (no NOTIFYs of its own), logging to {@code log}. */
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

    private static String rounded(double[] values) {
        return Arrays.stream(values).mapToObj(v -> Long.toString(Math.round(v))).collect(Collectors.joining(" "));
    }

    private static String decimals(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(" "));
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
