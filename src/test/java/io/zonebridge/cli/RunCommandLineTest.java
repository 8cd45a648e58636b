package io.zonebridge.cli;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code zonebridge run} on the command line built for it alone behaves as on the whole command line. */
class RunCommandLineTest {

    private static final CallerPaths PATHS = new CallerPaths(Path.of("/caller/dir"));

    @Test
    void runAloneHasTheSameHelpAndPathsAsInTheWholeCommandLine() {
        CommandLine alone = ZonebridgeCommand.commandLine(PATHS, "run");
        CommandLine whole = ZonebridgeCommand.commandLine(PATHS);
        assertEquals(Set.of("run"), alone.getSubcommands().keySet());
        assertEquals(whole.getSubcommands().get("run").getUsageMessage(Ansi.OFF),
                alone.getSubcommands().get("run").getUsageMessage(Ansi.OFF));

        RunCommand run = alone.parseArgs("run", "--config", "my.yaml", "--properties", "camel.properties")
                .subcommand().commandSpec().commandLine().getCommand();
        assertEquals(Path.of("/caller/dir/my.yaml"), run.config);
        assertEquals(Path.of("/caller/dir/camel.properties"), run.properties);
    }

    @Test
    void everyOtherCommandGetsTheWholeCommandLine() {
        Set<String> commands = ZonebridgeCommand.commandLine(PATHS, "sync").getSubcommands().keySet();
        assertTrue(commands.containsAll(Set.of("run", "sync", "plan", "apply", "local", "provision", "doctor")),
                commands.toString());
        assertEquals(commands, ZonebridgeCommand.commandLine(PATHS, "--help").getSubcommands().keySet());
    }
}
