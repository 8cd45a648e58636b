package io.zonebridge.zonefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.secondary.AxfrMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * {@link RecordSetGrouping#add(AxfrMessage)}: transfer messages read straight from their bytes (compressed names
 * included) give exactly what the records parsed by dnsjava give, for every kind of name and value a zone holds,
 * however the records are split into messages; record data that does not fit its type is refused by name.
 */
class TransferMessageGroupingTest {

    private static final String ORIGIN = "Wire.Test.";

    private static Record rr(String name, String type, int dclass, long ttl, String rdata) {
        try {
            Name origin = Name.fromString(ORIGIN);
            return Record.fromString(Name.fromString(name, origin), Type.value(type), dclass, ttl, rdata, origin);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Record rr(String name, String type, long ttl, String rdata) {
        return rr(name, type, DClass.IN, ttl, rdata);
    }

    /** A zone of every shape of name and value, in transfer order (a name's records together, mostly). */
    private static List<Record> zone() {
        List<Record> records = new ArrayList<>(List.of(
                rr("@", "SOA", 3600, "ns1 hostmaster.Wire.Test. 2024010101 3600 600 86400 60"),
                rr("@", "NS", 3600, "ns1.Wire.Test."),
                rr("@", "NS", 3600, "ns2.elsewhere.example."),
                rr("@", "MX", 300, "10 Mail"),
                rr("@", "MX", 300, "20 mail.elsewhere.example."),
                rr("*", "A", 300, "192.0.2.80"),
                rr("*.Sub", "CNAME", 300, "Target.Wire.Test."),
                rr("a\\.b", "A", 300, "192.0.2.1"),
                rr("\\@home", "AAAA", 300, "2001:db8::1"),
                rr("under_score", "PTR", 300, "Host\\032With\\032Spaces.Wire.Test."),
                rr("xn--bcher-kva", "A", 300, "192.0.2.9"),
                rr("v6", "AAAA", 300, "::ffff:192.0.2.1"),
                rr("v6", "AAAA", 60, "2001:db8:0:0:1:0:0:1"),
                rr("v6", "AAAA", 300, "2001:DB8::0:1"),
                rr("text", "TXT", 300, "\"" + "x".repeat(255) + "\" \"tail\""),
                rr("srv", "SRV", 300, "0 5 5060 sip.Wire.Test."),
                rr("hinfo", "HINFO", 300, "\"PC\" \"Linux\""),
                rr("nullmx", "MX", 300, "0 ."),
                rr("dup", "A", 300, "192.0.2.3"),
                rr("dup", "A", 30, "192.0.2.3")));
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            String name = "Host-" + i;
            records.add(rr(name, "A", 300, "10.0." + random.nextInt(256) + "." + random.nextInt(256)));
            records.add(rr(name, "A", 300, "10.1." + random.nextInt(256) + "." + random.nextInt(256)));
            records.add(rr(name, "MX", 300, random.nextInt(65536) + " mx" + (i % 7) + ".Wire.Test."));
            if (i % 3 == 0) {
                records.add(rr(name, "TXT", 300, "\"host " + i + "\""));
            }
            records.add(rr(i + ".2.0.192.in-addr.arpa.wire.test.", "PTR", 86400, name + ".Wire.Test."));
        }
        records.add(rr("Host-3", "A", 10, "10.9.9.9")); // a name seen again after others
        return records;
    }

    private static List<AxfrMessage> messages(List<Record> records, int perMessage) throws IOException {
        List<AxfrMessage> messages = new ArrayList<>();
        for (int from = 0; from < records.size(); from += perMessage) {
            Message message = new Message(99);
            message.getHeader().setFlag(Flags.QR);
            records.subList(from, Math.min(records.size(), from + perMessage))
                    .forEach(r -> message.addRecord(r, Section.ANSWER));
            messages.add(AxfrMessage.parse(message.toWire()));
        }
        return messages;
    }

    private static ConvertedZone fromMessages(List<AxfrMessage> messages) {
        RecordSetGrouping grouping = new RecordSetGrouping(ORIGIN);
        messages.forEach(grouping::add);
        return grouping.result();
    }

    @Test
    void messagesGiveWhatTheRecordsParsedByDnsjavaGiveHoweverTheyAreSplit() throws Exception {
        List<Record> zone = zone();
        ConvertedZone expected = DnsRecordConverter.convert(ORIGIN, zone);

        for (int perMessage : new int[] {1, 3, 50, zone.size()}) {
            List<AxfrMessage> messages = messages(zone, perMessage);
            RecordSetGrouping grouping = new RecordSetGrouping(ORIGIN);
            messages.forEach(grouping::add);

            assertEquals(expected, grouping.result(), perMessage + " records a message");
            assertEquals(zone.size(), grouping.added());
        }
        assertTrue(expected.snapshot().size() > 1000, "the zone is not trivial: " + expected.snapshot().size());
        assertEquals(1, expected.skippedByType().get("HINFO"));
    }

    @Test
    void aRecordOfAnotherClassOrOutsideTheOriginIsRefusedByName() throws Exception {
        List<Record> chaos = new ArrayList<>(zone().subList(0, 10));
        chaos.add(rr("version", "TXT", DClass.CH, 0, "\"9.18\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromMessages(messages(chaos, 4)));
        assertTrue(e.getMessage().contains("class CH"), e.getMessage());

        List<Record> stray = new ArrayList<>(zone().subList(0, 10));
        stray.add(rr("www.Other.Test.", "A", 300, "192.0.2.1"));
        e = assertThrows(IllegalArgumentException.class, () -> fromMessages(messages(stray, 4)));
        assertTrue(e.getMessage().contains("www.other.test.") && e.getMessage().contains("outside the origin"),
                e.getMessage());
    }

    @Test
    void recordDataThatDoesNotFitItsTypeIsRefused() throws Exception {
        assertMalformed(Type.A, new byte[] {10, 0, 0, 1, 9}, "malformed A record", "5 bytes of address");
        assertMalformed(Type.AAAA, new byte[4], "malformed AAAA record", "4 bytes of address");
        assertMalformed(Type.CNAME, new byte[] {3, 'w', 'w', 'w', 0, 7}, "malformed CNAME record",
                "does not end where the record data ends");
        assertMalformed(Type.MX, new byte[] {0, 10}, "malformed MX record", "no room");
        assertMalformed(Type.PTR, new byte[] {(byte) 0xC0, 60}, "does not point backwards");
    }

    /** A one-record message, {@code name.wire.test.} of the type with the raw record data, to be refused. */
    private static void assertMalformed(int type, byte[] rdata, String... expected) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(new byte[] {0, 99, (byte) 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0});
        wire.writeBytes(Name.fromString("name.wire.test.").toWire());
        wire.writeBytes(new byte[] {0, (byte) type, 0, 1, 0, 0, 1, 44, 0, (byte) rdata.length});
        wire.writeBytes(rdata);
        AxfrMessage message = AxfrMessage.parse(wire.toByteArray());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromMessages(List.of(message)));
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
