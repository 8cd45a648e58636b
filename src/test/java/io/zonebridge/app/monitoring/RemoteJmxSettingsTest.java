package io.zonebridge.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote JMX settings: off by default, errors naming the property. */
class RemoteJmxSettingsTest {

    @TempDir
    Path dir;

    @Test
    void portZeroIsOffAndTheUrlUsesTheHostAndPort() {
        assertFalse(new RemoteJmxSettings(0, "127.0.0.1", Optional.empty(), Optional.empty()).enabled());
        RemoteJmxSettings on = new RemoteJmxSettings(9010, "127.0.0.1", Optional.empty(), Optional.empty());
        assertTrue(on.enabled());
        assertEquals("service:jmx:rmi://127.0.0.1:9010/jndi/rmi://127.0.0.1:9010/jmxrmi", on.serviceUrl());
    }

    @Test
    void passwordFileWithoutAccessFileIsRefusedNamingBoth() throws Exception {
        Path passwords = Files.writeString(dir.resolve("jmx.password"), "ops secret\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RemoteJmxSettings(9010, "127.0.0.1", Optional.of(passwords), Optional.empty()));
        assertTrue(e.getMessage().contains("jmx.passwordFile") && e.getMessage().contains("jmx.accessFile"),
                e.getMessage());
    }

    @Test
    void unreadableFileAndBadPortAreRefusedNamingTheProperty() throws Exception {
        Path passwords = Files.writeString(dir.resolve("jmx.password"), "ops secret\n");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new RemoteJmxSettings(
                9010, "127.0.0.1", Optional.of(passwords), Optional.of(dir.resolve("no-such.access"))));
        assertTrue(missing.getMessage().startsWith("jmx.accessFile: cannot read "), missing.getMessage());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> new RemoteJmxSettings(70000, "127.0.0.1", Optional.empty(), Optional.empty()));
        assertTrue(port.getMessage().startsWith("jmx.port: 70000"), port.getMessage());
    }
}
