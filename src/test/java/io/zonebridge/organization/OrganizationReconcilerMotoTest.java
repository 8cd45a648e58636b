package io.zonebridge.organization;

import io.zonebridge.testpeers.MotoServer;
import java.net.URI;

/**
 * {@link OrganizationReconcilerContract} against moto_server, an AWS emulator nobody here wrote (Organizations, STS
 * and per-account Route 53 of its own making), so the reconcile does not only work against the project's emulator.
 */
class OrganizationReconcilerMotoTest extends OrganizationReconcilerContract {

    private MotoServer moto;

    /** One moto_server for the class (it takes seconds to start), emptied with its reset API. */
    @Override
    URI emptyServer() throws Exception {
        if (moto == null) {
            moto = MotoServer.start();
        } else {
            moto.reset();
        }
        return moto.endpoint();
    }

    @Override
    void stopServer() {
        if (moto != null) {
            moto.close();
        }
    }

    @Override
    boolean newZonesHaveAMalformedSoa() {
        return true;
    }
}
