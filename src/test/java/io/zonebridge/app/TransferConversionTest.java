package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.DnsRecordConverter;
import io.zonebridge.secondary.AxfrMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** {@link TransferConversion}: the conversion while messages arrive equals a conversion afterwards. */
class TransferConversionTest {

    private static final String ORIGIN = "conv.test.";

    private static Record record(String name, String type, long ttl, String rdata) {
        try {
            return Record.fromString(Name.fromString(name, Name.fromString(ORIGIN)), Type.value(type), DClass.IN, ttl,
                    rdata, Name.fromString(ORIGIN));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Record> zone(int names) {
        List<Record> records = new ArrayList<>();
        records.add(record("@", "SOA", 300, "ns1 hostmaster 7 3600 600 86400 60"));
        records.add(record("@", "NS", 300, "ns1"));
        for (int i = 0; i < names; i++) {
            records.add(record("h" + i, "A", 300, "10.0." + (i >> 8 & 255) + "." + (i & 255)));
            records.add(record("h" + i, "A", 60, "10.1." + (i >> 8 & 255) + "." + (i & 255)));
            records.add(record("h" + i, "TXT", 300, "\"host " + i + "\""));
            records.add(record("h" + i, "HINFO", 300, "\"x86\" \"linux\""));
        }
        records.add(record("h0", "A", 30, "10.9.9.9")); // a name seen again, apart from its other records
        return records;
    }

    /** The records as transfer messages of up to {@code perMessage} answers each, compressed as a primary sends them. */
    private static void deliver(TransferConversion conversion, List<Record> records, int perMessage) {
        for (int from = 0; from < records.size(); from += perMessage) {
            Message message = new Message(7);
            message.getHeader().setFlag(Flags.QR);
            records.subList(from, Math.min(records.size(), from + perMessage))
                    .forEach(r -> message.addRecord(r, Section.ANSWER));
            try {
                conversion.message(AxfrMessage.parse(message.toWire()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void messagesDeliveredWhileArrivingConvertToWhatAConversionAfterwardsGives() {
        List<Record> zone = zone(3000);
        ConvertedZone expected = DnsRecordConverter.convert(ORIGIN, zone);
        TransferConversion conversion = new TransferConversion(ORIGIN);
        deliver(conversion, zone, 300);

        ConvertedZone converted = conversion.zone(zone.size());

        assertEquals(expected, converted);
        assertEquals(3000, converted.skippedByType().get("HINFO"));
        assertEquals(30L, converted.snapshot().get(io.zonebridge.model.RecordKey.of("h0.conv.test.", "A"))
                .orElseThrow().ttl(), "the lowest TTL of the set, its late record included");
    }

    @Test
    void aConversionThatSawADifferentNumberOfRecordsThanTheZoneIsNeverTaken() {
        List<Record> zone = zone(500);
        TransferConversion partial = new TransferConversion(ORIGIN);
        deliver(partial, zone.subList(0, 700), 100);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> partial.zone(zone.size()));
        assertTrue(e.getMessage().contains("saw 700 records, the zone has " + zone.size()), e.getMessage());
    }

    @Test
    void aRecordOutsideTheOriginFailsAsAConversionAfterwardsWould() {
        List<Record> zone = new ArrayList<>(zone(10));
        zone.add(20, record("stray.other.test.", "A", 300, "192.0.2.1"));
        TransferConversion conversion = new TransferConversion(ORIGIN);
        deliver(conversion, zone, 30);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conversion.zone(zone.size()));
        assertTrue(e.getMessage().contains("stray.other.test.") && e.getMessage().contains("outside the origin"),
                e.getMessage());
    }
}
