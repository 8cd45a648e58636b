package io.zonebridge.secondary;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Test fixture: a real BIND recursive resolver on a free loopback port that forwards every query (forward only) to
 * one server, as the VPC Resolver forwards through a rule to its targets. When the target refuses, it answers
 * SERVFAIL. One {@link LoopbackPeer} like {@link BindPrimary}: started per test class, stopped by its pid.
 */
public final class ForwardingBind implements AutoCloseable {

    private final LoopbackPeer peer;

    private ForwardingBind(LoopbackPeer peer) {
        this.peer = peer;
    }

    /** Starts named forwarding to {@code target} and waits until it answers for {@code zone}, a zone served there. */
    public static ForwardingBind start(InetSocketAddress target, String zone) throws Exception {
        LoopbackPeer.requireTool("/usr/sbin/named", "bind9 bind9-utils dnsutils");
        Path dir = Files.createTempDirectory("zonebridge-forwarder-");
        int port = LoopbackPeer.freePort();
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
        return new ForwardingBind(LoopbackPeer.start("named (forwarder)", dir, port, List.of("/usr/sbin/named", "-4",
                "-g", "-c", dir.resolve("named.conf").toString()), dir.resolve("named.log"), false, List.of(zone),
                Duration.ofSeconds(30)));
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", peer.port());
    }

    @Override
    public void close() throws Exception {
        peer.close();
    }
}
