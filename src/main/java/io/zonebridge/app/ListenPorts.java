package io.zonebridge.app;

import io.zonebridge.app.config.ConfigException;
import io.zonebridge.app.config.EnvironmentOverrides;
import io.zonebridge.app.config.NotifySettings;
import io.zonebridge.app.config.ServiceProperties;
import io.zonebridge.app.config.ZonebridgeConfig;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks, before anything starts, that every port the service will listen on is free: the management server
 * ({@code camel.management.port}), remote JMX ({@code jmx.port}), the embedded Route 53 ({@code route53.embeddedPort},
 * {@code embeddedDnsPort}) and the NOTIFY listener ({@code secondary.notify.listen}, UDP and TCP). A taken port stops
 * start-up with one line naming the file or environment variable, the key and the value, instead of a bind failure
 * deep in start-up (or, for the management server, a service that runs on without health and metrics).
 */
final class ListenPorts {

    private final Path configFile;
    private final Map<String, String> environment;

    ListenPorts(Path configFile, Map<String, String> environment) {
        this.configFile = configFile;
        this.environment = environment;
    }

    /** Throws a {@link ConfigException} naming the first taken port. */
    void requireFree(ServiceProperties camel, ZonebridgeConfig config) {
        if (camel.value("camel.management.enabled").map(Boolean::parseBoolean).orElse(false)) {
            String host = camel.value("camel.management.host").orElse("0.0.0.0");
            camel.value(ServiceProperties.MANAGEMENT_PORT).map(Integer::parseInt).ifPresent(port -> {
                if (!tcpFree(host, port)) {
                    throw camel.error(ServiceProperties.MANAGEMENT_PORT, taken(host, port, "TCP"));
                }
            });
        }
        if (config.service().jmx().enabled()) {
            tcp(config.service().jmx().host(), config.service().jmx().port(), "jmx.port");
        }
        if (config.route53().embedded()) {
            tcp("127.0.0.1", config.route53().embeddedPort(), "route53.embeddedPort");
            int dns = config.route53().embeddedDnsPort();
            if (dns > 0 && !(tcpFree("127.0.0.1", dns) && udpFree("127.0.0.1", dns))) {
                throw error("route53.embeddedDnsPort", Integer.toString(dns), taken("127.0.0.1", dns, "UDP or TCP"));
            }
        }
        NotifySettings notify = config.secondary().notifyListener();
        if (notify.enabled() && notify.port() > 0
                && !(tcpFree(notify.host(), notify.port()) && udpFree(notify.host(), notify.port()))) {
            throw error("secondary.notify.listen", notify.host() + ":" + notify.port(),
                    taken(notify.host(), notify.port(), "UDP or TCP"));
        }
    }

    private void tcp(String host, int port, String key) {
        if (port > 0 && !tcpFree(host, port)) {
            throw error(key, Integer.toString(port), taken(host, port, "TCP"));
        }
    }

    private ConfigException error(String key, String value, String problem) {
        String variable = EnvironmentOverrides.variableFor(key);
        String source = environment.containsKey(variable) ? "environment variable " + variable : configFile.toString();
        return new ConfigException(source + ": " + key + " = " + value + ": " + problem);
    }

    private static String taken(String host, int port, String protocols) {
        return "port " + port + " on " + host + " is taken: another process listens there (" + protocols + ")";
    }

    /** Whether a TCP listener can bind there (an unknown host is left to the listener itself to report). */
    private static boolean tcpFree(String host, int port) {
        return bindable(host, port, address -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(address);
            }
        });
    }

    private static boolean udpFree(String host, int port) {
        return bindable(host, port, address -> {
            try (DatagramSocket socket = new DatagramSocket(null)) {
                socket.bind(address);
            }
        });
    }

    /** Binds a socket of one kind to an address (and closes it). */
    private interface Bind {
        void to(InetSocketAddress address) throws IOException;
    }

    private static boolean bindable(String host, int port, Bind bind) {
        try {
            bind.to(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (UnknownHostException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
