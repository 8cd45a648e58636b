package io.zonebridge.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options of {@code plan} and {@code apply}: listed once with their defaults, checked as the user typed them. */
class CommandOptionsTest {

    private static final String DESIRED = "src/test/resources/cli/desired.zone";

    @Test
    void everyOptionIsListedOnceInHelpWithItsDefault() {
        for (String command : List.of("plan", "apply")) {
            CommandRun help = CommandRun.of(command, "--help");
            assertEquals(0, help.exitCode(), help.err());
            Matcher option = Pattern.compile("(?m)^ {2,6}(?:-\\w, )?(--[a-z-]+)").matcher(help.out());
            List<String> listed = option.results().map(m -> m.group(1)).toList();
            assertTrue(listed.containsAll(List.of("--private", "--public", "--zone", "--rate", "--output", "--types")),
                    listed.toString());
            assertEquals(listed.stream().distinct().count(), listed.size(), command + " lists an option twice: " + listed);
            String flat = help.out().replaceAll("\\s+", " ");
            assertTrue(flat.contains("greater than 0 (default: 5)"), flat);
            assertTrue(flat.contains("(default: text)"), flat);
            assertTrue(flat.contains("(default: sync)"), flat);
        }
        String apply = CommandRun.of("apply", "--help").out().replaceAll("\\s+", " ");
        assertTrue(apply.contains("at most 1 (default: 0.30)"), apply);
        assertTrue(apply.contains("the fingerprint of every record set, touched by the plan or not, must match"), apply);
    }

    @Test
    void everyCommandShowsTheDefaultOfEveryOptionThatHasOne() {
        CommandLine line = ZonebridgeCommand.commandLine(new CallerPaths());
        for (CommandLine sub : line.getSubcommands().values()) {
            if (sub.getCommandName().equals("local")) {
                continue;   // LocalCommand is outside this change (its --throttle shows no default yet)
            }
            for (OptionSpec option : sub.getCommandSpec().options()) {
                if (option.defaultValue() != null && !option.typeInfo().isBoolean()) {
                    String description = String.join(" ", option.description());
                    assertTrue(description.toLowerCase(java.util.Locale.ROOT).contains("default: "),
                            sub.getCommandName() + " " + option.longestName() + ": " + description);
                }
            }
            String help = sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> listed = Pattern.compile("(?m)^ {2,6}(?:-\\w, )?(--[a-z0-9-]+)").matcher(help).results()
                    .map(m -> m.group(1)).toList();
            assertEquals(listed.stream().distinct().count(), listed.size(), sub.getCommandName() + ": " + listed);
        }
    }

    @Test
    void aRateOutOfRangeIsNamedAsTyped() {
        CommandRun run = CommandRun.of("plan", "--from", DESIRED, "--zone", "corp.example", "--rate", "-1");
        assertUsageError(run, "error: --rate: must be greater than 0, was -1", "plan");
        assertFalse(run.err().contains("permitsPerSecond"), run.err());
        assertUsageError(CommandRun.of("apply", "--zone", "z", "--from", DESIRED, "--rate", "fast"),
                "error: --rate: must be a number, was 'fast'", "apply");
    }

    @Test
    void everyNumberAndChoiceIsCheckedOnTheCommandLine() {
        assertUsageError(CommandRun.of("apply", "--from", DESIRED, "--zone", "z", "--max-change-share", "1.5"),
                "error: --max-change-share: must be greater than 0 and at most 1, was 1.5", "apply");
        assertUsageError(CommandRun.of("apply", "--from", DESIRED, "--zone", "z", "--max-change-share", "0"),
                "error: --max-change-share: must be greater than 0 and at most 1, was 0", "apply");
        assertUsageError(CommandRun.of("plan", "--from", DESIRED, "--zone", "z", "--policy", "mirror"),
                "error: --policy: unknown policy 'mirror' (use sync, upsert-only or create-only)", "plan");
        assertUsageError(CommandRun.of("plan", "--from", DESIRED, "--zone", "z", "--output", "yaml"),
                "error: --output: must be text, json or markdown, was 'yaml'", "plan");
        assertUsageError(CommandRun.of("plan", "--from", DESIRED, "--zone", "z", "--json", "--output", "markdown"),
                "error: --json: conflicts with --output markdown", "plan");
        assertUsageError(CommandRun.of("plan", "--from", DESIRED, "--zone", "z", "--private", "--public"),
                "error: --private: give --private or --public, not both", "plan");
        assertUsageError(CommandRun.of("plan", "--from", DESIRED, "--zone", "z", "--leave-alone", "a..b"),
                "error: --leave-alone: ", "plan");
        assertUsageError(CommandRun.of("doctor", "10.0.1.4", "--vpc", "vpc-1", "--timeout", "0"),
                "error: --timeout: must be greater than 0, was 0", "doctor");
        assertUsageError(CommandRun.of("doctor", "www.example.com", "--vpc", "vpc-1", "--type", "FOO"),
                "error: --type: unknown record type 'FOO'", "doctor");
        assertUsageError(CommandRun.of("doctor", "10.0.1.4", "--vpc", "vpc-1", "--rate", "0"),
                "error: --rate: must be greater than 0, was 0", "doctor");
        assertUsageError(CommandRun.of("provision", "--max-receive-count", "0"),
                "error: --max-receive-count: must be from 1 to 1000, was 0", "provision");
        assertUsageError(CommandRun.of("provision", "--visibility-timeout", "5m"),
                "error: --visibility-timeout: must be a whole number, was '5m'", "provision");
    }

