package io.zonebridge.app.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remote JMX settings, {@code jmx:} of {@code zonebridge.yaml}: {@code port} (0 or absent: off), {@code host}
 * (default 127.0.0.1), {@code passwordFile} and {@code accessFile} (both or neither; absent: no authentication).
 *
 * @param port         RMI registry and connector port; 0: remote JMX off
 * @param host         the address both listen on
 * @param passwordFile JDK jmxremote password file ({@code user password} lines)
 * @param accessFile   JDK jmxremote access file ({@code user readonly|readwrite} lines)
 */
public record RemoteJmxSettings(int port, String host, Optional<Path> passwordFile, Optional<Path> accessFile) {

    /** Key paths in {@code zonebridge.yaml}. */
    public static final String PORT = "jmx.port";
    public static final String PASSWORD_FILE = "jmx.passwordFile";
    public static final String ACCESS_FILE = "jmx.accessFile";

    /** Checks the settings; errors name the key. */
    public RemoteJmxSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT + ": " + port + " is not a port (0 turns remote JMX off)");
        }
        if (passwordFile.isPresent() != accessFile.isPresent()) {
            throw new IllegalArgumentException(PASSWORD_FILE + " and " + ACCESS_FILE + " go together: set both or neither");
        }
        passwordFile.ifPresent(f -> requireReadable(PASSWORD_FILE, f));
        accessFile.ifPresent(f -> requireReadable(ACCESS_FILE, f));
    }

    /** Whether remote JMX is on. */
    public boolean enabled() {
        return port > 0;
    }

    /** The JMX service URL clients use. */
    public String serviceUrl() {
        return "service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port + "/jmxrmi";
    }

    private static void requireReadable(String property, Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(property + ": cannot read " + file.toAbsolutePath());
        }
    }
}
