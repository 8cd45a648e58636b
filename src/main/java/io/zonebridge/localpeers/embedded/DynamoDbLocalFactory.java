package io.zonebridge.localpeers.embedded;

import com.amazonaws.services.dynamodbv2.local.monitoring.Telemetry;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import io.zonebridge.localpeers.LocalPeer;
import io.zonebridge.localpeers.LocalPeerFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;

/**
 * DynamoDB served by DynamoDB Local (AWS's own emulator) in this JVM, in memory, telemetry off. Its own runner
 * binds every interface, so its request handler is mounted on a Jetty connector bound to 127.0.0.1 instead.
 * sqlite4java's native library is read from the directory in {@code sqlite4java.library.path} (bin/zonebridge
 * and the Maven build set it).
 */
public final class DynamoDbLocalFactory implements LocalPeerFactory {

    @Override
    public String service() {
        return "DynamoDB";
    }

    @Override
    public LocalPeer start(int port) throws Exception {
        if (System.getProperty("sqlite4java.library.path") == null) {
            throw new IllegalStateException("DynamoDB Local needs sqlite4java's native library: system property "
                    + "sqlite4java.library.path is not set (bin/zonebridge sets it to target/local-peers/native)");
        }
        Telemetry.configureTelemetry("JAR", "IN_MEMORY", false);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
                new LocalDynamoDBRequestHandler(0, true, null, false, false), null);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(new DynamoDBProxyServer(0, handler).setUpHandler(handler));
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        return new LocalPeer(service(), "DynamoDB Local, in memory",
                URI.create("http://127.0.0.1:" + connector.getLocalPort()), jetty::stop);
    }
}
