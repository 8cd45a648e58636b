package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.testpeers.BindPrimaryExtension;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * {@link SoaQuery} against a real BIND (unsigned, signed with its key, signed with a key it lacks), and against a
 * loopback UDP peer that sends stray datagrams before its (unsigned) answer, or never answers.
 */
class SoaQueryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones();

    private final BindPrimary bind = BIND.get();
    private final TsigKeySpec key = bind.xfrKey();

    @Test
    void asksTheSoaOfAZone() throws Exception {
        Message answer = SoaQuery.ask(Name.fromString("example.test."), PrimaryServer.parse(bind.primary()), null,
                TIMEOUT);
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertTrue(answer.getHeader().getFlag(Flags.AA));
        SOARecord soa = (SOARecord) answer.getSection(Section.ANSWER).get(0);
        assertEquals(bind.serial("example.test"), soa.getSerial());
    }

    @Test
    void aSignedQueryGetsAVerifiedAnswer() throws Exception {
        Message answer = SoaQuery.ask(Name.fromString("secure.test."), PrimaryServer.parse(bind.primary()),
                key.toTsig(), TIMEOUT);
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertTrue(answer.isVerified(), "the answer's TSIG is verified with the key");
    }

    @Test
    void aQuerySignedWithAKeyThePrimaryLacksGetsAnUnverifiedNotauth() throws Exception {
        TsigKeySpec unknown = new TsigKeySpec("other-key", "hmac-sha256", LoopbackPeer.randomSecret());
        Message answer = SoaQuery.ask(Name.fromString("secure.test."), PrimaryServer.parse(bind.primary()),
                unknown.toTsig(), TIMEOUT);
        assertEquals(Rcode.NOTAUTH, answer.getRcode());
        assertFalse(answer.isVerified());
    }

    @Test
    void anUnsignedAnswerToASignedQueryIsNotVerified() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> answerAfterAStray(peer));
            responder.start();
            Message answer = SoaQuery.ask(Name.fromString("example.test."),
                    new PrimaryServer("127.0.0.1", peer.getLocalPort()), key.toTsig(), TIMEOUT);
            responder.join();
            assertEquals(List.of(soa()), answer.getSection(Section.ANSWER));
            assertFalse(answer.isVerified(), "an answer without the key's signature is not verified");
        }
    }

    @Test
    void aStrayDatagramBeforeTheAnswerIsIgnored() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> answerAfterAStray(peer));
            responder.start();
            Message answer = SoaQuery.ask(Name.fromString("example.test."),
                    new PrimaryServer("127.0.0.1", peer.getLocalPort()), null, TIMEOUT);
            responder.join();
            assertEquals(Rcode.NOERROR, answer.getRcode());
            assertEquals(List.of(soa()), answer.getSection(Section.ANSWER));
        }
    }

    @Test
    void noAnswerTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> SoaQuery.ask(
                    Name.fromString("example.test."), new PrimaryServer("127.0.0.1", silent.getLocalPort()), null,
                    Duration.ofMillis(300)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 290, "waited the timeout: " + millis + " ms");
            assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        }
    }

    /** Reads one query; sends a response with another ID, garbage, then the answer. */
    private static void answerAfterAStray(DatagramSocket peer) {
        try {
            DatagramPacket packet = new DatagramPacket(new byte[512], 512);
            peer.receive(packet);
            Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
            Message stray = answer(query);
            stray.getHeader().setID((query.getHeader().getID() + 1) & 0xFFFF);
            stray.removeAllRecords(Section.ANSWER);
            send(peer, packet, stray.toWire());
            send(peer, packet, new byte[] {1, 2, 3});
            send(peer, packet, answer(query).toWire());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message answer(Message query) throws Exception {
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.AA);
        answer.addRecord(query.getQuestion(), Section.QUESTION);
        answer.addRecord(soa(), Section.ANSWER);
        return answer;
    }

    private static Record soa() throws Exception {
        Name zone = Name.fromString("example.test.");
        return new SOARecord(zone, DClass.IN, 300, Name.fromString("ns1.example.test."),
                Name.fromString("admin.example.test."), 7, 3600, 600, 86400, 300);
    }

    private static void send(DatagramSocket peer, DatagramPacket to, byte[] data) throws Exception {
        peer.send(new DatagramPacket(data, data.length, to.getSocketAddress()));
    }
}
