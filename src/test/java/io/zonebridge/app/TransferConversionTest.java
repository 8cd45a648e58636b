package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.DnsRecordConverter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** {@link TransferConversion}: the overlapped conversion equals a conversion afterwards, whatever arrived. */
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

    @Test
    void recordsDeliveredInRunsConvertToWhatAConversionAfterwardsGives() {
        List<Record> zone = zone(3000);
        ConvertedZone expected = DnsRecordConverter.convert(ORIGIN, zone);
        try (TransferConversion conversion = new TransferConversion(ORIGIN)) {
            conversion.started();
            for (int from = 0; from < zone.size(); from += 1000) {
                conversion.records(List.copyOf(zone.subList(from, Math.min(zone.size(), from + 1000))));
            }

            ConvertedZone converted = conversion.of(zone);

            assertEquals(expected, converted);
            assertEquals(3000, converted.skippedByType().get("HINFO"));
            assertEquals(30L, converted.snapshot().get(io.zonebridge.model.RecordKey.of("h0.conv.test.", "A"))
                    .orElseThrow().ttl(), "the lowest TTL of the set, its late record included");
        }
    }

    @Test
    void aVoidedAttemptOrAPartialDeliveryIsNeverTakenForTheZone() {
        List<Record> zone = zone(500);
        ConvertedZone expected = DnsRecordConverter.convert(ORIGIN, zone);
        try (TransferConversion conversion = new TransferConversion(ORIGIN)) {
            conversion.started();
            conversion.records(List.copyOf(zone(900).subList(0, 1200))); // a failed attempt's records
            conversion.started();
            conversion.records(List.copyOf(zone.subList(0, 700))); // only part of the zone was delivered

            assertEquals(expected, conversion.of(zone));
        }
        try (TransferConversion nothingDelivered = new TransferConversion(ORIGIN)) {
            assertEquals(expected, nothingDelivered.of(zone));
        }
    }

    @Test
    void aRecordOutsideTheOriginFailsAsAConversionAfterwardsWould() {
        List<Record> zone = new ArrayList<>(zone(10));
        zone.add(20, record("stray.other.test.", "A", 300, "192.0.2.1"));
        try (TransferConversion conversion = new TransferConversion(ORIGIN)) {
            conversion.started();
            conversion.records(List.copyOf(zone));

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> conversion.of(zone));
            assertTrue(e.getMessage().contains("stray.other.test.") && e.getMessage().contains("outside the origin"),
                    e.getMessage());
        }
    }
}
