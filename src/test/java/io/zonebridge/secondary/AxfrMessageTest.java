package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/** {@link AxfrMessage}: one walk finds every answer record; a message that does not hold together is refused. */
class AxfrMessageTest {

    private static Record record(String text) throws IOException {
        String[] parts = text.split(" ", 4);
        return Record.fromString(Name.fromString(parts[0]), Type.value(parts[2]), DClass.IN, Long.parseLong(parts[1]),
                parts[3], Name.root);
    }

    private static Message answer(Record... records) {
        Message message = new Message(4711);
        message.getHeader().setFlag(Flags.QR);
        message.addRecord(Record.newRecord(records[0].getName(), Type.AXFR, DClass.IN), Section.QUESTION);
        for (Record record : records) {
            message.addRecord(record, Section.ANSWER);
        }
        return message;
    }

    @Test
    void everyAnswerRecordIsFoundWithItsOwnerTypeTtlAndData() throws Exception {
        Record a = record("Host.Walk.test. 300 A 192.0.2.7");
        Record mx = record("host.walk.test. 60 MX 10 mail.walk.test.");
        Record ptr = record("7.2.0.192.in-addr.arpa. 86400 PTR host.walk.test.");
        AxfrMessage message = AxfrMessage.parse(answer(a, mx, ptr).toWire());

        assertEquals(3, message.size());
        assertEquals(List.of(Type.A, Type.MX, Type.PTR), List.of(message.type(0), message.type(1), message.type(2)));
        assertEquals(List.of(300L, 60L, 86400L), List.of(message.ttl(0), message.ttl(1), message.ttl(2)));
        assertEquals(DClass.IN, message.dclass(1));
        assertEquals(4, message.rdataLength(0));
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 7}, Arrays.copyOfRange(message.wire(),
                message.rdataOffset(0), message.rdataOffset(0) + 4));
        assertEquals(message.nameStart(message.ownerOffset(0)), message.nameStart(message.ownerOffset(1)),
                "the second owner is compressed to the first, so they start at the same place");
        byte[] name = new byte[256];
        int length = message.name(message.ownerOffset(1), name);
        assertEquals(new Name("Host.Walk.test."), new Name(Arrays.copyOf(name, length)));
        assertEquals(List.of(a, mx, ptr), message.records());
        assertEquals(-1, message.tsigOffset());
    }

    @Test
    void aSignedMessageHasItsTsigRecordFoundAndKeptOutOfTheAnswers() throws Exception {
        Message signed = answer(record("a.walk.test. 300 A 192.0.2.1"));
        new TSIG(TSIG.HMAC_SHA256, "walk-key.", "c2VjcmV0c2VjcmV0c2VjcmV0").apply(signed, null);
        AxfrMessage message = AxfrMessage.parse(signed.toWire());

        assertEquals(1, message.size());
        assertTrue(message.tsigOffset() > 0);
    }

    @Test
    void malformedMessagesAreRefusedSayingWhatIsWrong() throws Exception {
        byte[] good = answer(record("a.walk.test. 300 A 192.0.2.1"), record("a.walk.test. 300 A 192.0.2.2")).toWire();

        assertMalformed(Arrays.copyOf(good, 8), "shorter than a DNS header");
        assertMalformed(Arrays.copyOf(good, good.length - 2), "ends inside a record");
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        assertMalformed(longer, "3 bytes after its last record");
        byte[] forward = good.clone();
        int secondOwner = good.length - 16; // the second record: a 2-byte pointer, 10 fixed bytes, 4 address bytes
        forward[secondOwner] = (byte) 0xC0;
        forward[secondOwner + 1] = (byte) (secondOwner + 2);
        assertMalformed(forward, "does not point backwards");
        byte[] labelType = good.clone();
        labelType[12] = (byte) 0x41; // the question's first length byte with the reserved 01 label type
        assertMalformed(labelType, "unknown label type");
    }

    @Test
    void aTsigRecordBeforeAnotherAdditionalRecordIsRefused() throws Exception {
        Message signed = answer(record("a.walk.test. 300 A 192.0.2.1"));
        new TSIG(TSIG.HMAC_SHA256, "walk-key.", "c2VjcmV0c2VjcmV0c2VjcmV0").apply(signed, null);
        byte[] wire = signed.toWire();
        byte[] extra = record("b.walk.test. 300 A 192.0.2.9").toWire(Section.ADDITIONAL);
        ByteArrayOutputStream appended = new ByteArrayOutputStream();
        appended.writeBytes(wire);
        appended.writeBytes(extra);
        byte[] bytes = appended.toByteArray();
        bytes[11]++; // one more additional record

        assertMalformed(bytes, "TSIG record that is not the last record");
    }

    private static void assertMalformed(byte[] wire, String expected) {
        IOException e = assertThrows(IOException.class, () -> AxfrMessage.parse(wire));
        assertTrue(e.getMessage().startsWith("malformed message") && e.getMessage().contains(expected), e.getMessage());
    }
}
