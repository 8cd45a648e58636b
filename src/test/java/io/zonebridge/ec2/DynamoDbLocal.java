package io.zonebridge.ec2;

import com.amazonaws.services.dynamodbv2.local.monitoring.Telemetry;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;

/**
 * DynamoDB Local (AWS's own DynamoDB emulator) in this JVM, in memory, serving HTTP on 127.0.0.1 only, so the
 * store is tested through the real SDK client over the wire. DynamoDB Local's own runner binds every interface,
 * so its request handler is mounted on a Jetty connector bound to the loopback address instead; telemetry is off.
 * sqlite4java's native library comes from {@code sqlite4java.library.path}, which the Maven build points at the
 * native libraries it copies into {@code target/sqlite4java-native}.
 */
public final class DynamoDbLocal implements AutoCloseable {

    private final Server jetty;
    private final int port;

    private DynamoDbLocal(Server jetty, int port) {
        this.jetty = jetty;
        this.port = port;
    }

    public static DynamoDbLocal start() throws Exception {
        if (System.getProperty("sqlite4java.library.path") == null) {
            throw new IllegalStateException("sqlite4java.library.path is not set (the Maven build sets it)");
        }
        Telemetry.configureTelemetry("JAR", "IN_MEMORY", false);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
                new LocalDynamoDBRequestHandler(0, true, null, false, false), null);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new DynamoDBProxyServer(0, handler).setUpHandler(handler));
        jetty.start();
        return new DynamoDbLocal(jetty, connector.getLocalPort());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A new client, as a restarted zonebridge would make. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
