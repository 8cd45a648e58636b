package io.zonebridge.testpeers;

import io.zonebridge.local.ElasticMqPeer;

/**
 * The suite's one embedded ElasticMQ ({@link ElasticMqPeer}): started by the first test class that asks for it,
 * stopped when the test run ends. Tests share it by giving their queues names of their own.
 */
public final class ElasticMqExtension extends PeerExtension<ElasticMqPeer> {

    public ElasticMqExtension() {
        super(ElasticMqPeer.class, Scope.SUITE);
    }

    @Override
    protected ElasticMqPeer start() {
        return new ElasticMqPeer();
    }

    @Override
    protected void stop(ElasticMqPeer peer) {
        peer.close();
    }
}
