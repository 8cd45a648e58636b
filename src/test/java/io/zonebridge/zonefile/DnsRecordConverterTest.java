package io.zonebridge.zonefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class DnsRecordConverterTest {

    private static Record rr(String name, String type, long ttl, String rdata) throws Exception {
        return rr(name, type, DClass.IN, ttl, rdata);
    }

    private static Record rr(String name, String type, int dclass, long ttl, String rdata) throws Exception {
        return Record.fromString(Name.fromString(name), Type.value(type), dclass, ttl, rdata, Name.root);
    }

    @Test
    void groupsBySetWithTheLowestTtlAndNoDuplicateValues() throws Exception {
        ZoneSnapshot snapshot = DnsRecordConverter.toSnapshot("Example.com", List.of(
                rr("www.example.com.", "A", 300, "192.0.2.2"),
                rr("WWW.example.com.", "A", 60, "192.0.2.1"),
                rr("www.example.com.", "A", 300, "192.0.2.2"),
                rr("www.example.com.", "AAAA", 300, "2001:db8:0:0:0:0:0:1"),
                rr("*.example.com.", "TXT", 30, "\"a b\" \"c\"")));
        assertEquals("example.com.", snapshot.origin());
        assertEquals(3, snapshot.size());
        assertEquals(RecordSet.of("www.example.com.", "A", 60, "192.0.2.1", "192.0.2.2"),
                snapshot.get(RecordKey.of("www.example.com.", "A")).orElseThrow());
        assertEquals(List.of("2001:db8::1"), snapshot.get(RecordKey.of("www.example.com.", "AAAA")).orElseThrow().values());
        assertEquals(RecordSet.of("\\052.example.com.", "TXT", 30, "\"a b\" \"c\""),
                snapshot.get(RecordKey.of("\\052.example.com.", "TXT")).orElseThrow());
    }

    @Test
    void skipsAndCountsTypesRoute53DoesNotSupport() throws Exception {
        ConvertedZone converted = DnsRecordConverter.convert("example.com.", List.of(
                rr("example.com.", "NS", 300, "ns1.example.com."),
                rr("example.com.", "HINFO", 300, "\"PC\" \"Linux\""),
                rr("a.example.com.", "HINFO", 300, "\"PC\" \"BSD\""),
                rr("example.com.", "NSEC", 300, "a.example.com. NS NSEC"),
                rr("example.com.", "LOC", 300, "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m")));
        assertEquals(1, converted.snapshot().size());
        assertEquals(Map.of("HINFO", 2, "LOC", 1, "NSEC", 1), converted.skippedByType());
        assertEquals(List.of("HINFO", "LOC", "NSEC"), List.copyOf(converted.skippedByType().keySet()));
        assertEquals(4, converted.skippedCount());
    }

    @Test
    void recordOutsideTheOriginIsAnErrorNamingIt() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsRecordConverter.toSnapshot(
                "example.com", List.of(rr("www.example.com.", "A", 300, "192.0.2.1"), rr("www.example.org.", "A", 300, "192.0.2.2"))));
        assertTrue(e.getMessage().contains("www.example.org."), e.getMessage());
        assertTrue(e.getMessage().contains("outside the origin example.com."), e.getMessage());
    }

    @Test
    void nonInternetClassIsAnErrorNamingTheRecord() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsRecordConverter.toSnapshot(
                "example.com", List.of(rr("version.example.com.", "TXT", DClass.CH, 0, "\"9.18\""))));
        assertTrue(e.getMessage().contains("version.example.com."), e.getMessage());
        assertTrue(e.getMessage().contains("class CH"), e.getMessage());
    }

    @Test
    void emptyInputIsAnEmptyZone() {
        assertEquals(ZoneSnapshot.empty("example.com."), DnsRecordConverter.toSnapshot("example.com.", List.of()));
    }
}
