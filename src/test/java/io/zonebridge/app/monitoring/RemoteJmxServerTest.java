package io.zonebridge.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import io.zonebridge.secondary.BindPrimary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * The remote JMX server without authentication: a JMX client connects over RMI to the platform MBean server;
 * closing it frees the port.
 */
class RemoteJmxServerTest {

    @Test
    void clientReadsThePlatformMBeanServerAndTheServerStopsListeningWhenClosed() throws Exception {
        RemoteJmxSettings settings = new RemoteJmxSettings(BindPrimary.freePort(), "127.0.0.1", Optional.empty(),
                Optional.empty());
        try (RemoteJmxServer server = RemoteJmxServer.start(settings);
             JMXConnector client = JMXConnectorFactory.connect(new JMXServiceURL(settings.serviceUrl()))) {
            assertEquals(ManagementFactory.getRuntimeMXBean().getPid(), client.getMBeanServerConnection()
                    .getAttribute(new ObjectName("java.lang:type=Runtime"), "Pid"));
        }
        // RMI closes its listening socket once the last object on the port is unexported; allow it a moment
        Eventually.holdsWithin(Duration.ofSeconds(5), () -> !accepts(settings.port()));
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()), 1000);
            }
        }, "port " + settings.port() + " closed after close()");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aPortInUseIsReportedNamingTheProperty() throws Exception {
        RemoteJmxSettings settings = new RemoteJmxSettings(BindPrimary.freePort(), "127.0.0.1", Optional.empty(),
                Optional.empty());
        try (ServerSocket taken = new ServerSocket(settings.port(), 50,
                InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RemoteJmxServer.start(settings));
            assertTrue(e.getMessage().startsWith("jmx.port: cannot listen on 127.0.0.1:"
                    + settings.port()), e.getMessage());
        }
    }
}
