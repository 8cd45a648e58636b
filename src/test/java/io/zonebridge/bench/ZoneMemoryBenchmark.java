package io.zonebridge.bench;

import io.zonebridge.app.Eventually;
import io.zonebridge.app.Route53Connection;
import io.zonebridge.secondary.BindPrimary;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Benchmark (not a test): the service's memory with many secondary zones. A real BIND primary serves {@code zones}
 * zones of {@code sets} record sets each (A, AAAA, TXT, MX, CNAME); the local Route 53 runs in a process of its own
 * (its memory is not counted; unthrottled, and the service's budget raised to match, so the initial syncs take
 * minutes, not hours); the service runs in another process with the container's JVM settings for a
 * {@code limitMb} task (the Dockerfile's JAVA_OPTS and {@code -XX:MaxRAM}), from the shipped configuration and
 * routes, every zone a secondary of the BIND primary. Two starts: into empty hosted zones (the first sync creates
 * every set), then a restart against the filled ones (the first sync reads every hosted zone whole into its view,
 * AXFRs every zone and finds nothing to change). After each start's readiness (every zone synced once) a full GC,
 * then one line per start: {@code memory zones=… sets_per_zone=… hosted_zones=empty|filled heap_used_mb=…
 * heap_committed_mb=… rss_mb=… limit_mb=…} (heap from {@code jcmd GC.heap_info}, RSS from /proc/PID/status
 * VmRSS of the service's JVM), and the largest classes of its heap ({@code jcmd GC.class_histogram}). A service
 * whose heap is too small stops making progress (each collection frees almost nothing) instead of failing: when no
 * zone has finished its first sync for four minutes it is measured as it is, with {@code synced_zones=…} in the line;
 * one that exits (the container flags exit on OutOfMemoryError) is reported with the figures sampled last.
 *
 * <p>Arguments: {@code [zones=100] [sets=10000] [limitMb=512] [histogramLines=12]}.
 */
public final class ZoneMemoryBenchmark {

    /** The Dockerfile's ENTRYPOINT and JAVA_OPTS flags (the CDS archive aside: it exists only in the image). */
    private static final List<String> CONTAINER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseContainerSupport",
            "-XX:MaxRAMPercentage=60", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "-XX:ReservedCodeCacheSize=64m", "-Xss512k");
    /** How long no zone may finish its first sync before the service counts as stalled. */
    private static final Duration STALL = Duration.ofMinutes(4);
    /** How often the heap and RSS of a service not yet ready are sampled (reported when it exits). */
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(15);
    /** The log line of a zone's first sync. */
    private static final Pattern FIRST_SYNC = Pattern.compile("(?m) zone \\S+ \\(start\\): ");
    private static final Pattern HEAP_LINE = Pattern.compile(
            "(?m)^\\s*(?:def new|tenured) generation\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    private ZoneMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int zones = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int sets = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int limitMb = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int histogramLines = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        Path dir = Files.createTempDirectory("zonebridge-bench-memory-");
        int notifyPort = BindPrimary.freePort();
        Map<String, String> zoneTexts = new LinkedHashMap<>();
        for (int i = 0; i < zones; i++) {
            String zone = String.format(Locale.ROOT, "z%03d.bench", i);
            zoneTexts.put(zone, zoneText(zone, sets));
        }
        Process route53 = null;
        try (BindPrimary bind = startBind(notifyPort, zoneTexts)) {
            int route53Port = BindPrimary.freePort();
            route53 = java(List.of("-Xmx6g", "-XX:+UseParallelGC"), testClassPath(), List.of("local", "--port",
                    Integer.toString(route53Port), "--dns-port", "-1"), dir.resolve("route53.log"));
            String endpoint = "http://127.0.0.1:" + route53Port;
            awaitPort(route53, route53Port, dir.resolve("route53.log"));
            Path config = dir.resolve("zonebridge.yaml");
            Files.writeString(config, config(endpoint, notifyPort, bind.primary(), createZones(endpoint,
                    zoneTexts.keySet())));
            System.out.printf(Locale.ROOT, "%d zones of %,d record sets on BIND; service: %s -XX:MaxRAM=%dm%n", zones,
                    sets, String.join(" ", CONTAINER_FLAGS), limitMb);
            for (String hostedZones : List.of("empty", "filled")) {
                if (!measure(dir, config, hostedZones, zones, sets, limitMb, histogramLines)) {
                    break; // the hosted zones are not all filled: a restart would measure nothing new
                }
            }
        } finally {
            if (route53 != null) {
                route53.destroy();
                route53.waitFor(30, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** BIND with the zones; tried three times: on a busy machine it may take longer to load them than it is given. */
    private static BindPrimary startBind(int notifyPort, Map<String, String> zones) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return BindPrimary.start(notifyPort, zones);
            } catch (AssertionError slow) {
                if (attempt == 3) {
                    throw slow;
                }
                System.out.println("BIND did not load " + zones.size() + " zones in time; starting it again");
            }
        }
    }

    /**
     * One start of the service until ready (or stalled), measured, then stopped (SIGTERM); whether every zone
     * synced.
     */
    private static boolean measure(Path dir, Path config, String hostedZones, int zones, int sets, int limitMb,
                                int histogramLines) throws Exception {
        int managementPort = BindPrimary.freePort();
        Path log = dir.resolve("service-" + hostedZones + ".log");
        List<String> flags = new ArrayList<>(CONTAINER_FLAGS);
        flags.add("-XX:MaxRAM=" + limitMb + "m");
        long start = System.nanoTime();
        Process service = java(flags, serviceClassPath(), List.of("run", "--config", config.toString()), log,
                "CAMEL_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            Figures[] sampled = new Figures[1];
            int synced = awaitReady(service, managementPort, log, zones, sampled);
            double seconds = (System.nanoTime() - start) / 1e9;
            String outcome;
            Figures figures;
            if (!service.isAlive()) {
                outcome = "exited (" + service.exitValue() + ", " + (Files.readString(log).contains("OutOfMemoryError")
                        ? "OutOfMemoryError" : "see its log") + ") with " + synced + " zones synced; figures sampled last";
                figures = sampled[0];
            } else {
                outcome = synced == zones ? "every zone synced once" : "STALLED: no zone synced for " + STALL
                        + " (heap full, collecting without end) with " + synced + " zones synced";
                jcmd(service.pid(), "GC.run");
                figures = Figures.of(service.pid());
                System.out.printf(Locale.ROOT, "max heap %d MB%n", maxHeapMb(service.pid()));
            }
            System.out.printf(Locale.ROOT, "%s hosted zones: %s after %.0f s%n", hostedZones, outcome, seconds);
            if (figures == null) {
                return false;
            }
            System.out.printf(Locale.ROOT, "memory zones=%d sets_per_zone=%d hosted_zones=%s%s heap_used_mb=%d"
                    + " heap_committed_mb=%d rss_mb=%d limit_mb=%d%n", zones, sets, hostedZones,
                    synced == zones ? "" : " synced_zones=" + synced + (service.isAlive() ? "" : " exited=yes"),
                    figures.usedKb() / 1024, figures.committedKb() / 1024, figures.rssKb() / 1024, limitMb);
            if (!service.isAlive()) {
                return false;
            }
            if (histogramLines > 0) {
                jcmd(service.pid(), "GC.class_histogram").lines().skip(1).limit(histogramLines + 2L)
                        .forEach(line -> System.out.println("  " + line));
            }
            return synced == zones;
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** {@code sets} record sets of a zone: apex SOA and NS, ns1 A, then a mix of A, AAAA, TXT, MX and CNAME. */
    static String zoneText(String zone, int sets) {
        StringBuilder text = new StringBuilder(sets * 48);
        text.append("$TTL 300\n@ IN SOA ns1.").append(zone).append(". hostmaster.").append(zone)
                .append(". 1 3600 600 86400 60\n@ IN NS ns1.").append(zone).append(".\nns1 IN A 192.0.2.1\n");
        for (int i = 0; i < sets - 3; i++) {
            String name = "host-" + i;
            switch (i % 10) {
                case 0, 1, 2, 3, 4 -> {
                    text.append(name).append(" IN A 10.").append(i >> 16 & 255).append('.').append(i >> 8 & 255)
                            .append('.').append(i & 255).append('\n');
                    if (i % 20 == 0) {
                        text.append(name).append(" IN A 10.200.").append(i >> 8 & 255).append('.')
                                .append(i & 255).append('\n');
                    }
                }
                case 5, 6 -> text.append(name).append(" IN AAAA 2001:db8::").append(Integer.toHexString(i))
                        .append('\n');
                case 7 -> text.append(name).append(" IN TXT \"owner=team-").append(i % 37).append(" id=")
                        .append(i).append("\"\n");
                case 8 -> text.append(name).append(" 3600 IN MX 10 host-").append(i - 8).append('.').append(zone)
                        .append(".\n"); // an exchange with an address: BIND logs every one without
                default -> text.append(name).append(" IN CNAME host-").append(i - 1).append('.').append(zone)
                        .append(".\n");
            }
        }
        return text.toString();
    }

    private static String config(String endpoint, int notifyPort, String primary, Map<String, String> hostedZoneIds) {
        StringBuilder yaml = new StringBuilder("""
                route53: { endpoint: %s, rateLimitPerSecond: 1000 }
                secondary:
                  notify: { listen: 127.0.0.1:%d, allowFrom: [127.0.0.1] }
                  defaults: { primaries: [%s], transferTimeout: 5m }
                  zones:
                """.formatted(endpoint, notifyPort, primary));
        hostedZoneIds.forEach((zone, id) -> yaml.append("    - { name: ").append(zone).append(", hostedZone: { id: ")
                .append(id).append(" } }\n"));
        return yaml.toString();
    }

    /** Creates an empty hosted zone per zone; returns their ids. */
    private static Map<String, String> createZones(String endpoint, Iterable<String> zones) {
        Map<String, String> ids = new LinkedHashMap<>();
        try (Route53Client client = Route53Client.builder().endpointOverride(URI.create(endpoint))
                .region(Region.AWS_GLOBAL).credentialsProvider(Route53Connection.localCredentials()).build()) {
            for (String zone : zones) {
                String id = client.createHostedZone(b -> b.name(zone).callerReference(UUID.randomUUID().toString()))
                        .hostedZone().id();
                ids.put(zone, id.substring(id.lastIndexOf('/') + 1));
            }
        }
        return ids;
    }

    private static Process java(List<String> flags, String classPath, List<String> args, Path log, String... env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, "io.zonebridge.cli.ZonebridgeCommand"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        for (int i = 0; i + 1 < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        return builder.start();
    }

    private static String testClassPath() {
        return System.getProperty("java.class.path");
    }

    /** The service's class path: the bench's without the test classes. */
    private static String serviceClassPath() {
        return Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void awaitPort(Process process, int port, Path log) throws Exception {
        Eventually.assertWithin(Duration.ofMinutes(2), () -> {
            try {
                alive(process, log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, () -> "something listening on port " + port + " (service log " + log + ")");
    }

    /**
     * Waits until the service's readiness check is UP (every configured zone synced once: returns {@code zones}), it
     * exits, or no zone has finished its first sync for {@link #STALL}; returns how many have. Samples the service's
     * heap and RSS into {@code sampled} every {@link #SAMPLE_EVERY} meanwhile.
     */
    private static int awaitReady(Process service, int managementPort, Path log, int zones, Figures[] sampled)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/observe/health/ready")).timeout(Duration.ofSeconds(10)).build();
        int synced = 0;
        long progressAt = System.nanoTime();
        long sampledAt = 0;
        while (System.nanoTime() - progressAt < STALL.toNanos()) {
            int now = (int) FIRST_SYNC.matcher(Files.readString(log)).results().count();
            if (now > synced) {
                synced = now;
                progressAt = System.nanoTime();
            }
            if (!service.isAlive()) {
                return synced;
            }
            if (System.nanoTime() - sampledAt > SAMPLE_EVERY.toNanos()) {
                try {
                    sampled[0] = Figures.of(service.pid());
                } catch (Exception exiting) {
                    // the next round sees whether it exited
                }
                sampledAt = System.nanoTime();
            }
            try { // ready, and every zone's first sync logged: readiness counts the zones scheduled so far
                if (synced >= zones && http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return zones;
                }
            } catch (IOException notYet) {
                // not listening yet, or too busy to answer
            }
            service.waitFor(1, TimeUnit.SECONDS); // wakes at once when the service exits
        }
        return synced;
    }

    /** Heap used and committed (after the last collection, none forced) and RSS of a JVM, in kB. */
    private record Figures(long usedKb, long committedKb, long rssKb) {
        static Figures of(long pid) throws Exception {
            String heap = jcmd(pid, "GC.heap_info");
            long committedKb = 0;
            long usedKb = 0;
            Matcher m = HEAP_LINE.matcher(heap);
            while (m.find()) {
                committedKb += Long.parseLong(m.group(1));
                usedKb += Long.parseLong(m.group(2));
            }
            Matcher rss = VM_RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            if (committedKb == 0 || !rss.find()) {
                throw new IllegalStateException("no heap or RSS figures for process " + pid + ":\n" + heap);
            }
            return new Figures(usedKb, committedKb, Long.parseLong(rss.group(1)));
        }
    }

    private static void alive(Process process, Path log) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("process " + process.pid() + " exited with " + process.exitValue()
                    + ":\n" + tail(log));
        }
    }

    private static long maxHeapMb(long pid) throws Exception {
        Matcher m = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)").matcher(jcmd(pid, "VM.flags", "-all"));
        return m.find() ? Long.parseLong(m.group(1)) / (1024 * 1024) : -1;
    }

    private static String jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
