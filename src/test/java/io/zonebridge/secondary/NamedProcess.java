package io.zonebridge.secondary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every BIND the tests run has in common ({@link BindPrimary}, {@link ForwardingBind}): {@code named -4 -g} in
 * its own temporary directory on a free loopback port, its options confined to that directory and port, waited for
 * until it answers for its zones, and stopped by its pid. A missing {@code named} is a failure, never a skip.
 *
 * @param dir  the working directory (named.conf, zone files, named.log)
 * @param port the loopback port named listens on (UDP and TCP)
 */
record NamedProcess(Path dir, int port) {

    static final String PACKAGES = "bind9 bind9-utils dnsutils";

    private static final String NAMED = "/usr/sbin/named";

    /** A new working directory and free port for one named; fails when named is not installed. */
    static NamedProcess prepare(String kind) throws Exception {
        LoopbackPeer.requireTool(NAMED, PACKAGES);
        return new NamedProcess(Files.createTempDirectory("zonebridge-" + kind + "-"), LoopbackPeer.freePort());
    }

    /** The option lines that keep named inside its directory and on its loopback port (IPv4 only). */
    String localOptions() {
        return "    directory \"" + dir + "\";\n"
                + "    pid-file \"" + dir + "/named.pid\";\n"
                + "    session-keyfile \"" + dir + "/session.key\";\n"
                + "    managed-keys-directory \"" + dir + "\";\n"
                + "    listen-on port " + port + " { 127.0.0.1; };\n"
                + "    listen-on-v6 { none; };\n";
    }

    /**
     * Writes {@code conf} as named.conf, starts named in the foreground with {@code flags} (its output into
     * named.log) and waits up to {@code limit} until it answers for every one of {@code zones}.
     */
    LoopbackPeer start(String name, String conf, List<String> flags, List<String> zones, Duration limit)
            throws Exception {
        Path file = Files.writeString(dir.resolve("named.conf"), conf);
        List<String> command = new ArrayList<>(List.of(NAMED, "-4", "-g"));
        command.addAll(flags);
        command.addAll(List.of("-c", file.toString()));
        return LoopbackPeer.start(name, dir, port, command, dir.resolve("named.log"), false, zones, limit);
    }
}
