package io.zonebridge.doctor;

import io.zonebridge.secondary.BindPrimary;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Test fixture: a real BIND recursive resolver on a free loopback port that forwards every query (forward only) to
 * one server, as the VPC Resolver forwards through a rule to its targets. When the target refuses, it answers
 * SERVFAIL. Started per test class, stopped by its pid.
 */
final class ForwardingBind implements AutoCloseable {
    private final Path dir;
    private final Process process;
    private final int port;

    private ForwardingBind(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Starts named forwarding to {@code target} and waits until it answers (up to 30 s). */
    static ForwardingBind start(InetSocketAddress target) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/named"))) {
            throw new IllegalStateException("/usr/sbin/named is missing: run bin/install-test-peers");
        }
        Path dir = Files.createTempDirectory("zonebridge-forwarder-");
        int port = BindPrimary.freePort();
        Files.writeString(dir.resolve("named.conf"), "options {\n"
                + "    directory \"" + dir + "\";\n"
                + "    pid-file \"" + dir + "/named.pid\";\n"
                + "    session-keyfile \"" + dir + "/session.key\";\n"
                + "    managed-keys-directory \"" + dir + "\";\n"
                + "    listen-on port " + port + " { 127.0.0.1; };\n"
                + "    listen-on-v6 { none; };\n"
                + "    recursion yes;\n"
                + "    allow-recursion { 127.0.0.1; };\n"
                + "    dnssec-validation no;\n"
                + "    forward only;\n"
                + "    forwarders { " + target.getHostString() + " port " + target.getPort() + "; };\n"
                + "};\n");
        Process process = new ProcessBuilder("/usr/sbin/named", "-4", "-g", "-c", dir.resolve("named.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("named.log").toFile()).start();
        ForwardingBind bind = new ForwardingBind(dir, process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            if (!process.isAlive()) {
                String log = Files.readString(dir.resolve("named.log"));
                bind.close();
                throw new IllegalStateException("named (forwarder) exited: " + log);
            }
            try {
                SimpleResolver resolver = new SimpleResolver(bind.address());
                resolver.setTimeout(Duration.ofMillis(500));
                resolver.send(Message.newQuery(Record.newRecord(Name.fromString("version.bind."), Type.TXT,
                        DClass.CH)));
                return bind;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    bind.close();
                    throw new IllegalStateException("named (forwarder) did not answer within 30 s");
                }
                Thread.sleep(100);
            }
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

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
}
