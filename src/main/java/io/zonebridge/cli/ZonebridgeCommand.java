package io.zonebridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code zonebridge} command line: one subcommand per job. */
@Command(name = "zonebridge", mixinStandardHelpOptions = true, version = "zonebridge 0.1.0",
        description = "Keeps Amazon Route 53 in step with the rest of your DNS.",
        subcommands = {RunCommand.class, SyncCommand.class, PlanCommand.class, ApplyCommand.class, LocalCommand.class,
                ProvisionCommand.class, DoctorCommand.class})
public final class ZonebridgeCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return commandLine(new CallerPaths()).execute(args);
    }

    /** The command line, with every path option resolved by {@code paths}. */
    static CommandLine commandLine(CallerPaths paths) {
        return new CommandLine(new ZonebridgeCommand()).registerConverter(java.nio.file.Path.class, paths);
    }
}
