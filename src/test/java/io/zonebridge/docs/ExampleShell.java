package io.zonebridge.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one example as a reader would, in one bash in a {@link ScratchCheckout}: its commands in order (the
 * document's text with the scratch ports and {@code /tmp/}), each command's output (stdout and stderr) and exit
 * status checked against the document as soon as the command ends. The shell is a session of its own; whatever
 * is still running of it when the example fails, or {@link #GRACE} after its last command, is stopped by pid (and
 * the latter fails the example: an example stops what it starts). The whole run is bounded by a time limit.
 */
final class ExampleShell {
    /** How long the processes an example stopped may take to exit after its last command. */
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final String MARK = "@@docs-check@@";
    private static final int LOG_TAIL = 40;

    private final Path checkout;
    private final Duration limit;

    ExampleShell(Path checkout, Duration limit) {
        this.checkout = checkout;
        this.limit = limit;
    }

    /** Runs {@code example}; an {@link AssertionError} says which command did not do what the document says. */
    void run(DocExample example) throws Exception {
        requireOwnPorts(example);
        try (ScratchCheckout scratch = ScratchCheckout.of(checkout)) {
            Path script = scratch.root().resolve("tmp/docs-check.sh");
            Files.writeString(script, script(example, scratch));
            ProcessBuilder builder = new ProcessBuilder("setsid", "--wait", "bash", script.toString())
                    .directory(scratch.root().toFile()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(scratch.environment(System.getenv()));
            Process shell = builder.start();
            BlockingQueue<Optional<String>> lines = readLines(shell);
            long deadline = System.nanoTime() + limit.toNanos();
            SessionProcesses session = null;
            try {
                String first = next(lines, deadline).orElseThrow(() -> new AssertionError(example.id()
                        + ": the shell did not start"));
                session = new SessionProcesses(Long.parseLong(first.substring((MARK + " session ").length())));
                IdBindings ids = IdBindings.none();
                for (DocExample.Command command : example.commands()) {
                    ids = check(example, command, scratch, lines, deadline, ids);
                }
                if (!shell.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw failure(example, scratch, "the shell did not end after the last command");
                }
                List<ProcessHandle> left = session.awaitEnd(GRACE);
                if (!left.isEmpty()) {
                    throw failure(example, scratch, "processes it started still run " + GRACE.toSeconds()
                            + " s after its last command (stop them in the example, e.g. kill %1): "
                            + SessionProcesses.describe(left));
                }
            } finally {
                if (session != null) {
                    session.stopAll();
                }
                shell.destroyForcibly();
            }
        }
    }

    /** The command's output and status as the document shows them; the ids bound so far and by it. */
    private IdBindings check(DocExample example, DocExample.Command command, ScratchCheckout scratch,
                             BlockingQueue<Optional<String>> lines, long deadline, IdBindings ids) throws Exception {
        List<String> printed = new ArrayList<>();
        while (true) {
            Optional<String> line = next(lines, deadline);
            if (line == null) {
                throw failure(example, scratch, where(example, command) + " did not end within " + limit.toSeconds()
                        + " s (the example's limit); printed so far:\n" + indent(printed));
            }
            if (line.isEmpty()) {
                throw failure(example, scratch, "the shell ended during " + where(example, command)
                        + "; printed:\n" + indent(printed));
            }
            if (line.get().startsWith(MARK + " done ")) {
                int status = Integer.parseInt(line.get().substring((MARK + " done ").length()));
                ExpectedOutput expected = new ExpectedOutput(
                        command.expected().stream().map(scratch::rewrite).toList());
                Optional<IdBindings> matched = expected.match(printed, ids);
                if (status != command.exit() || matched.isEmpty()) {
                    throw failure(example, scratch, where(example, command) + " exited " + status + " (the document: "
                            + command.exit() + ")" + (matched.isEmpty() ? " and printed what the document does not show"
                            : "") + "\nshown:\n" + indent(expected.toString().lines().toList())
                            + "\nprinted:\n" + indent(printed) + "\nids matched so far: " + ids);
                }
                return matched.get();
            }
            printed.add(line.get());
        }
    }

    /** The script: the session's id first, then each command followed by a mark with its exit status. */
    private static String script(DocExample example, ScratchCheckout scratch) {
        StringBuilder script = new StringBuilder("printf '" + MARK + " session %s\\n' \"$$\"\n");
        for (DocExample.Command command : example.commands()) {
            script.append(scratch.rewrite(command.text()));
            script.append("printf '\\n" + MARK + " done %s\\n' \"$?\"\n");
        }
        return script.toString();
    }

    /** An example that starts {@code zonebridge local} on its default ports would take the machine's. */
    private static void requireOwnPorts(DocExample example) {
        for (DocExample.Command command : example.commands()) {
            String text = command.text();
            if (text.contains("bin/zonebridge local") && !(text.contains("--port ") && text.contains("--dns-port "))) {
                throw new AssertionError(where(example, command) + ": name --port and --dns-port, so the docs check "
                        + "can give them free ports");
            }
        }
    }

    private static BlockingQueue<Optional<String>> readLines(Process shell) {
        BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(Optional.of(line));
                }
            } catch (IOException e) {
                lines.add(Optional.of("(reading the shell's output failed: " + e + ")"));
            }
            lines.add(Optional.empty());
        }, "docs-check-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next line, empty at the end of the output, null when the deadline passed. */
    private static Optional<String> next(BlockingQueue<Optional<String>> lines, long deadline)
            throws InterruptedException {
        return lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static String where(DocExample example, DocExample.Command command) {
        return example.file() + ":" + command.line() + ": `" + command.firstLine() + "`";
    }

    /** A failure naming the example, with the tails of the logs it wrote under {@code /tmp/}. */
    private static AssertionError failure(DocExample example, ScratchCheckout scratch, String what) throws IOException {
        StringBuilder message = new StringBuilder(example.id()).append(": ").append(what);
        message.append("\n(ports of this run: ");
        ScratchCheckout.DOCUMENTED_PORTS.forEach(port -> message.append(port).append("→")
                .append(scratch.port(port)).append(' '));
        message.append(')');
        try (Stream<Path> files = Files.list(scratch.root().resolve("tmp"))) {
            for (Path log : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                message.append("\n--- the last lines of ").append(log.getFileName()).append(":\n")
                        .append(String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL), all.size())));
            }
        }
        return new AssertionError(message.toString());
    }

    private static String indent(List<String> lines) {
        return lines.isEmpty() ? "  (nothing)" : String.join("\n", lines.stream().map(line -> "  " + line).toList());
    }
}
