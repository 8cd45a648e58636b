package io.zonebridge.localpeers;

import java.util.ServiceLoader;

/** Finds the embedded emulator of a service among those on the class path and starts it. */
public final class LocalPeers {
    /** What a user sees when the emulators are not on the class path (say, the service image). */
    public static final String MISSING = " needs the local peers (ElasticMQ, DynamoDB Local), which are not in the "
            + "service jar: run bin/zonebridge local from a checkout (builds them once into target/local-peers)";

    private final ClassLoader loader;

    /** The emulators visible to {@code loader}. */
    public LocalPeers(ClassLoader loader) {
        this.loader = loader;
    }

    /** The emulators on this class's class path. */
    public LocalPeers() {
        this(LocalPeers.class.getClassLoader());
    }

    /**
     * Starts the emulator of {@code service} on 127.0.0.1:{@code port}.
     *
     * @throws IllegalStateException when no emulator of {@code service} is on the class path
     */
    public LocalPeer start(String service, int port) throws Exception {
        for (LocalPeerFactory factory : ServiceLoader.load(LocalPeerFactory.class, loader)) {
            if (factory.service().equals(service)) {
                return factory.start(port);
            }
        }
        throw new IllegalStateException(service + MISSING);
    }
}
