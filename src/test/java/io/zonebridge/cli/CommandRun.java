package io.zonebridge.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.io.StringWriter;

/** Runs the real command line in-process and captures its exit code and output. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        return in(new CallerPaths(), args);
    }

    /** Runs it as if called from {@code callerDir} (as the launcher passes it). */
    static CommandRun from(Path callerDir, String... args) {
        return in(new CallerPaths(callerDir), args);
    }

    private static CommandRun in(CallerPaths paths, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = ZonebridgeCommand.commandLine(paths);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
