package io.zonebridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code zonebridge} command line: one subcommand per job. */
@Command(name = "zonebridge", mixinStandardHelpOptions = true, version = "zonebridge 0.1.0",
        description = "Keeps Amazon Route 53 in step with the rest of your DNS.",
        subcommands = {RunCommand.class, SyncCommand.class, PlanCommand.class, ApplyCommand.class, LocalCommand.class,
                ProvisionCommand.class, DoctorCommand.class})
public final class ZonebridgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage on standard error, exit 2 (a usage error). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns its exit code (for tests). A bare {@code run} (the container's command) has
     * nothing to parse and starts the service without picocli: its classes are Java 5 class files, which the
     * class-data-sharing archive cannot hold, so building the command line would read and verify ~170 classes from the
     * jar at every start.
     */
    public static int execute(String... args) {
        if (args.length == 1 && "run".equals(args[0])) {
            return RunCommand.run(null, null);
        }
        return commandLine(new CallerPaths(), args).execute(args);
    }

    /** The whole command line, with every path option resolved by {@code paths}. */
    static CommandLine commandLine(CallerPaths paths) {
        return commandLine(paths, new String[0]);
    }

    /**
     * The command line that runs {@code args}, with every path option resolved by {@code paths}. For {@code run} only
     * the root and {@code run} are built: picocli builds every subcommand's options when it builds the root, a
     * noticeable share of the service's start-up; {@code run}'s parsing, help and errors are the same either way.
     */
    static CommandLine commandLine(CallerPaths paths, String... args) {
        boolean run = args.length > 0 && "run".equals(args[0]);
        CommandLine line = run ? runOnly() : new CommandLine(new ZonebridgeCommand());
        CommandErrors errors = new CommandErrors();
        return line.registerConverter(java.nio.file.Path.class, paths)
                .setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
    }

    private static CommandLine runOnly() {
        CommandSpec root = CommandSpec.wrapWithoutInspection(new ZonebridgeCommand()).name("zonebridge");
        return new CommandLine(root).addSubcommand(new RunCommand());
    }
}
