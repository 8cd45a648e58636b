package io.zonebridge.testpeers;

import io.zonebridge.local.LocalAwsServer;

/**
 * The project's emulator ({@link LocalAwsServer}, default options) on a free loopback port for one test class.
 * Tests that need other options (a throttle, a state file, an SQS endpoint) start their own.
 */
public final class EmulatorExtension extends PeerExtension<LocalAwsServer> {

    public EmulatorExtension() {
        super(LocalAwsServer.class, Scope.CLASS);
    }

    @Override
    protected LocalAwsServer start() {
        LocalAwsServer server = new LocalAwsServer();
        server.start(0);
        return server;
    }

    @Override
    protected void stop(LocalAwsServer server) {
        server.stop();
    }
}
