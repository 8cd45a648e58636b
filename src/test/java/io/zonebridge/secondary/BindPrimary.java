package io.zonebridge.secondary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Test fixture: a real BIND primary ({@code named -4 -g}) on a free loopback port, with its own working directory,
 * named.conf and zone files (from {@code src/test/resources/bind/}), a TSIG key {@code xfr-key} and an rndc
 * channel. It sends NOTIFYs to 127.0.0.1 on the given port. Stopped by pid; never shared between test classes.
 */
public final class BindPrimary implements AutoCloseable {

    public static final String[] BUILT_IN_ZONES = {"example.test", "reload.test", "dyn.test", "secure.test"};

    private final Path dir;
    private final int port;
    private final int controlPort;
    private final TsigKeySpec xfrKey;
    private final Process process;

    private BindPrimary(Path dir, int port, int controlPort, TsigKeySpec xfrKey, Process process) {
        this.dir = dir;
        this.port = port;
        this.controlPort = controlPort;
        this.xfrKey = xfrKey;
        this.process = process;
    }

    /** Starts named with the built-in zones. */
    public static BindPrimary start(int notifyPort) throws Exception {
        return start(notifyPort, Map.of());
    }

    /**
     * Starts named with the built-in zones plus {@code extraZones} (zone name to zone-file text; transferable
     * from 127.0.0.1 without a key) and waits until it answers for every zone.
     */
    public static BindPrimary start(int notifyPort, Map<String, String> extraZones) throws Exception {
        return start(notifyPort, extraZones, newXfrKey());
    }

    /** A fresh random {@code xfr-key} (hmac-sha256), to configure a client before named starts. */
    public static TsigKeySpec newXfrKey() {
        return new TsigKeySpec("xfr-key", "hmac-sha256", randomSecret());
    }

    /** Like {@link #start(int, Map)}, with the given {@code xfr-key}. */
    public static BindPrimary start(int notifyPort, Map<String, String> extraZones, TsigKeySpec xfrKey) throws Exception {
        return start(notifyPort, extraZones, xfrKey, Map.of());
    }

