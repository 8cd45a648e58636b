package io.zonebridge.secondary;

import io.zonebridge.app.Eventually;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Test fixture: a real NSD (Debian's {@code nsd}, 4.6.1 here) serving one zone on loopback from a per-test folder,
 * keeping IXFR differences of zone-file edits ({@code store-ixfr}, {@code create-ixfr}). Run in the foreground as
 * a child process and stopped by its pid; a rewritten zone file is reloaded with SIGHUP.
 */
public final class NsdPrimary implements AutoCloseable {

    private static final Path NSD = Path.of("/usr/sbin/nsd");

    private final Path dir;
    private final String zone;
    private final int port;
    private final Process process;

    private NsdPrimary(Path dir, String zone, int port, Process process) {
        this.dir = dir;
        this.zone = zone;
        this.port = port;
        this.process = process;
    }

    /** Starts NSD serving {@code zone} from {@code text} and waits until it answers for it. */
    public static NsdPrimary start(String zone, String text) throws Exception {
        if (!Files.isExecutable(NSD)) {
            throw new IllegalStateException(NSD + " is missing: run bin/install-test-peers (installs nsd)");
        }
        Path dir = Files.createTempDirectory("zonebridge-nsd-");
        int port = BindPrimary.freePort();
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
        Process process = new ProcessBuilder(NSD.toString(), "-d", "-c", dir.resolve("nsd.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nsd.out").toFile()).start();
        NsdPrimary nsd = new NsdPrimary(dir, zone, port, process);
        try {
            nsd.awaitSerial(null);
        } catch (Exception e) {
            nsd.close();
            throw e;
        }
        return nsd;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as a primary is configured. */
    public String primary() {
        return "127.0.0.1:" + port;
    }

    /** Replaces the zone file, has NSD reload it (SIGHUP to its pid) and waits for the file's serial. */
    public void rewriteZone(String text, long serial) throws Exception {
        Path file = dir.resolve(zone + ".zone");
        long previous = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(file, text);
        // NSD rereads a zone file only when its mtime moved
        Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(System.currentTimeMillis(), previous + 2000)));
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
        if (!hup.waitFor(10, TimeUnit.SECONDS) || hup.exitValue() != 0) {
            throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
        }
        awaitSerial(serial);
    }

    /** The zone as NSD serves it now, by an AXFR through dnsjava's transfer client (not the project's). */
    public List<Record> axfr() throws Exception {
        ZoneTransferIn transfer = ZoneTransferIn.newAXFR(Name.fromString(zone, Name.root),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null);
        transfer.setTimeout(Duration.ofSeconds(10));
        transfer.run();
        List<Record> records = transfer.getAXFR();
        return records.subList(0, records.size() - 1); // without the closing SOA
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("nsd.log")) + Files.readString(dir.resolve("nsd.out"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Waits until NSD answers for the zone (with {@code serial}, unless null). */
    private void awaitSerial(Long serial) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        resolver.setTimeout(Duration.ofSeconds(1));
        Eventually.assertWithin(Duration.ofSeconds(20), () -> serves(resolver, serial),
                () -> "nsd did not serve " + zone + (serial == null ? "" : " at serial " + serial) + ":\n" + log());
    }

    /** Whether NSD answers the zone's SOA (with {@code serial}, unless null); fails at once when it ended. */
    private boolean serves(SimpleResolver resolver, Long serial) {
        if (!process.isAlive()) {
            throw new IllegalStateException("nsd exited with " + process.exitValue() + ":\n" + log());
        }
        try {
            Message response = resolver.send(Message.newQuery(
                    Record.newRecord(Name.fromString(zone, Name.root), Type.SOA, DClass.IN)));
            return response.getRcode() == Rcode.NOERROR && !response.getSection(Section.ANSWER).isEmpty()
                    && (serial == null || ((SOARecord) response.getSection(Section.ANSWER).get(0)).getSerial() == serial);
        } catch (IOException e) {
            return false; // not up yet
        }
    }

    /** Stops NSD by its pid (SIGTERM, then SIGKILL after 10 s) and removes its folder. */
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
