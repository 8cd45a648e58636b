package io.zonebridge.organization;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import java.net.URI;

/**
 * {@link OrganizationReconcilerContract} against the project's local emulator (Organizations, STS AssumeRole with
 * per-account state keyed by access key, Route 53), with its throttle on at 5 requests per second per account, so
 * every account's reads must stay within that account's own rate.
 */
class OrganizationReconcilerEmulatorTest extends OrganizationReconcilerContract {

    private LocalAwsServer server;

    /** A new emulator each time: it starts in a moment and holds nothing. */
    @Override
    URI emptyServer() {
        stopServer();
        server = new LocalAwsServer(LocalRoute53Options.defaults().withRequestsPerSecond(5));
        server.start(0);
        return URI.create(server.endpoint());
    }

    @Override
    void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    boolean newZonesHaveAMalformedSoa() {
        return false;
    }
}
