package io.zonebridge.testpeers;

import io.zonebridge.app.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real moto_server (an AWS emulator nobody here wrote) on a free 127.0.0.1 port, started for one test class and stopped by its pid. A missing
 * moto_server is an error (the test fails), never a skip.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts moto_server and waits until it accepts connections (up to 30 s); a failure stops it. */
    public static MotoServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempFile("moto-", ".log");
        Process process;
        try {
            process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IOException("moto_server is not installed or not on PATH (pip install 'moto[server]'): "
                    + e.getMessage(), e);
        }
        MotoServer server = new MotoServer(process, port, log);
        try {
            Eventually.assertWithin(Duration.ofSeconds(30), server::accepts,
                    () -> "moto_server listens on 127.0.0.1:" + port + ": " + server.log());
        } catch (RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Whether moto_server accepts a connection now; fails at once when it has exited. */
    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": " + log());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Static test credentials moto accepts. */
    public static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials() {
        return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("testing", "testing"));
    }

    /** The endpoint to give SDK clients. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Empties the server (every account's state), through moto's reset API. */
    public void reset() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("moto_server reset answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Stops the server by its pid. */
    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroy);
        handle.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a stale log in the temp directory is harmless
        }
    }
}
