package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/** {@link NotifyHandler} on crafted packets: every decision, the response shape, TSIG, duplicates, counters. */
class NotifyHandlerTest {

    private static final TsigKeySpec KEY = new TsigKeySpec("xfr-key", "hmac-sha256",
            "8Dq2rwPqkVfIqvN8u7lHJdOq0Wm7nqnPqHc0nCqf3bE=");
    private static final TsigKeySpec WRONG_SECRET = new TsigKeySpec("xfr-key", "hmac-sha256",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    private static final TsigKeySpec OTHER_NAME = new TsigKeySpec("other-key", "hmac-sha256",
            "8Dq2rwPqkVfIqvN8u7lHJdOq0Wm7nqnPqHc0nCqf3bE=");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final NotifyHandler handler = new NotifyHandler(List.of(
            SecondaryZone.of("example.com", List.of("192.0.2.1", "192.0.2.2:5300"))
                    .withNotifySources(AddressAllowList.parse("192.0.2.0/24", "2001:db8::/32")),
            SecondaryZone.of("secure.com", List.of("192.0.2.1")).withTsigKey(KEY)),
            Duration.ofSeconds(30), clock);

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static Message notify(String zone, Long serial) throws Exception {
        Name name = Name.fromString(zone, Name.root);
        Message m = new Message(4242);
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(Record.newRecord(name, Type.SOA, DClass.IN), Section.QUESTION);
        if (serial != null) {
            m.addRecord(new SOARecord(name, DClass.IN, 300, Name.fromString("ns1", name),
                    Name.fromString("hostmaster", name), serial, 3600, 600, 86400, 300), Section.ANSWER);
        }
        return m;
    }

    private static byte[] signed(Message m, TsigKeySpec key) {
        key.toTsig().apply(m, null);
        return m.toWire();
    }

    @Test
    void anAcceptedNotifyAnnouncesItsSerialARefusedOneDoesNot() throws Exception {
        SerialTracker announced = new SerialTracker();
        NotifyHandler announcing = new NotifyHandler(List.of(SecondaryZone.of("example.com", List.of("192.0.2.1"))
                .withNotifySources(AddressAllowList.parse("192.0.2.0/24"))), Duration.ofSeconds(30), clock, announced);
        Name zone = Name.fromString("example.com.");

        assertEquals(NotifyReason.REFUSED, announcing.handle(notify("example.com", 7L).toWire(),
                ip("198.51.100.1")).reason());
        assertTrue(announced.known(zone).isEmpty(), "a refused NOTIFY announces nothing");

        assertEquals(NotifyReason.ACCEPTED, announcing.handle(notify("example.com", 7L).toWire(),
                ip("192.0.2.1")).reason());
        assertEquals(Optional.of(7L), announced.known(zone));
        assertEquals(NotifyReason.ACCEPTED, announcing.handle(notify("example.com", null).toWire(),
                ip("192.0.2.1")).reason());
        assertEquals(Optional.of(7L), announced.known(zone), "a NOTIFY without a serial leaves the last one");
    }

    @Test
    void acceptsAWellFormedNotifyAndAnswersSoThePrimaryStopsResending() throws Exception {
        Message request = notify("example.com", 2024010101L);

        NotifyOutcome outcome = handler.handle(request.toWire(), ip("192.0.2.1"));

        assertEquals(NotifyReason.ACCEPTED, outcome.reason());
        assertTrue(outcome.accepted());
        assertEquals(Name.fromString("example.com."), outcome.zone());
        assertEquals(2024010101L, outcome.serialHint());
        Message response = new Message(outcome.response());
        assertEquals(4242, response.getHeader().getID());
        assertTrue(response.getHeader().getFlag(Flags.QR));
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertEquals(Opcode.NOTIFY, response.getHeader().getOpcode());
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(request.getQuestion(), response.getQuestion());
        assertNull(response.getTSIG());
    }

    @Test
    void aNotifyWithoutSerialIsAcceptedWithoutHint() throws Exception {
        NotifyOutcome outcome = handler.handle(notify("example.com", null).toWire(), ip("2001:db8::53"));

        assertTrue(outcome.accepted(), outcome.toString());
        assertNull(outcome.serialHint());
    }

    @Test
    void theSameZoneAndSerialWithinTheWindowIsADuplicateButStillAnswered() throws Exception {
        byte[] packet = notify("example.com", 7L).toWire();
        assertTrue(handler.handle(packet, ip("192.0.2.1")).accepted());

        clock.advance(Duration.ofSeconds(29));
        NotifyOutcome repeat = handler.handle(packet, ip("192.0.2.2"));
        assertEquals(NotifyReason.DUPLICATE, repeat.reason());
        assertFalse(repeat.accepted());
        assertEquals(Rcode.NOERROR, new Message(repeat.response()).getRcode());
        assertTrue(handler.handle(notify("example.com", 8L).toWire(), ip("192.0.2.1")).accepted(),
                "another serial is news");

        clock.advance(Duration.ofSeconds(2));
        assertTrue(handler.handle(packet, ip("192.0.2.1")).accepted(), "after the window it counts again");
    }

    @Test
    void aSourceOffTheAllowListIsRefused() throws Exception {
        NotifyOutcome outcome = handler.handle(notify("example.com", 1L).toWire(), ip("198.51.100.9"));

        assertEquals(NotifyReason.REFUSED, outcome.reason());
        Message response = new Message(outcome.response());
        assertEquals(Rcode.REFUSED, response.getRcode());
        assertEquals(4242, response.getHeader().getID());
        assertTrue(response.getHeader().getFlag(Flags.QR));
        assertTrue(outcome.detail().contains("198.51.100.9"), outcome.detail());
    }

    @Test
    void anUnknownZoneIsRefused() throws Exception {
        NotifyOutcome outcome = handler.handle(notify("stranger.org", 1L).toWire(), ip("192.0.2.1"));

        assertEquals(NotifyReason.REFUSED, outcome.reason());
        assertEquals(Rcode.REFUSED, new Message(outcome.response()).getRcode());
    }

    @Test
    void aValidTsigIsAcceptedAndTheResponseIsSignedWithTheKey() throws Exception {
        Message request = notify("secure.com", 99L);
        byte[] packet = signed(request, KEY);

        NotifyOutcome outcome = handler.handle(packet, ip("192.0.2.1"));

        assertTrue(outcome.accepted(), outcome.toString());
        Message response = new Message(outcome.response());
        assertNotNull(response.getTSIG(), "the response is signed");
        TSIG primarySide = KEY.toTsig();
        assertEquals(Rcode.NOERROR, primarySide.verify(response, outcome.response(), request.getTSIG()),
                "the primary can verify the signed response");
    }

    @Test
    void aSignedNotifyWrittenOtherwiseIsTheSameNotifyAndADuplicate() throws Exception {
        byte[] packet = signed(notify("secure.com", 100L), KEY);
        assertTrue(handler.handle(packet, ip("192.0.2.1")).accepted());
        int tsigTtl = notify("secure.com", 100L).toWire().length + Name.fromString("xfr-key.").length() + 4;
        byte[] topBitTtl = packet.clone();
        topBitTtl[tsigTtl] = (byte) 0x80; // RFC 2181 8: read as TTL 0, which is what the MAC covers

        NotifyOutcome outcome = handler.handle(topBitTtl, ip("192.0.2.1"));

        assertEquals(NotifyReason.DUPLICATE, outcome.reason(), "the signature still verifies: " + outcome);
    }

    @Test
    void aBadSignatureIsNotAuth() throws Exception {
        NotifyOutcome outcome = handler.handle(signed(notify("secure.com", 99L), WRONG_SECRET), ip("192.0.2.1"));

        assertEquals(NotifyReason.NOTAUTH, outcome.reason());
        Message response = new Message(outcome.response());
        assertEquals(Rcode.NOTAUTH, response.getRcode());
        TSIGRecord tsig = response.getTSIG();
        assertNotNull(tsig);
        assertEquals(Rcode.BADSIG, tsig.getError());
        assertEquals(0, tsig.getSignature().length, "no MAC on a BADSIG answer");
    }

    @Test
    void anUnknownKeyIsNotAuthWithBadKey() throws Exception {
        NotifyOutcome outcome = handler.handle(signed(notify("secure.com", 99L), OTHER_NAME), ip("192.0.2.1"));

        assertEquals(NotifyReason.NOTAUTH, outcome.reason());
        assertEquals(Rcode.BADKEY, new Message(outcome.response()).getTSIG().getError());
    }

    @Test
    void aMissingSignatureIsNotAuth() throws Exception {
        NotifyOutcome outcome = handler.handle(notify("secure.com", 99L).toWire(), ip("192.0.2.1"));

        assertEquals(NotifyReason.NOTAUTH, outcome.reason());
        assertEquals(Rcode.NOTAUTH, new Message(outcome.response()).getRcode());
        assertTrue(outcome.detail().contains("not signed"), outcome.detail());
    }

    @Test
    void aSignatureForAZoneWithoutKeyIsNotAuth() throws Exception {
        NotifyOutcome outcome = handler.handle(signed(notify("example.com", 5L), KEY), ip("192.0.2.1"));

        assertEquals(NotifyReason.NOTAUTH, outcome.reason());
    }

    @Test
    void anAllowedTsigZoneStillChecksTheSourceFirst() throws Exception {
        NotifyOutcome outcome = handler.handle(signed(notify("secure.com", 99L), KEY), ip("203.0.113.1"));

        assertEquals(NotifyReason.REFUSED, outcome.reason());
    }

    @Test
    void questionCountOtherThanOneIsFormErr() throws Exception {
        Message two = notify("example.com", 1L);
        two.addRecord(Record.newRecord(Name.fromString("example.net."), Type.SOA, DClass.IN), Section.QUESTION);
        Message none = new Message(77);
        none.getHeader().setOpcode(Opcode.NOTIFY);

        NotifyOutcome outcomeTwo = handler.handle(two.toWire(), ip("192.0.2.1"));
        NotifyOutcome outcomeNone = handler.handle(none.toWire(), ip("192.0.2.1"));

        assertEquals(NotifyReason.FORMERR, outcomeTwo.reason());
        assertEquals(Rcode.FORMERR, new Message(outcomeTwo.response()).getRcode());
        assertEquals(NotifyReason.FORMERR, outcomeNone.reason());
        assertEquals(77, new Message(outcomeNone.response()).getHeader().getID());
    }

    @Test
    void aQuestionThatIsNotSoaIsFormErr() throws Exception {
        Message m = new Message(5);
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.addRecord(Record.newRecord(Name.fromString("example.com."), Type.A, DClass.IN), Section.QUESTION);

        assertEquals(NotifyReason.FORMERR, handler.handle(m.toWire(), ip("192.0.2.1")).reason());
    }

    @Test
    void anotherOpcodeIsNotImplemented() throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("example.com."), Type.SOA, DClass.IN));

        NotifyOutcome outcome = handler.handle(query.toWire(), ip("192.0.2.1"));

        assertEquals(NotifyReason.NOTIMP, outcome.reason());
        assertEquals(Rcode.NOTIMP, new Message(outcome.response()).getRcode());
    }

    @Test
    void packetsShorterThanAHeaderAreDroppedWithoutAnswer() throws Exception {
        for (byte[] packet : new byte[][] {{1, 2, 3}, new byte[11], {}, null}) {
            NotifyOutcome outcome = handler.handle(packet, ip("192.0.2.1"));
            assertEquals(NotifyReason.MALFORMED, outcome.reason(), outcome.toString());
            assertNull(outcome.response());
            assertNull(outcome.zone());
        }
    }

    @Test
    void garbageWithAReadableHeaderIsFormErrEchoingTheId() throws Exception {
        byte[] text = "this is not a DNS message at all, just text".getBytes();
        byte[] fiveQuestionsMissing = {0x12, 0x34, 0x20, 0x00, 0x00, 0x05, 0, 0, 0, 0, 0, 0, 1, 2, 3};

        for (byte[] packet : new byte[][] {text, fiveQuestionsMissing}) {
            NotifyOutcome outcome = handler.handle(packet, ip("192.0.2.1"));

            assertEquals(NotifyReason.FORMERR, outcome.reason(), outcome.toString());
            assertTrue(outcome.detail().contains("are not a DNS message"), outcome.detail());
            Message response = new Message(outcome.response());
            assertEquals(new Header(packet).getID(), response.getHeader().getID());
            assertEquals(Rcode.FORMERR, response.getRcode());
            assertTrue(response.getHeader().getFlag(Flags.QR));
            assertFalse(outcome.accepted());
        }
    }

    @Test
    void aValidNotifyFollowedByTrailingBytesIsFormErrNotAccepted() throws Exception {
        byte[] notify = notify("example.com", 2024010101L).toWire();
        byte[] withJunk = Arrays.copyOf(notify, notify.length + 4096);
        Arrays.fill(withJunk, notify.length, withJunk.length, (byte) 0x41);

        NotifyOutcome outcome = handler.handle(withJunk, ip("192.0.2.1"));

        assertEquals(NotifyReason.FORMERR, outcome.reason(), outcome.toString());
        assertTrue(outcome.detail().contains("ends at byte " + notify.length + " but 4096 more bytes follow"),
                outcome.detail());
        assertEquals(Rcode.FORMERR, new Message(outcome.response()).getRcode());
        assertEquals(NotifyReason.ACCEPTED, handler.handle(notify, ip("192.0.2.1")).reason(),
                "the same NOTIFY without the junk is accepted: the junk one was not taken as a duplicate");
    }

    @Test
    void aSignedNotifyWithOneTrailingByteIsFormErr() throws Exception {
        byte[] signed = signed(notify("secure.com", 9L), KEY);

        NotifyOutcome outcome = handler.handle(Arrays.copyOf(signed, signed.length + 1), ip("192.0.2.1"));

        assertEquals(NotifyReason.FORMERR, outcome.reason(), outcome.toString());
    }

    @Test
    void aTruncatedNotifyIsFormErr() throws Exception {
        byte[] notify = notify("example.com", 2024010101L).toWire();
        for (int length : new int[] {Header.LENGTH, Header.LENGTH + 5, notify.length - 1}) {
            NotifyOutcome outcome = handler.handle(Arrays.copyOf(notify, length), ip("192.0.2.1"));

            assertEquals(NotifyReason.FORMERR, outcome.reason(), length + " bytes: " + outcome);
            assertEquals(4242, new Message(outcome.response()).getHeader().getID());
        }
    }

    @Test
    void aResponseIsDroppedNotAnswered() throws Exception {
        Message m = notify("example.com", 1L);
        m.getHeader().setFlag(Flags.QR);

        NotifyOutcome outcome = handler.handle(m.toWire(), ip("192.0.2.1"));

        assertEquals(NotifyReason.MALFORMED, outcome.reason());
        assertNull(outcome.response());
    }

    @Test
    void countsEveryPacketByReason() throws Exception {
        handler.handle(notify("example.com", 1L).toWire(), ip("192.0.2.1"));
        handler.handle(notify("example.com", 1L).toWire(), ip("192.0.2.1"));
        handler.handle(notify("example.com", 1L).toWire(), ip("10.9.9.9"));
        handler.handle(notify("secure.com", 1L).toWire(), ip("192.0.2.1"));
        handler.handle(new byte[] {9}, ip("192.0.2.1"));
        handler.handle(new byte[Header.LENGTH + 1], ip("192.0.2.1"));

        NotifyStats stats = handler.stats();
        assertEquals(1, stats.get(NotifyReason.ACCEPTED));
        assertEquals(1, stats.get(NotifyReason.DUPLICATE));
        assertEquals(1, stats.get(NotifyReason.REFUSED));
        assertEquals(1, stats.get(NotifyReason.NOTAUTH));
        assertEquals(1, stats.get(NotifyReason.MALFORMED));
        assertEquals(1, stats.get(NotifyReason.FORMERR));
        assertEquals(6, stats.total());
    }

    @Test
    void aZoneConfiguredTwiceIsRejected() {
        SecondaryZone zone = SecondaryZone.of("example.com", List.of("192.0.2.1"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new NotifyHandler(List.of(zone, zone)));
        assertTrue(e.getMessage().contains("example.com."), e.getMessage());
    }

    @Property(tries = 2000)
    void anyBytesNeverThrowAndAnyAnswerEchoesTheId(@ForAll byte[] packet) throws Exception {
        NotifyOutcome outcome = handler.handle(packet, ip("192.0.2.1"));

        assertNotNull(outcome);
        if (outcome.response() != null) {
            Message response = new Message(outcome.response());
            assertEquals(new Header(packet).getID(), response.getHeader().getID());
            assertTrue(response.getHeader().getFlag(Flags.QR));
        }
    }

    @Property(tries = 300)
    void mutatedNotifiesNeverThrow(@ForAll int position, @ForAll byte value) throws Exception {
        byte[] packet = signed(notify("secure.com", 12L), KEY);
        packet[Math.floorMod(position, packet.length)] = value;

        NotifyOutcome outcome = handler.handle(packet, ip("192.0.2.1"));

        assertNotNull(outcome.reason());
        if (outcome.accepted()) {
            assertEquals(Rcode.NOERROR, new Message(outcome.response()).getRcode());
        }
    }
}
