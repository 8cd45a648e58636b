package io.zonebridge.reverse;

import io.zonebridge.route53.RecordNameCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReverseZoneIndexTest {

    private static ReverseZone zone(String name, String id) {
        return new ReverseZone(name, id, true, "111111111111");
    }

    private static final ReverseZoneIndex INDEX = ReverseZoneIndex.of(List.of(
            zone("10.in-addr.arpa.", "Z8"),
            zone("1.0.10.in-addr.arpa.", "Z24"),
            zone("0\\05725.1.0.10.in-addr.arpa.", "Z25"),
            zone("64-127.2.0.10.in-addr.arpa", "Z26"),
            zone("8.b.d.0.1.0.0.2.ip6.arpa.", "Z6-32"),
            zone("0.0.a.1.4.3.2.1.8.b.d.0.1.0.0.2.ip6.arpa.", "Z6-64"),
            zone("internal.example.com.", "ZFWD"),
            zone("lab.in-addr.arpa.", "ZODD")), Map.of());

    @Test
    void ipv4LongestStandardMatch() {
        assertEquals(Optional.of(new PtrLocation("1.0.10.in-addr.arpa.", "200.1.0.10.in-addr.arpa.", 24)),
                INDEX.locate("10.0.1.200"));
        assertEquals(Optional.of(new PtrLocation("10.in-addr.arpa.", "5.3.0.10.in-addr.arpa.", 8)),
                INDEX.locate("10.0.3.5"));
    }

    @Test
    void classlessZoneBeatsItsParent() {
        assertEquals(Optional.of(new PtrLocation("0\\05725.1.0.10.in-addr.arpa.",
                        "25.0\\05725.1.0.10.in-addr.arpa.", 25)),
                INDEX.locate("10.0.1.25"));
        assertEquals(Optional.of(new PtrLocation("0\\05725.1.0.10.in-addr.arpa.",
                        "127.0\\05725.1.0.10.in-addr.arpa.", 25)),
                INDEX.locate("10.0.1.127"));
        // .128 is outside 0/25: back to the /24
        assertEquals("1.0.10.in-addr.arpa.", INDEX.locate("10.0.1.128").orElseThrow().zoneName());
    }

    @Test
    void classlessRangeSpelling() {
        assertEquals(Optional.of(new PtrLocation("64-127.2.0.10.in-addr.arpa.", "100.64-127.2.0.10.in-addr.arpa.", 26)),
                INDEX.locate("10.0.2.100"));
        assertEquals("10.in-addr.arpa.", INDEX.locate("10.0.2.63").orElseThrow().zoneName());
    }

    @Test
    void classlessDashPrefixLengthAndRawSlashSpellings() {
        ReverseZoneIndex dash = ReverseZoneIndex.of(List.of(zone("0-25.1.0.10.in-addr.arpa.", "Z")), Map.of());
        assertEquals(Optional.of(new PtrLocation("0-25.1.0.10.in-addr.arpa.", "7.0-25.1.0.10.in-addr.arpa.", 25)),
                dash.locate("10.0.1.7"));
        assertEquals(Optional.empty(), dash.locate("10.0.1.130"));

        ReverseZoneIndex slash = ReverseZoneIndex.of(List.of(zone("128/26.1.0.10.in-addr.arpa.", "Z")), Map.of());
        String zoneName = RecordNameCodec.canonical("128/26.1.0.10.in-addr.arpa.");
        assertEquals(Optional.of(new PtrLocation(zoneName, RecordNameCodec.canonical("130." + zoneName), 26)),
                slash.locate("10.0.1.130"));
        assertEquals(Optional.empty(), slash.locate("10.0.1.192"));
    }

    @Test
    void ipv6NibbleZones() {
        assertEquals(Optional.of(new PtrLocation("0.0.a.1.4.3.2.1.8.b.d.0.1.0.0.2.ip6.arpa.",
                        "0.3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.a.1.4.3.2.1.8.b.d.0.1.0.0.2.ip6.arpa.", 64)),
                INDEX.locate("2001:db8:1234:1a00::30"));
        assertEquals("8.b.d.0.1.0.0.2.ip6.arpa.", INDEX.locate("2001:db8:ffff::1").orElseThrow().zoneName());
        assertEquals(32, INDEX.locate("2001:DB8:FFFF::1").orElseThrow().prefixBits());
    }

    @Test
    void addressWithoutReverseZoneIsEmpty() {
        assertEquals(Optional.empty(), INDEX.locate("192.168.1.1"));
        assertEquals(Optional.empty(), INDEX.locate("2001:db9::1"));
    }

    @Test
    void forwardZonesAreLeftOutAndOddReverseNamesReported() {
        assertEquals(List.of("lab.in-addr.arpa."), INDEX.uninterpretable());
        assertTrue(INDEX.zones("internal.example.com.").isEmpty());
        assertEquals(List.of(zone("1.0.10.in-addr.arpa.", "Z24")), INDEX.zones("1.0.10.in-addr.arpa"));
    }

    @Test
    void zonesOfOneNameArePrivateFirst() {
        ReverseZone publicZone = new ReverseZone("1.0.10.in-addr.arpa.", "ZA", false, "1");
        ReverseZone privateB = new ReverseZone("1.0.10.in-addr.arpa.", "ZC", true, "2");
        ReverseZone privateA = new ReverseZone("1.0.10.in-addr.arpa.", "ZB", true, "2");
        ReverseZoneIndex index = ReverseZoneIndex.of(List.of(publicZone, privateB, privateA), Map.of());
        assertEquals(List.of(privateA, privateB, publicZone), index.zones("1.0.10.in-addr.arpa."));
    }

    @Test
    void configuredPrefixes() {
        ReverseZoneIndex index = ReverseZoneIndex.of(List.of(zone("1.0.10.in-addr.arpa.", "Z24"),
                        zone("lab.in-addr.arpa.", "ZLAB")),
                Map.of("10.0.1.192/26", "lab.in-addr.arpa.",
                        "10.9.0.0/16", "9.10.in-addr.arpa."));
        assertEquals(Optional.of(new PtrLocation("lab.in-addr.arpa.", "200.lab.in-addr.arpa.", 26)),
                index.locate("10.0.1.200"));
        assertEquals("1.0.10.in-addr.arpa.", index.locate("10.0.1.10").orElseThrow().zoneName());
        assertEquals(Optional.of(new PtrLocation("9.10.in-addr.arpa.", "4.3.9.10.in-addr.arpa.", 16)),
                index.locate("10.9.3.4"));
        assertTrue(index.uninterpretable().isEmpty(), "the configured prefix interprets lab.in-addr.arpa.");
        assertTrue(index.zoneNames().contains("9.10.in-addr.arpa."));
    }

    @Test
    void invalidConfiguredPrefixesAreRefusedByName() {
        IllegalArgumentException notAligned = assertThrows(IllegalArgumentException.class,
                () -> ReverseZoneIndex.of(List.of(), Map.of("10.0.1.5/24", "1.0.10.in-addr.arpa.")));
        assertTrue(notAligned.getMessage().contains("10.0.1.5/24"), notAligned.getMessage());
        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
                () -> ReverseZoneIndex.of(List.of(), Map.of("10.8.0.0/16", "lab.in-addr.arpa.")));
        assertTrue(tooWide.getMessage().contains("10.8.0.0/16"), tooWide.getMessage());
    }

    @Test
    void misalignedClasslessNamesAreNotInterpreted() {
        ReverseZoneIndex index = ReverseZoneIndex.of(List.of(zone("3-25.1.0.10.in-addr.arpa.", "Z"),
                zone("0-100.1.0.10.in-addr.arpa.", "Z2")), Map.of());
        assertEquals(List.of("0-100.1.0.10.in-addr.arpa.", "3-25.1.0.10.in-addr.arpa."), index.uninterpretable());
        assertEquals(Optional.empty(), index.locate("10.0.1.4"));
    }
}
