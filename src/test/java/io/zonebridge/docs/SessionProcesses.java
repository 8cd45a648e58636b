package io.zonebridge.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes of one session (Linux {@code /proc/PID/stat}): the example's shell starts one with {@code setsid},
 * so whatever the example starts, in the background or not, is found and stopped by its pid, even after the shell
 * has exited.
 */
final class SessionProcesses {
    private final long session;

    SessionProcesses(long session) {
        this.session = session;
    }

    /** The live processes of the session. */
    List<ProcessHandle> alive() {
        return ProcessHandle.allProcesses().filter(process -> sessionOf(process.pid()).orElse(-1L) == session)
                .filter(ProcessHandle::isAlive).toList();
    }

    /** Waits up to {@code grace} for the session's processes to end; those left are returned. */
    List<ProcessHandle> awaitEnd(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> left = alive();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            ProcessHandle first = left.get(0);
            try {
                first.onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                        TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // looked at again below
            }
            left = alive();
        }
        return left;
    }

    /** Stops every process of the session by its pid: SIGTERM, then SIGKILL for those alive 10 s later. */
    void stopAll() throws InterruptedException {
        alive().forEach(ProcessHandle::destroy);
        awaitEnd(Duration.ofSeconds(10)).forEach(ProcessHandle::destroyForcibly);
        awaitEnd(Duration.ofSeconds(5));
    }

    /** What each process is, for messages: {@code pid command line}. */
    static String describe(List<ProcessHandle> processes) {
        return String.join("; ", processes.stream().map(process -> process.pid() + " "
                + process.info().commandLine().orElse("?")).toList());
    }

    private static Optional<Long> sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[3]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
