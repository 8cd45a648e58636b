package io.zonebridge.secondary;

import io.zonebridge.app.Eventually;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Test fixture: a real NSD (Debian's {@code nsd}, 4.6.1 here) serving one zone on loopback from a per-test folder,
 * keeping IXFR differences of zone-file edits ({@code store-ixfr}, {@code create-ixfr}). Run in the foreground as
 * a child process ({@link LoopbackPeer}) and stopped by its pid; a rewritten zone file is reloaded with SIGHUP.
 */
public final class NsdPrimary implements AutoCloseable {

    private final LoopbackPeer peer;
    private final String zone;

    private NsdPrimary(LoopbackPeer peer, String zone) {
        this.peer = peer;
        this.zone = zone;
    }

    /** Starts NSD serving {@code zone} from {@code text} and waits until it answers for it. */
    public static NsdPrimary start(String zone, String text) throws Exception {
        LoopbackPeer.requireTool("/usr/sbin/nsd", "nsd");
        Path dir = Files.createTempDirectory("zonebridge-nsd-");
        int port = LoopbackPeer.freePort();
        Files.writeString(dir.resolve(zone + ".zone"), text);
        Files.writeString(dir.resolve("nsd.conf"), """
                server:
                  ip-address: 127.0.0.1@%2$d
                  port: %2$d
                  do-ip6: no
                  server-count: 1
                  username: ""
                  chroot: ""
                  zonesdir: "%1$s"
                  database: ""
                  zonelistfile: "%1$s/zone.list"
                  xfrdfile: "%1$s/xfrd.state"
                  xfrdir: "%1$s"
                  pidfile: "%1$s/nsd.pid"
                  logfile: "%1$s/nsd.log"
                  verbosity: 2
                remote-control:
                  control-enable: no
                zone:
                  name: "%3$s"
                  zonefile: "%3$s.zone"
                  provide-xfr: 127.0.0.1 NOKEY
                  store-ixfr: yes
                  create-ixfr: yes
                """.formatted(dir, port, zone));
        return new NsdPrimary(LoopbackPeer.start("nsd", dir, port,
                List.of("/usr/sbin/nsd", "-d", "-c", dir.resolve("nsd.conf").toString()), dir.resolve("nsd.out"),
                false, List.of(zone), Duration.ofSeconds(20)), zone);
    }

    public int port() {
        return peer.port();
    }

    /** {@code 127.0.0.1:port}, as a primary is configured. */
    public String primary() {
        return "127.0.0.1:" + peer.port();
    }

    /** Replaces the zone file, has NSD reload it (SIGHUP to its pid) and waits for the file's serial. */
    public void rewriteZone(String text, long serial) throws Exception {
        Path file = peer.dir().resolve(zone + ".zone");
        long previous = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(file, text);
        // NSD rereads a zone file only when its mtime moved
        Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(System.currentTimeMillis(), previous + 2000)));
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(peer.pid())).start();
        if (!hup.waitFor(10, TimeUnit.SECONDS) || hup.exitValue() != 0) {
            throw new IllegalStateException("kill -HUP " + peer.pid() + " failed");
        }
        Eventually.assertWithin(Duration.ofSeconds(20), () -> servesSerial(serial),
                () -> "nsd did not serve " + zone + " at serial " + serial + ":\n" + log());
    }

    /** The zone as NSD serves it now, by an AXFR through dnsjava's transfer client (not the project's). */
    public List<Record> axfr() throws Exception {
        ZoneTransferIn transfer = ZoneTransferIn.newAXFR(Name.fromString(zone, Name.root),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port()), null);
        transfer.setTimeout(Duration.ofSeconds(10));
        transfer.run();
        List<Record> records = transfer.getAXFR();
        return records.subList(0, records.size() - 1); // without the closing SOA
    }

    /** NSD's own log file, then its standard output and error. */
    public String log() {
        try {
            return Files.readString(peer.dir().resolve("nsd.log")) + peer.log();
        } catch (IOException e) {
            return "(no nsd.log: " + e + ")\n" + peer.log();
        }
    }

    private boolean servesSerial(long serial) {
        if (!peer.isAlive()) {
            throw new IllegalStateException("nsd exited:\n" + log());
        }
        try {
            return peer.serial(zone) == serial;
        } catch (Exception e) {
            return false; // reloading
        }
    }

    /** Stops NSD by its pid (SIGTERM, then SIGKILL after 10 s) and removes its folder. */
    @Override
    public void close() throws Exception {
        peer.close();
    }
}
