package io.zonebridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Paths on the command line are the caller's: relative ones resolve against the directory zonebridge was called from. */
class CallerPathsTest {

    private static final Path CALLER = Path.of("src/test/resources/cli").toAbsolutePath();

    @Test
    void relativeZoneFilesAreFoundInTheCallersDirectory() {
        CommandRun run = CommandRun.from(CALLER, "plan", "--from", "desired.zone", "--against", "current.zone");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Plan for corp.example."), run.out());
    }

    @Test
    void aMissingRelativeFileIsNamedAsResolved() {
        CommandRun run = CommandRun.from(CALLER, "plan", "--from", "nope.zone", "--against", "current.zone");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains(CALLER.resolve("nope.zone").toString()), run.err());
    }

    @Test
    void absoluteAndParentPathsAreKeptAndNormalised() {
        CallerPaths paths = new CallerPaths(Path.of("/home/ops/zones"));
        assertEquals(Path.of("/etc/z.zone"), paths.convert("/etc/z.zone"));
        assertEquals(Path.of("/home/ops/z.zone"), paths.convert("../zones/../z.zone"));
        assertEquals(Path.of("rel.zone"), new CallerPaths(Path.of("")).convert("rel.zone"));
    }
}
