package io.zonebridge.secondary;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * Test fixture: a DNS primary on loopback (UDP and TCP on one port) that answers from a {@link Script} instead
 * of a zone, for transfers no real server sends on purpose: an AXFR that breaks off before its closing SOA (the
 * connection closed: EOF), one whose signature goes wrong part-way, a crafted IXFR. SOA queries get the script's
 * SOA; AXFR the script's records in messages of {@value #RECORDS_PER_MESSAGE}; IXFR the script's IXFR records
 * (or the AXFR stream when there are none).
 */
public final class ScriptedPrimary implements AutoCloseable {

    public static final int RECORDS_PER_MESSAGE = 10;

    /**
     * What a wrong primary sends: {@code good} with the addresses of its first {@code count} A records of hosts
     * ({@code h...}) changed to 203.0.113.x; as many records, {@code count} of them different.
     */
    public static List<Record> withHostsChanged(List<Record> good, int count) throws IOException {
        List<Record> wrong = new ArrayList<>(good);
        int changed = 0;
        for (int i = 0; i < wrong.size() && changed < count; i++) {
            Record record = wrong.get(i);
            if (record.getType() == Type.A && record.getName().toString().startsWith("h")) {
                wrong.set(i, Record.fromString(record.getName(), Type.A, DClass.IN, record.getTTL(),
                        "203.0.113." + changed, Name.root));
                changed++;
            }
        }
        if (changed != count) {
            throw new IllegalArgumentException("the zone has " + changed + " host A records, not " + count);
        }
        return wrong;
    }

    /**
     * What the primary answers.
     *
     * @param zone the zone, its SOA first (the AXFR is these records and the SOA again)
     * @param cut send the AXFR without its closing SOA, then close the connection
     * @param ixfr the records of the answer to an IXFR request, or {@code null} to answer with the AXFR stream
     * @param key sign every answer with this key (the request must be signed with it), or {@code null}
     * @param wrongMacAt the index of the first transfer message signed with a wrong secret, or -1
     */
    public record Script(List<Record> zone, boolean cut, List<Record> ixfr, TsigKeySpec key,
            int wrongMacAt) {

        public Script {
            zone = List.copyOf(zone);
            ixfr = ixfr == null ? null : List.copyOf(ixfr);
            if (zone.isEmpty() || zone.get(0).getType() != Type.SOA) {
                throw new IllegalArgumentException("a scripted zone starts with its SOA");
            }
        }

        /** Answers with {@code zone} (SOA first), completely and unsigned. */
        public static Script serving(List<Record> zone) {
            return new Script(zone, false, null, null, -1);
        }

        public Script cutBeforeClosingSoa() {
            return new Script(zone, true, ixfr, key, wrongMacAt);
        }

        public Script answeringIxfrWith(List<Record> records) {
            return new Script(zone, cut, records, key, wrongMacAt);
        }

        public Script signedWith(TsigKeySpec signingKey) {
            return new Script(zone, cut, ixfr, signingKey, wrongMacAt);
        }

        /** Signs the transfer's message {@code index} (and the ones after it) with a wrong secret. */
        public Script wrongMacFrom(int index) {
            return new Script(zone, cut, ixfr, key, index);
        }
    }

    private final InetAddress loopback = InetAddress.getByName("127.0.0.1");
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final AtomicInteger axfrs = new AtomicInteger();
    private final AtomicInteger ixfrs = new AtomicInteger();
    private volatile Script script;

    private ScriptedPrimary(Script script) throws IOException {
        this.script = Objects.requireNonNull(script, "script");
        int port = BindPrimary.freePort();
        this.udp = new DatagramSocket(new InetSocketAddress(loopback, port));
        this.tcp = new ServerSocket(port, 5, loopback);
        daemon(this::answerUdp, "scripted-primary-udp");
        daemon(this::acceptTcp, "scripted-primary-tcp");
    }

    public static ScriptedPrimary start(Script script) throws IOException {
        return new ScriptedPrimary(script);
    }

