package io.zonebridge.localpeers;

/**
 * Starts one AWS service emulator that {@code zonebridge local} can embed (SQS, DynamoDB). Implementations live in
 * {@code io.zonebridge.localpeers.embedded}, which is not in the service jar: they and their libraries are built into
 * {@code target/local-peers/} and found with {@link java.util.ServiceLoader} when that is on the class path.
 */
public interface LocalPeerFactory {

    /** The AWS service it emulates, as {@code --sqs-port} and {@code --dynamodb-port} name it: "SQS", "DynamoDB". */
    String service();

    /** Starts the emulator on 127.0.0.1:{@code port} (0: any free port). */
    LocalPeer start(int port) throws Exception;
}
