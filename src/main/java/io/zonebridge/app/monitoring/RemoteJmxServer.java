package io.zonebridge.app.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's RMI connector server for the platform MBean server, started in-process: an RMI registry and the
 * connector on one port, bound to one address, with the JDK's password and access files when configured
 * ({@code jmx.remote.x.password.file}, {@code jmx.remote.x.access.file}).
 */
public final class RemoteJmxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmxServer.class);

    private final Registry registry;
    private final JMXConnectorServer connector;

    private RemoteJmxServer(Registry registry, JMXConnectorServer connector) {
        this.registry = registry;
        this.connector = connector;
    }

    /** Starts the registry and the connector per {@code settings}. */
    public static RemoteJmxServer start(RemoteJmxSettings settings) {
        if (System.getProperty("java.rmi.server.hostname") == null) {
            System.setProperty("java.rmi.server.hostname", settings.host());
        }
        RMIServerSocketFactory sockets = new BoundServerSocketFactory(settings.host());
        Registry registry;
        try {
            registry = LocateRegistry.createRegistry(settings.port(), null, sockets);
        } catch (IOException e) {
            throw new IllegalStateException(RemoteJmxSettings.PORT + ": cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        Map<String, Object> env = new HashMap<>();
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
        settings.passwordFile().ifPresent(f -> env.put("jmx.remote.x.password.file", f.toString()));
        settings.accessFile().ifPresent(f -> env.put("jmx.remote.x.access.file", f.toString()));
        try {
            JMXConnectorServer connector = JMXConnectorServerFactory.newJMXConnectorServer(
                    new JMXServiceURL(settings.serviceUrl()), env, ManagementFactory.getPlatformMBeanServer());
            connector.start();
            LOG.info("remote JMX at {} ({})", settings.serviceUrl(),
                    settings.passwordFile().isPresent() ? "password and access files" : "no authentication");
            return new RemoteJmxServer(registry, connector);
        } catch (IOException e) {
            unexport(registry);
            throw new IllegalStateException(RemoteJmxSettings.PORT + ": cannot start the JMX connector at "
                    + settings.serviceUrl() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connector.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            unexport(registry);
        }
    }

    private static void unexport(Registry registry) {
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            LOG.debug("RMI registry already unexported", e);
        }
    }

    /** Server sockets bound to one address (the JDK's default binds every address). */
    private record BoundServerSocketFactory(String host) implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getByName(host));
        }
    }
}
