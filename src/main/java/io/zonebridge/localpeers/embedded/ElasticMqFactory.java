package io.zonebridge.localpeers.embedded;

import io.zonebridge.localpeers.LocalPeer;
import io.zonebridge.localpeers.LocalPeerFactory;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.net.URI;

/** SQS served by ElasticMQ in this JVM, in memory, on 127.0.0.1 only; queue URLs name the address it listens on. */
public final class ElasticMqFactory implements LocalPeerFactory {

    @Override
    public String service() {
        return "SQS";
    }

    @Override
    public LocalPeer start(int port) {
        SQSRestServer server = (port == 0
                ? SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                : SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
                        .withServerAddress(new NodeAddress("http", "127.0.0.1", port, "")))
                .withAWSRegion("us-east-1").start();
        int actual = server.waitUntilStarted().localAddress().getPort();
        return new LocalPeer(service(), "ElasticMQ", URI.create("http://127.0.0.1:" + actual), server::stopAndWait);
    }
}
