package io.zonebridge.app;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.xbill.DNS.Message;

/**
 * Test client of DNS over TCP (RFC 1035 4.2.2): one connection to 127.0.0.1, messages written with their two-byte
 * length in front, responses read the same way. Also writes raw bytes, to send frames that lie.
 */
final class DnsTcpClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    DnsTcpClient(int port, Duration readTimeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** {@code message} with its length in front. */
    static byte[] frame(byte[] message) {
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >>> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        return framed;
    }

    void send(byte[] message) throws IOException {
        writeRaw(frame(message));
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next response; throws {@link EOFException} when the server closed the connection. */
    Message receive() throws IOException {
        int length = in.readUnsignedShort();
        byte[] message = new byte[length];
        in.readFully(message);
        return new Message(message);
    }

    /** Whether the server closes the connection (end of stream or reset) within the read timeout, sending nothing. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** Closes at once with a reset (SO_LINGER 0), as a client that gives up would. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
