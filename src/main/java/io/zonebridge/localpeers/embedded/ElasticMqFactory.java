package io.zonebridge.localpeers.embedded;

import io.zonebridge.localpeers.LocalPeer;
import io.zonebridge.localpeers.LocalPeerFactory;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * SQS served by ElasticMQ in this JVM, in memory, on 127.0.0.1 only; queue URLs name the address it listens on.
 * It has answered one request (ListQueues) when {@link #start} returns, so its first client is not the one that
 * waits for its warm-up (which took more than the command line's 4 s per attempt on a loaded machine).
 */
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
        URI endpoint = URI.create("http://127.0.0.1:" + actual);
        try {
            answered(endpoint);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("ElasticMQ started on " + endpoint + " but did not answer ListQueues: " + e, e);
        }
        return new LocalPeer(service(), "ElasticMQ", endpoint, server::stopAndWait);
    }

    /** Sends ListQueues and waits for the answer. */
    private static void answered(URI endpoint) throws IOException, InterruptedException {
        HttpRequest listQueues = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=ListQueues&Version=2012-11-05")).build();
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(listQueues, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
