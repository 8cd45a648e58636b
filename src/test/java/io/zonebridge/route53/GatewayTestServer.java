package io.zonebridge.route53;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Duration;

/**
 * The Route 53 server the gateway tests talk to over HTTP: the project's own local Route 53
 * ({@link LocalAwsServer}, an independent implementation of Route 53's wire behaviour) on a free
 * loopback port, reached through the real AWS SDK.
 */
final class GatewayTestServer implements AutoCloseable {

    private final LocalAwsServer server;
    private final URI endpoint;

    private GatewayTestServer(LocalAwsServer server) {
        this.server = server;
        this.endpoint = URI.create(server.endpoint());
    }

    /** Starts a server on a free 127.0.0.1 port. */
    static GatewayTestServer start() {
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withDnsPort(-1));
        server.start(0);
        return new GatewayTestServer(server);
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

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
