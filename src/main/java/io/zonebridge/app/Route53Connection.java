package io.zonebridge.app;

import io.zonebridge.app.config.Route53Settings;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.organization.AwsEndpoint;
import io.zonebridge.organization.ConnectionIdentity;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The service's way to Route 53, from {@code route53} in the configuration: AWS itself, an endpoint override, or
 * ({@code endpoint: embedded}) the project's local Route 53 started in-process on 127.0.0.1 with its DNS port.
 * One rate limiter for the account, the SDK's retries, and calls counted. Closing stops what it started.
 */
public final class Route53Connection implements AutoCloseable {

    /** The access key used with a local Route 53 when no AWS credentials are configured. */
    private static final String LOCAL_ACCESS_KEY = "AKIAZONEBRIDGELOCAL0";

    /**
     * The embedded Route 53 is always used with the local key, whatever AWS keys or profile the environment has, so
     * the quick start's zones are where its documented AWS CLI command looks.
     */
    private static final AwsCredentialsProvider EMBEDDED_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCAL_ACCESS_KEY, "local"));

    private static final Logger LOG = LoggerFactory.getLogger(Route53Connection.class);

    private final LocalAwsServer embedded;
    private final Route53Client client;
    private final SdkRoute53Gateway gateway;
    private final AwsEndpoint identity;

    private Route53Connection(LocalAwsServer embedded, Route53Client client, SdkRoute53Gateway gateway,
            AwsEndpoint identity) {
        this.embedded = embedded;
        this.client = client;
        this.gateway = gateway;
        this.identity = identity;
    }

    /** Connects (starting the embedded Route 53 first when configured). */
    public static Route53Connection open(Route53Settings settings) {
        LocalAwsServer server = null;
        Optional<URI> endpoint = settings.endpoint();
        if (settings.embedded()) {
            server = new LocalAwsServer(LocalRoute53Options.defaults().withDnsPort(settings.embeddedDnsPort()));
            try {
                server.start(settings.embeddedPort());
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot start the embedded Route 53 on 127.0.0.1:"
                        + settings.embeddedPort() + " (route53.embeddedPort): " + e.getMessage(), e);
            }
            endpoint = Optional.of(URI.create(server.endpoint()));
            LOG.info("embedded Route 53 at {} (aws --endpoint-url {}), DNS on 127.0.0.1 port {}", server.endpoint(),
                    server.endpoint(), server.dnsPort());
        }
        AwsCredentialsProvider credentials = settings.embedded() ? EMBEDDED_CREDENTIALS
                : credentials(endpoint.isPresent());
        Route53ClientFactory factory = new Route53ClientFactory()
                .rateLimiter(new AccountRateLimiter(settings.rateLimitPerSecond()))
                .credentials(credentials);
        endpoint.ifPresent(factory::endpoint);
        Route53Client client = factory.create();
        return new Route53Connection(server, client, new SdkRoute53Gateway(client, factory.callCounter()),
                new AwsEndpoint(Region.US_EAST_1, endpoint.orElse(null), credentials));
    }

    /**
     * Logs, from a thread of its own, which credentials and account this connection uses ({@code Route 53 at ...:
     * credentials from ..., account ...}). Asking STS costs a second SDK client and a round trip: the service does it
     * once it is ready, so that it does not delay the start.
     */
    public void logIdentity() {
        String where = identity.override().map(URI::toString).orElse("AWS");
        Thread describe = new Thread(() -> LOG.info("Route 53 at {}: {}", where, ConnectionIdentity.describe(identity)),
                "zonebridge-identity");
        describe.setDaemon(true);
        describe.start();
    }

    /** The gateway every sync run uses. */
    public SdkRoute53Gateway gateway() {
        return gateway;
    }

    /** The SDK client (for calls the gateway does not make, such as creating the quick start's zones). */
    public Route53Client client() {
        return client;
    }

    /** The embedded Route 53, when it runs. */
    public Optional<LocalAwsServer> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.stop();
        }
    }

    /**
     * Where a client of the service's own account connects: {@code override} (a local emulator or test server,
     * with {@link #localCredentials()}) or, when {@code null}, AWS itself with the default credentials chain.
     */
    public static AwsEndpoint endpoint(String region, URI override) {
        return new AwsEndpoint(Region.of(region), override, credentials(override != null));
    }

    /** Credentials for an endpoint: {@link #localCredentials()} for a local one, else the default AWS chain. */
    public static AwsCredentialsProvider credentials(boolean local) {
        return local ? localCredentials() : DefaultCredentialsProvider.builder().build();
    }

    /**
     * Credentials for a local Route 53 (which takes any key, and keeps one account per key): the environment, system
     * properties or profile when they hold keys (never the slow instance-metadata lookups), else a fixed local key.
     */
    public static AwsCredentialsProvider localCredentials() {
        return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create(),
                ProfileCredentialsProvider.create(),
                EMBEDDED_CREDENTIALS).build();
    }
}
