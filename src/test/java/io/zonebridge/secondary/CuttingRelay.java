package io.zonebridge.secondary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test fixture: a loopback relay in front of a DNS server (UDP and TCP on one port) that passes UDP through
 * and, on TCP, cuts the server's stream after a given number of bytes: it runs an action (e.g. kill the server)
 * and then closes the connection, stalls it, or drains what the server still sends before closing.
 */
public final class CuttingRelay implements AutoCloseable {

    /** What happens to the TCP stream once the cut point is reached. */
    public enum AfterCut {
        /** Close the client connection at once: the client gets exactly the first N bytes. */
        CLOSE,
        /** Keep the connection open and send nothing more (the client must time out). */
        STALL,
        /** Pass on whatever the server still sends until it closes (e.g. after being killed). */
        DRAIN
    }

    private final InetAddress loopback = InetAddress.getByName("127.0.0.1");
    private final int upstreamPort;
    private final long cutAfter;
    private final AfterCut afterCut;
    private final Runnable onCut;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final AtomicLong forwarded = new AtomicLong();
    /** Released when the relay closes: a stalled connection holds until then. */
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean cut;

    public CuttingRelay(int upstreamPort, long cutAfter, AfterCut afterCut, Runnable onCut) throws IOException {
        this.upstreamPort = upstreamPort;
        this.cutAfter = cutAfter;
        this.afterCut = afterCut;
        this.onCut = onCut;
        int port = BindPrimary.freePort();
        this.udp = new DatagramSocket(new InetSocketAddress(loopback, port));
        this.tcp = new ServerSocket(port, 5, loopback);
        daemon(this::relayUdp, "relay-udp");
        daemon(this::acceptTcp, "relay-tcp");
    }

    public int port() {
        return tcp.getLocalPort();
    }

    /** Server-to-client TCP bytes passed on (all connections). */
    public long forwardedBytes() {
        return forwarded.get();
    }

    public boolean wasCut() {
        return cut;
    }

    private void relayUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                udp.receive(query);
                try (DatagramSocket upstream = new DatagramSocket()) {
                    upstream.setSoTimeout(3000);
                    upstream.send(new DatagramPacket(query.getData(), query.getLength(), loopback, upstreamPort));
                    byte[] answerBuffer = new byte[65535];
                    DatagramPacket answer = new DatagramPacket(answerBuffer, answerBuffer.length);
                    upstream.receive(answer);
                    udp.send(new DatagramPacket(answer.getData(), answer.getLength(), query.getSocketAddress()));
                }
            } catch (IOException e) {
                // closed, or the server did not answer: the client times out, as it would without a relay
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket client = tcp.accept();
                daemon(() -> relayTcp(client), "relay-tcp-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relayTcp(Socket client) {
        try (client; Socket server = new Socket()) {
            server.setReceiveBufferSize(4096); // keep the server from racing far ahead of the cut point
            server.connect(new InetSocketAddress(loopback, upstreamPort));
            daemon(() -> copy(client, server), "relay-tcp-up");
            InputStream in = server.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                long before = forwarded.get();
                if (!cut && before + n >= cutAfter) {
                    int head = (int) (cutAfter - before);
                    out.write(buffer, 0, head);
                    forwarded.addAndGet(head);
                    cut = true;
                    onCut.run();
                    if (afterCut == AfterCut.CLOSE) {
                        return;
                    }
                    if (afterCut == AfterCut.STALL) {
                        closed.await();
                        return;
                    }
                    out.write(Arrays.copyOfRange(buffer, head, n));
                    forwarded.addAndGet(n - head);
                    continue;
                }
                out.write(buffer, 0, n);
                forwarded.addAndGet(n);
            }
        } catch (IOException | InterruptedException e) {
            // server gone (killed) or relay closed: the client sees the connection end
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side closed
        }
    }

    private static void daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        udp.close();
        tcp.close();
    }
}
