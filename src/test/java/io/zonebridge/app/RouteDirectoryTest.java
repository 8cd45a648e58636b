package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route directory Camel is given: linked directories followed, missing or empty ones refused by name. */
class RouteDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aLinkedDirectoryIsGivenAsTheDirectoryItPointsTo() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("a.camel.yaml"), "- route: {}\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        RouteDirectory.require(Path.of("zb.yaml"), link);
        assertEquals(real.toRealPath(), RouteDirectory.resolved(link));
        assertEquals(dir.resolve("absent"), RouteDirectory.resolved(dir.resolve("absent")), "a missing one as given");
    }

    @Test
    void aMissingDirectoryIsRefusedNamingTheSetting() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> RouteDirectory.require(Path.of("zb.yaml"), dir.resolve("absent")));
        assertTrue(refused.getMessage().startsWith("zb.yaml: routes.dir = " + dir.resolve("absent")
                + ": no such directory"), refused.getMessage());
    }
}
