package io.zonebridge.app;

import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.TsigKeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension with the peers of a test class running the service's secondary routes
 * ({@code @CamelMainTest}): a working directory under {@code target/}, a free NOTIFY port, a random {@code xfr-key}
 * (its secret in a file there), the local Route 53 and, when the class asks for one, a real BIND primary sending
 * its NOTIFYs to that port; and the zonebridge.yaml pointing the service at them. Everything starts before the
 * class's own {@code @BeforeAll} methods and stops after its last test. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class SecondaryPeers implements BeforeAllCallback, AfterAllCallback {

    private final Path dir;
    private final Map<String, String> hostedZoneIds = new LinkedHashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private int notifyPort;
    private TsigKeySpec key;
    private LocalRoute53 route53;

    /** @param name the working directory's name under {@code target/}; also named by the class's zonebridge.config */
    public SecondaryPeers(String name) {
        this.dir = Path.of("target", name);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Files.createDirectories(dir);
        notifyPort = BindPrimary.freePort();
        key = BindPrimary.newXfrKey();
        Files.writeString(keyFile(), key.secretBase64());
        route53 = started(new LocalRoute53());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Exception failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                failure = e;
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Starts BIND with its built-in zones plus {@code extraZones} (name to zone-file text) and {@code statements}
     * inside some of their blocks, signing with this class's {@code xfr-key}; stopped after the class.
     */
    public BindPrimary startBind(Map<String, String> extraZones, Map<String, String> statements) throws Exception {
        return started(BindPrimary.start(notifyPort, extraZones, key, statements));
    }

    /** Creates a public hosted zone for each of {@code zones} in the local Route 53. */
    public void createZones(String... zones) {
        for (String zone : zones) {
            hostedZoneIds.put(zone, route53.createZone(zone));
        }
    }

    /** The bare id of the hosted zone made for {@code zone} by {@link #createZones}. */
    public String id(String zone) {
        String id = hostedZoneIds.get(zone);
        if (id == null) {
            throw new IllegalArgumentException("no hosted zone was created for " + zone);
        }
        return id;
    }

    /**
     * Writes {@code zonebridge.yaml}: the local Route 53, {@code xfr-key} plus {@code moreKeys} (lines under
     * {@code tsigKeys}), the NOTIFY listener on this class's port taking NOTIFYs from 127.0.0.1, a transfer timeout
     * of 10 s, the default primaries (none when null), and {@code zones} (lines under {@code secondary.zones}).
     */
    public Path writeConfig(String defaultPrimaries, String moreKeys, String zones) throws IOException {
        String primaries = defaultPrimaries == null ? "" : "    primaries: [" + defaultPrimaries + "]\n";
        return Files.writeString(dir.resolve("zonebridge.yaml"), """
                route53:
                  endpoint: %s
                  rateLimitPerSecond: 100
                tsigKeys:
                  xfr-key: { algorithm: hmac-sha256, secretFile: %s }
                %ssecondary:
                  notify:
                    listen: 127.0.0.1:%d
                    allowFrom: [127.0.0.1]
                  defaults:
                %s    transferTimeout: 10s
                  zones:
                %s""".formatted(route53.endpoint(), keyFile().toAbsolutePath(), moreKeys, notifyPort, primaries,
                zones.indent(4)));
    }

    public Path dir() {
        return dir;
    }

    public int notifyPort() {
        return notifyPort;
    }

    public TsigKeySpec key() {
        return key;
    }

    public LocalRoute53 route53() {
        return route53;
    }

    private Path keyFile() {
        return dir.resolve("xfr.key");
    }

    private <T extends AutoCloseable> T started(T peer) {
        started.add(peer);
        return peer;
    }
}
