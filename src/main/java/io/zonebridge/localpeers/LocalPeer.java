package io.zonebridge.localpeers;

import java.net.URI;

/**
 * A running embedded AWS service emulator.
 *
 * @param service  the AWS service ("SQS", "DynamoDB")
 * @param product  what serves it ("ElasticMQ", "DynamoDB Local, in memory")
 * @param endpoint its HTTP endpoint on 127.0.0.1
 * @param stopper  stops it
 */
public record LocalPeer(String service, String product, URI endpoint, Stopper stopper) implements AutoCloseable {

    /** How a peer is stopped. */
    @FunctionalInterface
    public interface Stopper {
        void stop() throws Exception;
    }

    /** Stops the emulator and waits until it no longer listens. */
    @Override
    public void close() throws Exception {
        stopper.stop();
    }
}