    /** Answers from {@code next} from now on. */
    public void serve(Script next) {
        this.script = Objects.requireNonNull(next, "script");
    }

    public int port() {
        return tcp.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, as a primary is configured. */
    public String primary() {
        return "127.0.0.1:" + port();
    }

    /** AXFR requests answered so far. */
    public int axfrsServed() {
        return axfrs.get();
    }

    /** IXFR requests answered so far. */
    public int ixfrsServed() {
        return ixfrs.get();
    }

    private void answerUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = soaAnswer(query, script);
                udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a packet that is no query: nothing to answer
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket client = tcp.accept();
                daemon(() -> answerTcp(client), "scripted-primary-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answerTcp(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message query = new Message(wire);
                Script now = script;
                int type = query.getQuestion().getType();
                if (type == Type.AXFR || type == Type.IXFR && now.ixfr() == null) {
                    (type == Type.AXFR ? axfrs : ixfrs).incrementAndGet();
                    List<Record> records = new ArrayList<>(now.zone());
                    if (!now.cut()) {
                        records.add(now.zone().get(0));
                    }
                    stream(query, records, now, out);
                    if (now.cut()) {
                        return; // EOF where the closing SOA should come
                    }
                } else if (type == Type.IXFR) {
                    ixfrs.incrementAndGet();
                    stream(query, now.ixfr(), now, out);
                } else {
                    write(out, soaAnswer(query, now));
                }
            }
        } catch (EOFException e) {
            // the client closed the connection
        } catch (IOException e) {
            // closed
        }
    }

    /** The records in messages of {@value #RECORDS_PER_MESSAGE}, each signed when the script has a key. */
    private static void stream(Message query, List<Record> records, Script script, OutputStream out)
            throws IOException {
        TSIGRecord prior = query.getTSIG();
        for (int from = 0, index = 0; from < records.size(); from += RECORDS_PER_MESSAGE, index++) {
            Message message = response(query, from == 0);
            records.subList(from, Math.min(records.size(), from + RECORDS_PER_MESSAGE))
                    .forEach(r -> message.addRecord(r, Section.ANSWER));
            if (script.key() != null) {
                TSIG signer = script.wrongMacAt() >= 0 && index >= script.wrongMacAt() ? wrongSigner(script.key())
                        : script.key().toTsig();
                TSIGRecord signature = signer.generate(message, message.toWire(), Rcode.NOERROR, prior, index == 0);
                message.addRecord(signature, Section.ADDITIONAL);
                prior = signature;
            }
            write(out, message.toWire());
        }
    }

    private static byte[] soaAnswer(Message query, Script script) {
        Message answer = response(query, true);
        if (query.getQuestion() != null && query.getQuestion().getType() == Type.SOA
                && query.getQuestion().getName().equals(script.zone().get(0).getName())) {
            answer.addRecord(script.zone().get(0), Section.ANSWER);
        } else {
            answer.getHeader().setRcode(Rcode.REFUSED);
        }
        if (script.key() != null) {
            answer.addRecord(script.key().toTsig().generate(answer, answer.toWire(), Rcode.NOERROR, query.getTSIG(),
                    true), Section.ADDITIONAL);
        }
        return answer.toWire();
    }

    private static Message response(Message query, boolean withQuestion) {
        Message message = new Message(query.getHeader().getID());
        message.getHeader().setFlag(Flags.QR);
        message.getHeader().setFlag(Flags.AA);
        if (withQuestion && query.getQuestion() != null) {
            message.addRecord(query.getQuestion(), Section.QUESTION);
        }
        return message;
    }

    private static TSIG wrongSigner(TsigKeySpec key) {
        byte[] secret = Base64.getDecoder().decode(key.secretBase64());
        secret[0] ^= 1;
        return new TsigKeySpec(key.name(), key.algorithm(), Base64.getEncoder().encodeToString(secret)).toTsig();
    }

    private static void write(OutputStream out, byte[] wire) throws IOException {
        out.write(ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).array());
        out.flush();
    }

    private static void daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