    @Test
    void anUnknownRecordTypeIsRefused() {
        CommandRun run = CommandRun.of("plan", "--from", DESIRED, "--against", DESIRED, "--types", "A,FOO");
        assertUsageError(run, "error: --types: unknown record type 'FOO' (known: A, AAAA, CAA, CNAME, DS, HTTPS, MX,"
                + " NAPTR, NS, PTR, SOA, SPF, SRV, SSHFP, SVCB, TLSA, TXT)", "plan");
        CommandRun known = CommandRun.of("plan", "--from", DESIRED, "--against", DESIRED, "--types", "a,mx");
        assertEquals(0, known.exitCode(), known.err());
    }

    @Test
    void aPortWhereNothingListensFailsFastWithOneLine() throws Exception {
        int port = portWhereNothingListens();
        warmUp(port);
        long started = System.nanoTime();
        CommandRun run = LocalRoute53.withKey(() -> CommandRun.of("plan", "--from", DESIRED, "--zone", "corp.example",
                "--endpoint", "http://127.0.0.1:" + port));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(4, run.exitCode(), run.err());
        assertTrue(millis < 8_000, "took " + millis + " ms");
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: cannot reach Route 53 at http://127.0.0.1:" + port + ": "), run.err());
        assertTrue(run.err().contains("Connection refused"), run.err());
    }

    @Test
    void aSocketThatNeverAnswersFailsWithinFiveSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            warmUp(portWhereNothingListens());
            long started = System.nanoTime();
            CommandRun run = LocalRoute53.withKey(() -> CommandRun.of("apply", "--from", DESIRED, "--zone",
                    "corp.example", "--endpoint", "http://127.0.0.1:" + silent.getLocalPort()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(4, run.exitCode(), run.err());
            assertTrue(millis < 8_000, "took " + millis + " ms");
            assertTrue(millis >= CommandLineRetries.ATTEMPT.toMillis(), "waited one attempt: " + millis + " ms");
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("error: cannot reach Route 53 at http://127.0.0.1:"
                    + silent.getLocalPort() + ": "), run.err());
            assertTrue(run.err().toLowerCase().contains("timed out") || run.err().toLowerCase().contains("timeout"),
                    run.err());
        }
    }

    @Test
    void provisionAgainstADeadEndpointFailsAtTheFirstAttempt() throws Exception {
        int port = portWhereNothingListens();
        String dead = "http://127.0.0.1:" + port;
        CommandRun run = LocalRoute53.withKey(() -> CommandRun.of("provision", "--endpoint", dead, "--sqs-endpoint", dead));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("127.0.0.1:" + port) && run.err().contains("Connection refused"), run.err());
        assertTrue(run.err().contains("(SDK Attempt Count: 1)"), "not retried: " + run.err());
    }

    private static int portWhereNothingListens() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /**
     * One unmeasured run first, so the measured one times the endpoint, not the JVM loading the SDK's classes (which
     * takes seconds on a loaded machine and is part of any JVM's start, not of the endpoint's answer).
     */
    private static void warmUp(int deadPort) {
        CommandRun warm = LocalRoute53.withKey(() -> CommandRun.of("plan", "--from", DESIRED, "--zone", "corp.example",
                "--endpoint", "http://127.0.0.1:" + deadPort));
        assertEquals(4, warm.exitCode(), warm.err());
    }

    private static void assertUsageError(CommandRun run, String message, String command) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith(message), run.err());
        assertTrue(run.err().contains("try: zonebridge " + command + " --help"), run.err());
        assertEquals(2, run.err().lines().count(), run.err());
        assertEquals("", run.out());
    }
}
