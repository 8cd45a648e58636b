package io.zonebridge.ec2;

import io.zonebridge.app.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Free loopback ports for test peers, and waiting until a peer listens. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until something accepts TCP connections on 127.0.0.1:port, or fails naming the peer. */
    static void awaitListening(int port, Duration timeout, String peer, Process process) {
        boolean listening;
        try {
            listening = Eventually.holdsWithin(timeout, () -> {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException(peer + " exited with " + process.exitValue()
                            + " before listening on " + port);
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!listening) {
            throw new IllegalStateException(peer + " did not listen on 127.0.0.1:" + port + " within " + timeout);
        }
    }
}
