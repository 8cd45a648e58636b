package io.zonebridge.secondary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;

/**
 * Test fixture: a real BIND primary ({@code named -4 -g}) on a free loopback port, with its own working directory,
 * named.conf and zone files (from {@code src/test/resources/bind/}), a TSIG key {@code xfr-key} and an rndc
 * channel. It sends NOTIFYs to 127.0.0.1 on the given port. Started through {@link NamedProcess}, stopped by pid;
 * never shared between test classes. Tests get one from {@code io.zonebridge.testpeers.BindPrimaryExtension}.
 */
public final class BindPrimary implements AutoCloseable {

    public static final String[] BUILT_IN_ZONES = {"example.test", "reload.test", "dyn.test", "secure.test"};

    private static final String PACKAGES = NamedProcess.PACKAGES;

    private final LoopbackPeer peer;
    private final TsigKeySpec xfrKey;

    private BindPrimary(LoopbackPeer peer, TsigKeySpec xfrKey) {
        this.peer = peer;
        this.xfrKey = xfrKey;
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
        return new TsigKeySpec("xfr-key", "hmac-sha256", LoopbackPeer.randomSecret());
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
        NamedProcess named = NamedProcess.prepare("bind");
        Path dir = named.dir();
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
        String rndcSecret = LoopbackPeer.randomSecret();
        int controlPort = LoopbackPeer.freePort();
        String conf = resource("named.conf.template")
                .replace("@LOCAL_OPTIONS@", named.localOptions())
                .replace("@NOTIFY_PORT@", Integer.toString(notifyPort))
                .replace("@CONTROL_PORT@", Integer.toString(controlPort))
                .replace("@XFR_SECRET@", xfrSecret)
                .replace("@RNDC_SECRET@", rndcSecret)
                .replace("@EXTRA_ZONES@", extra.toString());
        Files.writeString(dir.resolve("rndc.conf"), "key \"rndc-key\" { algorithm hmac-sha256; secret \"" + rndcSecret
                + "\"; };\noptions { default-key \"rndc-key\"; default-server 127.0.0.1; default-port "
                + controlPort + "; };\n");
        Files.writeString(dir.resolve("xfr-key.conf"),
                "key \"xfr-key\" { algorithm hmac-sha256; secret \"" + xfrSecret + "\"; };\n");
        List<String> zones = new ArrayList<>(List.of(BUILT_IN_ZONES));
        zones.addAll(extraZones.keySet());
        // -d 3: named then logs each NOTIFY response it gets ("notify response from ...: NOERROR"), which tests check.
        return new BindPrimary(named.start("named", conf, List.of("-d", "3"), zones,
                Duration.ofSeconds(30 + extraZones.size())), xfrKey); // a second more for each zone to load
    }

    public int port() {
        return peer.port();
    }

    public long pid() {
        return peer.pid();
    }

    public boolean isAlive() {
        return peer.isAlive();
    }

    public TsigKeySpec xfrKey() {
        return xfrKey;
    }

    public Path zoneFile(String zone) {
        return peer.dir().resolve(zone + ".db");
    }

    public String primary() {
        return "127.0.0.1:" + peer.port();
    }

    public String log() {
        return peer.log();
    }

    /** Replaces a zone's file and has named reload it (named computes the IXFR difference). */
    public void rewriteZone(String zone, String text) throws Exception {
        Path file = zoneFile(zone);
        long previous = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(file, text);
        // named skips a reload when the file's mtime has not moved; make sure it has.
        Files.setLastModifiedTime(file, FileTime.fromMillis(
                Math.max(System.currentTimeMillis(), previous + 2000)));
        rndc("reload", zone);
    }

    /** Runs an rndc command against this server (e.g. {@code querylog on}: named then logs every query). */
    public void rndc(String... command) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of("/usr/sbin/rndc", "-c",
                peer.dir().resolve("rndc.conf").toString()));
        line.addAll(List.of(command));
        LoopbackPeer.run(line, null, PACKAGES);
    }

    /** Runs nsupdate with xfr-key against this server; {@code commands} without the server line and send. */
    public void nsupdate(String commands) throws Exception {
        LoopbackPeer.run(List.of("/usr/bin/nsupdate", "-k", peer.dir().resolve("xfr-key.conf").toString()),
                "server 127.0.0.1 " + peer.port() + "\n" + commands + "\nsend\n", PACKAGES);
    }

    /** The zone as named serves it now, by {@code dig AXFR} (an independent client), parsed by dnsjava. */
    public List<Record> digAxfr(String zone) throws Exception {
        return peer.digAxfr(zone, List.of());
    }

    /** {@link #digAxfr(String)} signed with {@code xfr-key}. */
    public List<Record> digAxfrWithKey(String zone) throws Exception {
        return peer.digAxfr(zone, List.of("-k", peer.dir().resolve("xfr-key.conf").toString()));
    }

    /** The serial named serves for {@code zone} now. */
    public long serial(String zone) throws Exception {
        return peer.serial(zone);
    }

    /** Kills named with SIGKILL (by pid) and waits for it to be gone. */
    public void kill() throws InterruptedException {
        peer.kill();
    }

    /** Stops named by its pid (SIGTERM, then SIGKILL after 10 s) and removes its directory. */
    @Override
    public void close() throws Exception {
        peer.close();
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

    /** A port free on 127.0.0.1 for both TCP and UDP at the time of the call. */
    public static int freePort() throws IOException {
        return LoopbackPeer.freePort();
    }

    public static Map<String, String> zones(String... nameAndText) {
        Map<String, String> zones = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            zones.put(nameAndText[i], nameAndText[i + 1]);
        }
        return zones;
    }
}