    /**
     * Like {@link #start(int, Map, TsigKeySpec)}, with extra statements inside some extra zones' blocks (zone name
     * to statements, e.g. {@code notify no;} or {@code allow-transfer { key "xfr-key"; };}).
     */
    public static BindPrimary start(int notifyPort, Map<String, String> extraZones, TsigKeySpec xfrKey,
            Map<String, String> zoneStatements) throws Exception {
        requireTool("/usr/sbin/named");
        Path dir = Files.createTempDirectory("zonebridge-bind-");
        for (String zone : BUILT_IN_ZONES) {
            Files.writeString(dir.resolve(zone + ".db"), resource(zone + ".db"));
        }
        StringBuilder extra = new StringBuilder();
        for (Map.Entry<String, String> zone : extraZones.entrySet()) {
            Files.writeString(dir.resolve(zone.getKey() + ".db"), zone.getValue());
            extra.append("zone \"").append(zone.getKey()).append("\" { type primary; file \"")
                    .append(zone.getKey()).append(".db\"; ")
                    .append(zoneStatements.getOrDefault(zone.getKey(), "")).append(" };\n");
        }
        String xfrSecret = xfrKey.secretBase64();
        String rndcSecret = randomSecret();
        int port = freePort();
        int controlPort = freePort();
        String conf = resource("named.conf.template")
                .replace("@DIR@", dir.toString())
                .replace("@PORT@", Integer.toString(port))
                .replace("@NOTIFY_PORT@", Integer.toString(notifyPort))
                .replace("@CONTROL_PORT@", Integer.toString(controlPort))
                .replace("@XFR_SECRET@", xfrSecret)
                .replace("@RNDC_SECRET@", rndcSecret)
                .replace("@EXTRA_ZONES@", extra.toString());
        Files.writeString(dir.resolve("named.conf"), conf);
        Files.writeString(dir.resolve("rndc.conf"), "key \"rndc-key\" { algorithm hmac-sha256; secret \"" + rndcSecret
                + "\"; };\noptions { default-key \"rndc-key\"; default-server 127.0.0.1; default-port "
                + controlPort + "; };\n");
        Files.writeString(dir.resolve("xfr-key.conf"),
                "key \"xfr-key\" { algorithm hmac-sha256; secret \"" + xfrSecret + "\"; };\n");
        // -d 3: named then logs each NOTIFY response it gets ("notify response from ...: NOERROR"), which tests check.
        Process process = new ProcessBuilder("/usr/sbin/named", "-4", "-g", "-d", "3",
                "-c", dir.resolve("named.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("named.log").toFile())
                .start();
        BindPrimary bind = new BindPrimary(dir, port, controlPort, xfrKey, process);
        try {
            List<String> zones = new ArrayList<>(List.of(BUILT_IN_ZONES));
            zones.addAll(extraZones.keySet());
            bind.awaitAnswering(zones, Duration.ofSeconds(30));
        } catch (Exception e) {
            bind.close();
            throw e;
        }
        return bind;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public TsigKeySpec xfrKey() {
        return xfrKey;
    }

    public Path zoneFile(String zone) {
        return dir.resolve(zone + ".db");
    }

    public String primary() {
        return "127.0.0.1:" + port;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("named.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Replaces a zone's file and has named reload it (named computes the IXFR difference). */
    public void rewriteZone(String zone, String text) throws Exception {
        Path file = zoneFile(zone);
        long previous = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(file, text);
        // named skips a reload when the file's mtime has not moved; make sure it has.
        Files.setLastModifiedTime(file, FileTime.fromMillis(
                Math.max(System.currentTimeMillis(), previous + 2000)));
        run(List.of("/usr/sbin/rndc", "-c", dir.resolve("rndc.conf").toString(), "reload", zone), null);
    }

    /** Runs nsupdate with xfr-key against this server; {@code commands} without the server line and send. */
    public void nsupdate(String commands) throws Exception {
        run(List.of("/usr/bin/nsupdate", "-k", dir.resolve("xfr-key.conf").toString()),
                "server 127.0.0.1 " + port + "\n" + commands + "\nsend\n");
    }

    /** The zone as named serves it now, by {@code dig AXFR} (an independent client), parsed by dnsjava. */
    public List<Record> digAxfr(String zone) throws Exception {
        return digAxfr(zone, List.of());
    }

    /** {@link #digAxfr(String)} signed with {@code xfr-key}. */
    public List<Record> digAxfrWithKey(String zone) throws Exception {
        return digAxfr(zone, List.of("-k", dir.resolve("xfr-key.conf").toString()));
    }

    private List<Record> digAxfr(String zone, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/dig", "@127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(options);
        command.addAll(List.of(zone, "AXFR", "+onesoa", "+nocmd", "+nocomments", "+nostats", "+noquestion"));
        String text = run(command, null).lines()
                .filter(line -> !line.matches(".*\\sANY\\s+TSIG\\s.*")) // dig prints the transfer's signatures
                .collect(Collectors.joining("\n", "", "\n"));
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Name.fromString(zone, Name.root))) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        if (records.isEmpty() || records.get(0).getType() != Type.SOA) {
            throw new IllegalStateException("dig AXFR of " + zone + " gave no zone:\n" + text);
        }
        return records;
    }

    /** The serial named serves for {@code zone} now. */
    public long serial(String zone) throws Exception {
        Message response = resolver().send(Message.newQuery(
                Record.newRecord(Name.fromString(zone, Name.root), Type.SOA, DClass.IN)));
        return ((SOARecord) response.getSection(Section.ANSWER).get(0)).getSerial();
    }

    /** Kills named with SIGKILL (by pid) and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops named by its pid (SIGTERM, then SIGKILL after 10 s) and removes its directory. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private SimpleResolver resolver() throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver;
    }

    private void awaitAnswering(List<String> zones, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        for (String zone : zones) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("named exited with " + process.exitValue() + ":\n" + log());
                }
                try {
                    Message response = resolver().send(Message.newQuery(
                            Record.newRecord(Name.fromString(zone, Name.root), Type.SOA, DClass.IN)));
                    if (response.getRcode() == Rcode.NOERROR
                            && !response.getSection(Section.ANSWER).isEmpty()) {
                        break;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("named did not serve " + zone + " within " + limit + ":\n" + log());
                }
                Thread.sleep(100);
            }
        }
    }

    private String run(List<String> command, String stdin) throws Exception {
        requireTool(command.get(0));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static void requireTool(String path) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: run bin/install-test-peers (installs bind9 bind9-utils"
                    + " dnsutils)");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BindPrimary.class.getResourceAsStream("/bind/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /bind/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static String resourceText(String name) throws IOException {
        return resource(name);
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** A port free on 127.0.0.1 for both TCP and UDP at the time of the call. */
    public static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 50, loopback)) {
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, candidate))) {
                    return candidate;
                } catch (IOException e) {
                    // UDP side taken; try another
                }
            }
        }
        throw new IOException("no free loopback port found");
    }

    public static Map<String, String> zones(String... nameAndText) {
        Map<String, String> zones = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            zones.put(nameAndText[i], nameAndText[i + 1]);
        }
        return zones;
    }
}
