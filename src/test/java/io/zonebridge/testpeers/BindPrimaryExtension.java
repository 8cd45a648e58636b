package io.zonebridge.testpeers;

import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.ForwardingBind;
import io.zonebridge.secondary.TsigKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A real BIND primary ({@link BindPrimary}: {@code named} on a free loopback port, its built-in zones plus the
 * class's own) for one test class or one test, as the field holding it is static or not (see
 * {@link RegisteredPeer}). By default it sends its NOTIFYs to a free port nobody listens on and signs with a fresh
 * random {@code xfr-key}. For example, with {@code @RegisterExtension} on
 * {@code static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones().withZones(zones)}, the class's
 * tests reach it as {@code BIND.get()}.
 */
public final class BindPrimaryExtension extends RegisteredPeer<BindPrimary> {

    private final IntSupplier notifyPort;
    private final Map<String, String> zones;
    private final TsigKeySpec key;
    private final Map<String, String> statements;

    private BindPrimaryExtension(IntSupplier notifyPort, Map<String, String> zones, TsigKeySpec key,
            Map<String, String> statements) {
        this.notifyPort = notifyPort;
        this.zones = zones;
        this.key = key;
        this.statements = statements;
    }

    /** BIND with its built-in zones only ({@link BindPrimary#BUILT_IN_ZONES}). */
    public static BindPrimaryExtension builtInZones() {
        return new BindPrimaryExtension(BindPrimaryExtension::freePort, Map.of(), BindPrimary.newXfrKey(), Map.of());
    }

    /** Also serves {@code zones} (name to zone-file text), transferable from 127.0.0.1 without a key. */
    public BindPrimaryExtension withZones(Map<String, String> zones) {
        return new BindPrimaryExtension(notifyPort, zones, key, statements);
    }

    /** Signs with (and lets transfers and updates in with) {@code key} as {@code xfr-key}. */
    public BindPrimaryExtension withKey(TsigKeySpec key) {
        return new BindPrimaryExtension(notifyPort, zones, key, statements);
    }

    /** Extra statements inside some extra zones' blocks (zone name to statements), e.g. {@code notify no;}. */
    public BindPrimaryExtension withStatements(Map<String, String> statements) {
        return new BindPrimaryExtension(notifyPort, zones, key, statements);
    }

    /** Sends NOTIFYs to 127.0.0.1 on the port {@code port} gives when BIND starts. */
    public BindPrimaryExtension notifyingTo(IntSupplier port) {
        return new BindPrimaryExtension(port, zones, key, statements);
    }

    /** The {@code xfr-key} BIND will sign with, known before it starts. */
    public TsigKeySpec key() {
        return key;
    }

    /**
     * A real BIND forwarder ({@link ForwardingBind}) to this primary, waiting until {@code zone} (one this primary
     * serves) answers through it. Register it after this one ({@code @Order} on the fields).
     */
    public RegisteredPeer<ForwardingBind> forwarder(String zone) {
        return RegisteredPeer.of(() -> ForwardingBind.start(new InetSocketAddress("127.0.0.1", get().port()), zone));
    }

    @Override
    protected BindPrimary start() throws Exception {
        return BindPrimary.start(notifyPort.getAsInt(), zones, key, statements);
    }

    private static int freePort() {
        try {
            return BindPrimary.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
