package io.zonebridge.secondary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.xbill.DNS.Record;

/**
 * Test fixture: a real Knot DNS primary ({@code knotd}) on a loopback port, with its own working directory,
 * configuration, zone files, journal (zone-file differences become IXFRs) and control socket. It sends NOTIFY over
 * TCP to 127.0.0.1 on the given port, TSIG-signed with the given key for the zones named so; transfers are allowed
 * from 127.0.0.1 with or without the key. Its log lines carry the millisecond they arrived at. Stopped by pid.
 */
public final class KnotPrimary implements AutoCloseable {

    private static final String PACKAGES = "knot";

    private final LoopbackPeer peer;

    private KnotPrimary(LoopbackPeer peer) {
        this.peer = peer;
    }

    /**
     * Starts knotd on {@code port} serving {@code zones} (name to zone-file text), sending NOTIFY to
     * 127.0.0.1:{@code notifyPort}, signed with {@code key} for the zones in {@code signedNotify}, and waits until it
     * answers for every zone.
     */
    public static KnotPrimary start(int port, int notifyPort, TsigKeySpec key, Map<String, String> zones,
            Set<String> signedNotify) throws Exception {
        LoopbackPeer.requireTool("/usr/sbin/knotd", PACKAGES);
        Path dir = Files.createTempDirectory("zonebridge-knot-");
        Files.createDirectories(dir.resolve("db"));
        StringBuilder zoneList = new StringBuilder();
        for (Map.Entry<String, String> zone : zones.entrySet()) {
            Files.writeString(dir.resolve(zone.getKey() + ".zone"), zone.getValue());
            zoneList.append("  - domain: ").append(zone.getKey()).append("\n    notify: ")
                    .append(signedNotify.contains(zone.getKey()) ? "zonebridge-signed" : "zonebridge").append('\n');
        }
        // An ACL entry without a key does not match a signed request: one for each.
        Files.writeString(dir.resolve("knot.conf"), """
                server:
                    rundir: "%1$s"
                    pidfile: "%1$s/knot.pid"
                    listen: 127.0.0.1@%2$d
                control:
                    listen: "%1$s/knot.sock"
                log:
                  - target: stdout
                    any: info
                database:
                    storage: "%1$s/db"
                key:
                  - id: %7$s
                    algorithm: %4$s
                    secret: %5$s
                remote:
                  - id: zonebridge
                    address: 127.0.0.1@%3$d
                  - id: zonebridge-signed
                    address: 127.0.0.1@%3$d
                    key: %7$s
                acl:
                  - id: transfer-from-loopback
                    address: 127.0.0.1
                    action: transfer
                  - id: transfer-with-key
                    address: 127.0.0.1
                    key: %7$s
                    action: transfer
                template:
                  - id: default
                    storage: "%1$s"
                    file: "%%s.zone"
                    zonefile-load: difference
                    journal-content: changes
                    zonefile-sync: -1
                    acl: [transfer-from-loopback, transfer-with-key]
                zone:
                %6$s""".formatted(dir, port, notifyPort, key.algorithm(), key.secretBase64(), zoneList,
                key.name()));
        Files.writeString(dir.resolve("xfr-key.conf"), "key \"" + key.name() + "\" { algorithm " + key.algorithm()
                + "; secret \"" + key.secretBase64() + "\"; };\n");
        return new KnotPrimary(LoopbackPeer.start("knotd", dir, port,
                List.of("/usr/sbin/knotd", "-c", dir.resolve("knot.conf").toString()), dir.resolve("knot.log"), true,
                new ArrayList<>(zones.keySet()), Duration.ofSeconds(30)));
    }

    /** A loopback port free for Knot (TCP and UDP). */
    public static int freePort() throws Exception {
        return LoopbackPeer.freePort();
    }

    public String primary() {
        return "127.0.0.1:" + peer.port();
    }

    public long pid() {
        return peer.pid();
    }

    /** Knot's log so far, every line behind the epoch millisecond it arrived at. */
    public String log() {
        return peer.log();
    }

    /** The lines of Knot's log that tell a NOTIFY failed (Knot then sends it again every SOA retry). */
    public List<String> failedNotifies() {
        return log().lines().filter(line -> line.contains("notify") && line.contains("failed")).toList();
    }

    /** The epoch millisecond the first log line holding every one of {@code fragments} arrived, if one has. */
    public OptionalLong lineArrival(String... fragments) {
        return log().lines().filter(line -> List.of(fragments).stream().allMatch(line::contains))
                .mapToLong(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).findFirst();
    }

    /** Replaces a zone's file and has Knot reload it (Knot keeps the difference in its journal, for IXFR). */
    public void rewriteZone(String zone, String text) throws Exception {
        Files.writeString(peer.dir().resolve(zone + ".zone"), text);
        LoopbackPeer.run(List.of("/usr/sbin/knotc", "-s", peer.dir().resolve("knot.sock").toString(), "zone-reload",
                zone), null, PACKAGES);
    }

    /** The serial Knot serves for {@code zone} now. */
    public long serial(String zone) throws Exception {
        return peer.serial(zone);
    }

    /** The zone as Knot serves it now, by {@code dig AXFR} (an independent client). */
    public List<Record> digAxfr(String zone) throws Exception {
        return peer.digAxfr(zone, List.of());
    }

    /** {@link #digAxfr(String)} signed with the key. */
    public List<Record> digAxfrWithKey(String zone) throws Exception {
        return peer.digAxfr(zone, List.of("-k", peer.dir().resolve("xfr-key.conf").toString()));
    }

    /** Stops knotd by its pid and removes its directory. */
    @Override
    public void close() throws Exception {
        peer.close();
    }
}
