package io.zonebridge.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/**
 * Converts a path given on the command line against the directory the user called {@code zonebridge} from. The
 * launcher ({@code bin/zonebridge}) runs the JVM in the installation directory, so the shipped defaults
 * ({@code config/}, {@code routes/}) resolve there, and passes the caller's directory as system property
 * {@value #PROPERTY}; without it (a plain {@code java -jar}) paths resolve against the process's own directory.
 */
public final class CallerPaths implements ITypeConverter<Path> {

    /** System property holding the caller's working directory. */
    public static final String PROPERTY = "zonebridge.callerDir";

    private final Path callerDir;

    /** Against the directory in {@value #PROPERTY}, or the process's working directory. */
    public CallerPaths() {
        this(Path.of(System.getProperty(PROPERTY, "")));
    }

    CallerPaths(Path callerDir) {
        this.callerDir = callerDir;
    }

    @Override
    public Path convert(String value) {
        Path path = Path.of(value);
        return path.isAbsolute() || callerDir.toString().isEmpty() ? path : callerDir.resolve(path).normalize();
    }
}
