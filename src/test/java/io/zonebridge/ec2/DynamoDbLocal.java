package io.zonebridge.ec2;

import io.zonebridge.localpeers.LocalPeer;
import io.zonebridge.localpeers.embedded.DynamoDbLocalFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;

/**
 * DynamoDB Local (AWS's own DynamoDB emulator) in this JVM, in memory, serving HTTP on 127.0.0.1 only, so the
 * store is tested through the real SDK client over the wire: the same embedding as {@code zonebridge local
 * --dynamodb-port} ({@link DynamoDbLocalFactory}), on a free port. sqlite4java's native library comes from
 * {@code sqlite4java.library.path}, which the Maven build points at {@code target/sqlite4java-native}.
 */
public final class DynamoDbLocal implements AutoCloseable {

    private final LocalPeer peer;

    private DynamoDbLocal(LocalPeer peer) {
        this.peer = peer;
    }

    public static DynamoDbLocal start() throws Exception {
        return new DynamoDbLocal(new DynamoDbLocalFactory().start(0));
    }

    public URI endpoint() {
        return peer.endpoint();
    }

    /** A new client, as a restarted zonebridge would make. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Override
    public void close() throws Exception {
        peer.close();
    }
}
