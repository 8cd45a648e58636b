package io.zonebridge.secondary;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * One SOA query to a primary, as a secondary asks it before a transfer: over UDP on the calling thread (a blocking
 * socket, so the answer wakes the caller itself, with no resolver thread and future in between: this query is on
 * the NOTIFY → Route 53 path), TSIG-signed when a key is given and the answer verified with it
 * ({@link Message#isVerified()}). Answers that are not the one asked for (another ID or question) are ignored until
 * the timeout; a truncated answer is asked again over TCP. Stateless.
 */
final class SoaQuery {

    /** Largest UDP answer read (EDNS is not offered, so 512 is what a primary may send; more is room). */
    private static final int MAX_UDP = 65_535;

    private SoaQuery() {
    }

    /**
     * Asks {@code primary} for the SOA of {@code zone}.
     *
     * @return the primary's answer, TSIG-verified when {@code tsig} is given (check {@link Message#isVerified()})
     * @throws IOException when no answer came within {@code timeout}, or it cannot be read
     */
    static Message ask(Name zone, PrimaryServer primary, TSIG tsig, Duration timeout) throws IOException {
        Message query = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        if (tsig != null) {
            tsig.apply(query, null);
        }
        byte[] out = query.toWire();
        InetSocketAddress address = primary.socketAddress();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(address);
            socket.send(new DatagramPacket(out, out.length));
            byte[] in = new byte[MAX_UDP];
            while (true) {
                long left = deadline - System.nanoTime();
                DatagramPacket packet = new DatagramPacket(in, in.length);
                try {
                    if (left <= 0) {
                        throw new SocketTimeoutException();
                    }
                    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    throw new SocketTimeoutException("no answer to the SOA query within " + timeout.toMillis()
                            + " ms");
                }
                byte[] answer = Arrays.copyOf(in, packet.getLength());
                Message response;
                try {
                    response = new Message(answer);
                } catch (IOException e) {
                    continue; // not a DNS message: not the answer
                }
                if (!answers(query, response)) {
                    continue;
                }
                if (response.getHeader().getFlag(Flags.TC)) {
                    return overTcp(query, primary, tsig, timeout);
                }
                if (tsig != null) {
                    tsig.verify(response, answer, query.getTSIG());
                }
                return response;
            }
        }
    }

    /** Whether {@code response} is a response to {@code query}: same ID, a response, the same question. */
    private static boolean answers(Message query, Message response) {
        return response.getHeader().getID() == query.getHeader().getID()
                && response.getHeader().getFlag(Flags.QR)
                && query.getQuestion().equals(response.getQuestion());
    }

    /** The query again over TCP (the UDP answer did not fit), through dnsjava's resolver. */
    private static Message overTcp(Message query, PrimaryServer primary, TSIG tsig, Duration timeout)
            throws IOException {
        SimpleResolver resolver = new SimpleResolver(primary.socketAddress());
        resolver.setTimeout(timeout);
        resolver.setTCP(true);
        if (tsig != null) {
            resolver.setTSIGKey(tsig);
        }
        return resolver.send(Message.newQuery(query.getQuestion()));
    }
}
