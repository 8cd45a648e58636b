package io.zonebridge.app;

import io.zonebridge.secondary.BindPrimary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The zonebridge service as a real child process ({@code java -cp <test classpath> ZonebridgeCommand run}), run in
 * the project directory (its {@code config/} and {@code routes/}) with the shipped configuration's fixed ports moved
 * to free loopback ports through environment variables, as a container would set them. Its log (standard error)
 * goes to a file. {@link #terminate()} sends SIGTERM, as {@code docker stop} and ECS do.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The environment that moves the shipped configuration's ports to free ones. */
    static Map<String, String> freePorts() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CAMEL_MANAGEMENT_PORT", Integer.toString(BindPrimary.freePort()));
        env.put("ZONEBRIDGE_CONFIG_ROUTE53_EMBEDDED_PORT", "0");
        env.put("ZONEBRIDGE_CONFIG_ROUTE53_EMBEDDED_DNS_PORT", Integer.toString(BindPrimary.freePort()));
        env.put("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTEN", "127.0.0.1:" + BindPrimary.freePort());
        return env;
    }

    /** Starts {@code zonebridge run} with {@code environment} added to this process's; its log goes to {@code log}. */
    static ServiceProcess start(Map<String, String> environment, Path log) throws IOException {
        return start(environment, log, List.of());
    }

    /** Starts {@code zonebridge run} with these options ({@code --config FILE}, {@code --properties FILE}). */
    static ServiceProcess start(Map<String, String> environment, Path log, List<String> options) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // a short-lived service on a small machine: the quick compiler only and one GC thread start it
                // sooner and leave the cores to the other tests (no effect on what the service does)
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.zonebridge.cli.ZonebridgeCommand", "run"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    /** The log so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    /** Waits until the log contains {@code text}; false when the time ran out or the process ended first. */
    boolean awaitLog(String text, Duration limit) throws InterruptedException {
        Eventually.holdsWithin(limit, () -> log().contains(text) || !process.isAlive());
        return log().contains(text);
    }

    /** Waits for the process to end; its exit code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service did not exit within " + limit + "; log:\n" + log());
        }
        return process.exitValue();
    }

    /** Sends SIGTERM. */
    void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
