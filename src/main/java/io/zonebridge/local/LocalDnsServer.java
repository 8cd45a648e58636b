package io.zonebridge.local;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A DNS port on 127.0.0.1 (UDP and TCP, same number) answering from a {@link ZoneAuthority}. */
public final class LocalDnsServer {
    private static final int BIND_ATTEMPTS = 20;
    private final ZoneAuthority authority;
    private DatagramSocket udp;
    private ServerSocket tcp;
    private ExecutorService workers;

    /** A DNS server answering from {@code authority}. */
    public LocalDnsServer(ZoneAuthority authority) {
        this.authority = authority;
    }

    /** Binds UDP and TCP on {@code port} (0: a free port for both) and returns the port. */
    public synchronized int start(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        IOException last = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            try {
                udp = new DatagramSocket(new InetSocketAddress(loopback, port));
                try {
                    tcp = new ServerSocket();
                    tcp.setReuseAddress(true);
                    tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()), 50);
                    break;
                } catch (IOException e) {
                    udp.close();
                    udp = null;
                    throw e;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        if (tcp == null) {
            throw new UncheckedIOException("cannot listen for DNS on 127.0.0.1:" + port, last);
        }
        workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-dns");
            thread.setDaemon(true);
            return thread;
        });
        DatagramSocket udpSocket = udp;
        ServerSocket tcpSocket = tcp;
        workers.execute(() -> serveUdp(udpSocket));
        workers.execute(() -> acceptTcp(tcpSocket));
        return udp.getLocalPort();
    }

    /** The bound port, or -1 when stopped. */
    public synchronized int port() {
        return udp == null ? -1 : udp.getLocalPort();
    }

    /** Closes both sockets. */
    public synchronized void stop() {
        if (udp != null) {
            udp.close();
            try {
                tcp.close();
            } catch (IOException e) {
                // closing anyway
            }
            workers.shutdownNow();
            udp = null;
            tcp = null;
        }
    }

    private void serveUdp(DatagramSocket socket) {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] answer = respond(query, true);
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                // one bad datagram does not stop the server
            }
        }
    }

    private void acceptTcp(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                workers.execute(() -> serveTcp(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket connection) {
        try (connection; DataInputStream in = new DataInputStream(connection.getInputStream());
             DataOutputStream out = new DataOutputStream(connection.getOutputStream())) {
            connection.setSoTimeout(10_000);
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] answer = respond(query, false);
                if (answer == null) {
                    return;
                }
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (EOFException e) {
            // client closed the connection
        } catch (IOException e) {
            // connection dropped or timed out
        }
    }

    /** The wire answer to a wire query, or null for something that is not a DNS message at all. */
    byte[] respond(byte[] wire, boolean udpTransport) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            if (wire.length < 12) {
                return null;
            }
            Message error = new Message(((wire[0] & 0xff) << 8) | (wire[1] & 0xff));
            error.getHeader().setFlag(Flags.QR);
            error.getHeader().setRcode(Rcode.FORMERR);
            return error.toWire();
        }
        Message response = authority.answer(query);
        if (!udpTransport) {
            return response.toWire();
        }
        OPTRecord opt = query.getOPT();
        int limit = opt == null ? 512 : Math.max(512, opt.getPayloadSize());
        if (opt != null) {
            response.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        return response.toWire(limit);
    }
}
