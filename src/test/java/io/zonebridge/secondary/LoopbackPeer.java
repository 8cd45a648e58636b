package io.zonebridge.secondary;

import io.zonebridge.app.Eventually;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
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
 * Test fixture shared by the real name servers the tests run as primaries ({@link BindPrimary},
 * {@link KnotPrimary}): one server process on a loopback port with its own working directory and log file, waited
 * for until it answers, asked for SOA serials and (with {@code dig}, an independent client) for AXFRs, and stopped
 * by its pid. Also free ports, random TSIG secrets and running the server's tools.
 */
final class LoopbackPeer implements AutoCloseable {

    private final String name;
    private final Path dir;
    private final int port;
    private final Path logFile;
    private final Process process;

    private LoopbackPeer(String name, Path dir, int port, Path logFile, Process process) {
        this.name = name;
        this.dir = dir;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code command} (the server in the foreground) with its output into {@code log}, and waits until it
     * answers a SOA query for every one of {@code zones} on {@code port}; stops it when it does not.
     *
     * @param stamped whether each output line is written to {@code log} behind the epoch millisecond it arrived at
     *                (for servers whose own timestamps have only seconds)
     */
    static LoopbackPeer start(String name, Path dir, int port, List<String> command, Path log, boolean stamped,
            List<String> zones, Duration limit) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = stamped ? builder.start() : builder.redirectOutput(log.toFile()).start();
        if (stamped) {
            Thread copier = new Thread(() -> stampLines(process, log), name + "-log");
            copier.setDaemon(true);
            copier.start();
        }
        LoopbackPeer peer = new LoopbackPeer(name, dir, port, log, process);
        try {
            peer.awaitAnswering(zones, limit);
        } catch (Exception | AssertionError e) { // Eventually fails with an AssertionError: stop the server then too
            peer.close();
            throw e;
        }
        return peer;
    }

    Path dir() {
        return dir;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The serial the server serves for {@code zone} now. */
    long serial(String zone) throws Exception {
        Message response = resolver().send(soaQuery(zone));
        return ((SOARecord) response.getSection(Section.ANSWER).get(0)).getSerial();
    }

    /** The zone as the server serves it now, by {@code dig AXFR} with {@code options}, parsed by dnsjava. */
    List<Record> digAxfr(String zone, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/dig", "@127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(options);
        command.addAll(List.of(zone, "AXFR", "+onesoa", "+nocmd", "+nocomments", "+nostats", "+noquestion"));
        String text = run(command, null, "dnsutils").lines()
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
            throw new IllegalStateException("dig AXFR of " + zone + " from " + name + " gave no zone:\n" + text);
        }
        return records;
    }

    /** Kills the server with SIGKILL (by pid) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the server by its pid (SIGTERM, then SIGKILL after 10 s) and removes its directory. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void stampLines(Process process, Path log) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(System.currentTimeMillis() + " " + line + "\n");
                out.flush();
            }
        } catch (IOException e) {
            // the process ended or the directory was removed: nothing more to copy
        }
    }

    private void awaitAnswering(List<String> zones, Duration limit) throws Exception {
        for (String zone : zones) {
            Eventually.assertWithin(limit, () -> answers(zone), () -> name + " did not serve " + zone + ":\n" + log());
        }
    }

    /** Whether the peer answers the zone's SOA; fails at once when the process ended. */
    private boolean answers(String zone) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + log());
        }
        try {
            Message response = resolver().send(soaQuery(zone));
            return response.getRcode() == Rcode.NOERROR && !response.getSection(Section.ANSWER).isEmpty();
        } catch (IOException e) {
            return false; // not up yet
        }
    }

    private SimpleResolver resolver() throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver;
    }

    private static Message soaQuery(String zone) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(zone, Name.root), Type.SOA, DClass.IN));
    }

    /** Runs a tool to its end; its output, or an exception with the output when it fails. */
    static String run(List<String> command, String stdin, String packages) throws Exception {
        requireTool(command.get(0), packages);
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

    /** Fails (never skips) when a peer's program is missing, naming the packages that bring it. */
    static void requireTool(String path, String packages) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: run bin/install-test-peers (installs " + packages
                    + ")");
        }
    }

    static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** A port free on 127.0.0.1 for both TCP and UDP at the time of the call. */
    static int freePort() throws IOException {
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
}
