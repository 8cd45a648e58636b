package io.zonebridge.organization;

import io.zonebridge.testpeers.MotoServer;
import io.zonebridge.testpeers.RegisteredPeer;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link OrganizationReconcilerContract} against moto_server, an AWS emulator nobody here wrote (Organizations, STS
 * and per-account Route 53 of its own making), so the reconcile does not only work against the project's emulator.
 */
class OrganizationReconcilerMotoTest extends OrganizationReconcilerContract {

    /** One moto_server for the class (it takes seconds to start). */
    @RegisterExtension
    static final RegisteredPeer<MotoServer> MOTO = RegisteredPeer.of(MotoServer::start);

    /** The class's moto_server, emptied with its reset API. */
    @Override
    URI emptyServer() throws Exception {
        MOTO.get().reset();
        return MOTO.get().endpoint();
    }

    @Override
    void stopServer() {
        // the extension stops moto_server after the class
    }

    @Override
    boolean newZonesHaveAMalformedSoa() {
        return true;
    }
}
