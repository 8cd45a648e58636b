package io.zonebridge.secondary;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Test fixture: a real BIND recursive resolver on a free loopback port that forwards every query (forward only) to
 * one server, as the VPC Resolver forwards through a rule to its targets. When the target refuses, it answers
 * SERVFAIL. Started like {@link BindPrimary} ({@link NamedProcess}), per test class, stopped by its pid.
 */
public final class ForwardingBind implements AutoCloseable {

    private final LoopbackPeer peer;

    private ForwardingBind(LoopbackPeer peer) {
        this.peer = peer;
    }

    /** Starts named forwarding to {@code target} and waits until it answers for {@code zone}, a zone served there. */
    public static ForwardingBind start(InetSocketAddress target, String zone) throws Exception {
        NamedProcess named = NamedProcess.prepare("forwarder");
        String conf = "options {\n" + named.localOptions()
                + "    recursion yes;\n"
                + "    allow-recursion { 127.0.0.1; };\n"
                + "    dnssec-validation no;\n"
                + "    forward only;\n"
                + "    forwarders { " + target.getHostString() + " port " + target.getPort() + "; };\n"
                + "};\n";
        return new ForwardingBind(named.start("named (forwarder)", conf, List.of(), List.of(zone),
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
