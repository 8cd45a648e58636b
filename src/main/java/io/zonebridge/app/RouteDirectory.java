package io.zonebridge.app;

import io.zonebridge.app.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The directory of the route files ({@code routes.dir}), as Camel is given it: checked before the service starts (it
 * must hold at least one {@code *.camel.yaml} file, else the service would start with no routes and say nothing),
 * and with symbolic links resolved (Camel's {@code file:} pattern finds no file through a linked directory).
 */
public final class RouteDirectory {

    private RouteDirectory() {
    }

    /** Refuses a directory that is missing or holds no route file, naming the setting and the value. */
    public static void require(Path yaml, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(yaml + ": routes.dir = " + dir + ": no such directory (" + dir.toAbsolutePath()
                    + ")");
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.noneMatch(file -> file.getFileName().toString().endsWith(".camel.yaml"))) {
                throw new ConfigException(yaml + ": routes.dir = " + dir + ": holds no *.camel.yaml route file");
            }
        } catch (IOException e) {
            throw new ConfigException(yaml + ": routes.dir = " + dir + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The directory as Camel's route pattern and the reloader get it: where a symbolic link is on the way, the
     * directory it leads to; otherwise (or when it does not exist) as given.
     */
    public static Path resolved(Path dir) {
        try {
            Path real = dir.toRealPath();
            return real.equals(dir.toAbsolutePath().normalize()) ? dir : real;
        } catch (IOException e) {
            return dir;
        }
    }
}
