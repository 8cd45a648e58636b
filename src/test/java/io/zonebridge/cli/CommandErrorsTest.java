package io.zonebridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What a user sees when the command line is used wrongly or a command cannot run. */
class CommandErrorsTest {

    @Test
    void noSubcommandIsAUsageError() {
        CommandRun run = CommandRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: zonebridge"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aUsageErrorPrintsTheErrorAndOneHintNotTheWholeUsage() {
        CommandRun run = CommandRun.of("plan", "--from", "x.zone", "--frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: Unknown option: '--frobnicate'"), run.err());
        assertTrue(run.err().contains("try: zonebridge plan --help"), run.err());
        assertFalse(run.err().contains("Usage:"), run.err());
        assertTrue(run.err().lines().count() <= 4, run.err());
    }

    @Test
    void aTakenPortIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.of("local", "--port", Integer.toString(taken.getLocalPort()), "--dns-port", "-1");
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("127.0.0.1:" + taken.getLocalPort()), run.err());
            assertTrue(run.err().contains("in use"), run.err());
        }
    }

    @Test
    void causesAreJoinedOnceEach() {
        Exception e = new IllegalStateException("cannot sync z.", new java.io.IOException("connection refused"));
        assertEquals("cannot sync z.: connection refused", CommandErrors.causes(e));
        assertEquals("same", CommandErrors.causes(new RuntimeException("same", new RuntimeException("same"))));
    }
}
