package io.zonebridge.route53;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Route 53 server the gateway tests talk to over HTTP: today {@code moto_server} on a free
 * loopback port (an implementation nobody here wrote). To re-point the tests at the project's own
 * emulator, change {@link #start()} only. A missing server is a test failure, never a skip.
 */
final class GatewayTestServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private GatewayTestServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts a server on a free 127.0.0.1 port and waits until it accepts connections. */
    static GatewayTestServer start() throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("moto-server-", ".log");
        Process process;
        try {
            process = new ProcessBuilder(List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server is needed by the gateway tests but could not be started"
                    + " (is it installed and on PATH? pip install 'moto[server]'): " + e.getMessage(), e);
        }
        GatewayTestServer server = new GatewayTestServer(process, URI.create("http://127.0.0.1:" + port), log);
        server.awaitListening(port);
        return server;
    }

    /** The server's base URL, for {@link Route53ClientFactory#endpoint(URI)}. */
    URI endpoint() {
        return endpoint;
    }

    /**
     * A client factory pointed at this server: dummy static credentials, the given limiter, and the
     * standard Route 53 retry conditions with short backoffs so retry tests stay quick.
     */
    Route53ClientFactory clientFactory(AccountRateLimiter limiter) {
        return new Route53ClientFactory()
                .endpoint(endpoint)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .rateLimiter(limiter)
                .retryStrategy(Route53RetryStrategy.create(8, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)));
    }

    private void awaitListening(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("moto_server did not listen on port " + port + " within " + START_TIMEOUT + ": " + Files.readString(log));
    }

    /** Stops the server this fixture started (by its pid), and its children. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover temp log file is harmless
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
