package io.zonebridge.zonefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.RecordValueCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneFileReaderTest {

    private static final String HEX = "D2ABDE240D7CD3EE6B4B28C54DF034B97983A1D16E8A410E4561CB106618E971";
    private static final String DKIM = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAz1kZ2A3dJ0Jk1z2S4sB9sQx7r5C1QzH0"
            + "mPwq0fV8i4wK5kM4N2l1Ytq6Vj3xG7bU8e9rT2dL0cA6Hh5fP3gW1yZ8s0oQ9uI4jK7nM2vB1xE3cR6tY9wA";

    /**
     * The records of zones/example.com.zone exactly as Route 53 lists them (ListResourceRecordSets
     * Name and Value texts), written by hand from route53-api.md §6 and the Route 53 record-format
     * documentation: names lower case with octal escapes and trailing dot, TXT strings quoted with
     * octal escapes, targets absolute.
     */
    private static List<RecordSet> route53Listing() {
        return List.of(
                RecordSet.of("example.com.", "SOA", 3600,
                        "ns1.example.com. hostmaster.example.com. 2024010101 7200 900 1209600 86400"),
                RecordSet.of("example.com.", "NS", 3600, "ns1.example.com.", "ns2.example.net."),
                RecordSet.of("example.com.", "MX", 3600, "10 mail.example.com.", "20 mail2.example.net."),
                RecordSet.of("example.com.", "TXT", 3600, "\"v=spf1 include:_spf.example.net -all\""),
                RecordSet.of("example.com.", "CAA", 3600, "0 issue \"ca.example.net\"", "0 iodef \"mailto:admin@example.com\""),
                RecordSet.of("ns1.example.com.", "A", 3600, "192.0.2.53"),
                RecordSet.of("mail.example.com.", "A", 300, "192.0.2.25"),
                RecordSet.of("www.example.com.", "A", 300, "192.0.2.1", "192.0.2.2"),
                RecordSet.of("www.example.com.", "AAAA", 600, "2001:db8::1"),
                RecordSet.of("\\052.example.com.", "A", 3600, "192.0.2.3"),
                RecordSet.of("\\052.wild.example.com.", "TXT", 3600, "\"wild\""),
                RecordSet.of("a\\056b.example.com.", "A", 3600, "192.0.2.4"),
                RecordSet.of("sp\\040ace.example.com.", "A", 3600, "192.0.2.5"),
                RecordSet.of("\\052star.example.com.", "A", 3600, "192.0.2.6"),
                RecordSet.of("alias.example.com.", "CNAME", 3600, "www.example.com."),
                RecordSet.of("_sip._tcp.example.com.", "SRV", 3600, "10 5 5060 sip.example.com."),
                RecordSet.of("naptr.example.com.", "NAPTR", 3600,
                        "100 50 \"u\" \"E2U+sip\" \"!^(\\\\+441632960083)$!sip:\\\\1@example.com!\" ."),
                RecordSet.of("txt.example.com.", "TXT", 3600,
                        "\"quote\\\"inside\" \"back\\\\slash\" \"tab\\011end\" \"caf\\303\\251\""),
                RecordSet.of("long.example.com.", "TXT", 3600, "\"" + DKIM + "\" \"QIDAQAB\""),
                RecordSet.of("ds.example.com.", "DS", 3600,
                        "12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE49FD46E6C4B45C55D4AC69CB"),
                RecordSet.of("ssh.example.com.", "SSHFP", 3600, "4 2 " + HEX),
                RecordSet.of("_443._tcp.example.com.", "TLSA", 3600, "3 1 1 " + HEX),
                RecordSet.of("svc.example.com.", "HTTPS", 3600, "1 . alpn=h2,h3 port=8443 ipv6hint=2001:db8::1"),
                RecordSet.of("svc2.example.com.", "SVCB", 3600, "0 svc.example.com."),
                RecordSet.of("ptr.example.com.", "PTR", 3600, "www.example.com."),
                RecordSet.of("spf.example.com.", "SPF", 3600, "\"v=spf1 -all\""),
                RecordSet.of("sub.example.com.", "NS", 3600, "ns.sub.example.com."),
                RecordSet.of("ns.sub.example.com.", "A", 3600, "192.0.2.54"),
                RecordSet.of("dup.example.com.", "A", 60, "192.0.2.9", "192.0.2.10"));
    }

    private static Path zone(String name) throws Exception {
        return Path.of(ZoneFileReaderTest.class.getResource("/zones/" + name).toURI());
    }

    @Test
    void zoneFileSnapshotEqualsTheRoute53Listing() throws Exception {
        ConvertedZone converted = new ZoneFileReader().convert(zone("example.com.zone"), null);
        ZoneSnapshot expected = ZoneSnapshot.of("example.com.", route53Listing());
        assertEquals(expected.recordSets().keySet(), converted.snapshot().recordSets().keySet());
        for (RecordSet set : route53Listing()) {
            assertEquals(set, converted.snapshot().recordSets().get(set.key()), set.key().toString());
        }
        assertEquals(expected, converted.snapshot());
        assertEquals(Map.of("DNSKEY", 1, "HINFO", 1, "NSEC", 1), converted.skippedByType());
        assertEquals(3, converted.skippedCount());
    }

    @Test
    void route53ListingIsAlreadyCanonical() {
        // What the gateway reads back from Route 53 goes through the codec; the listing must survive it unchanged.
        for (RecordSet set : route53Listing()) {
            assertEquals(set.name(), RecordNameCodec.canonical(set.name()));
            for (String value : set.values()) {
                assertEquals(value, RecordValueCodec.canonical(set.type(), value), set.key().toString());
            }
        }
    }

    @Test
    void route53InputFormsCanonicaliseToTheSameSnapshot() throws Exception {
        // The same records as a user would type them into Route 53 (docs examples: no trailing dots, mixed case).
        List<RecordSet> typed = new ArrayList<>();
        for (RecordSet set : route53Listing()) {
            typed.add(set);
        }
        typed.set(1, canonical("Example.com", "NS", 3600, "ns1.example.com", "NS2.example.net"));
        typed.set(2, canonical("example.com", "MX", 3600, "10 mail.example.com", "20 Mail2.Example.net"));
        typed.set(8, canonical("WWW.example.com", "AAAA", 600, "2001:0db8:0:0:0:0:0:1"));
        typed.set(9, canonical("*.example.com", "A", 3600, "192.0.2.3"));
        typed.set(11, canonical("a\\.b.example.com", "A", 3600, "192.0.2.4"));
        typed.set(12, canonical("sp\\040ace.example.com", "A", 3600, "192.0.2.5"));
        typed.set(13, canonical("*star.example.com", "A", 3600, "192.0.2.6"));
        typed.set(14, canonical("alias.example.com", "CNAME", 3600, "www.example.com"));
        typed.set(20, canonical("ssh.example.com", "SSHFP", 3600, "4 2 " + HEX.toLowerCase()));
        ZoneSnapshot fromFile = new ZoneFileReader().read(zone("example.com.zone"), "Example.COM");
        assertEquals(ZoneSnapshot.of("example.com.", typed), fromFile);
    }

    private static RecordSet canonical(String name, String type, long ttl, String... values) {
        List<String> canonicalValues = new ArrayList<>();
        for (String v : values) {
            canonicalValues.add(RecordValueCodec.canonical(type, v));
        }
        return RecordSet.of(io.zonebridge.model.RecordKey.of(RecordNameCodec.canonical(name), type), ttl, canonicalValues);
    }

    @Test
    void takesTheOriginFromTheArgumentWhenTheFileHasNone(@TempDir Path dir) throws Exception {
        Path file = write(dir, "plain.zone", """
                $TTL 300
                @    IN SOA ns1 hostmaster 1 7200 900 1209600 86400
                www  IN A   192.0.2.1
                """);
        ZoneSnapshot snapshot = new ZoneFileReader().read(file, "corp.example");
        assertEquals("corp.example.", snapshot.origin());
        assertEquals(RecordSet.of("www.corp.example.", "A", 300, "192.0.2.1"),
                snapshot.recordSets().get(io.zonebridge.model.RecordKey.of("www.corp.example.", "A")));
    }

    @Test
    void expandsGenerateAndFollowsIncludesRelativeToTheFile(@TempDir Path dir) throws Exception {
        write(dir, "hosts.inc", """
                host-a  IN A 192.0.2.10
                """);
        Path file = write(dir, "gen.zone", """
                $ORIGIN example.com.
                $TTL 300
                @    IN SOA ns1 hostmaster 1 7200 900 1209600 86400
                $GENERATE 1-3 h$ IN A 192.0.2.$
                $INCLUDE hosts.inc
                """);
        ZoneSnapshot snapshot = new ZoneFileReader().read(file, null);
        for (int i = 1; i <= 3; i++) {
            assertEquals(List.of("192.0.2." + i), snapshot.get(io.zonebridge.model.RecordKey.of("h" + i + ".example.com.", "A"))
                    .orElseThrow().values());
        }
        assertEquals(List.of("192.0.2.10"), snapshot.get(io.zonebridge.model.RecordKey.of("host-a.example.com.", "A"))
                .orElseThrow().values());
    }

    @Test
    void usesTheDefaultTtlForRecordsWithoutOne(@TempDir Path dir) throws Exception {
        Path file = write(dir, "nottl.zone", """
                www.example.org.  IN A   192.0.2.1
                """);
        ZoneSnapshot snapshot = new ZoneFileReader(120).read(file, "example.org.");
        assertEquals(120L, snapshot.recordSets().values().iterator().next().ttl());
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> new ZoneFileReader().read(file, "example.org."));
        assertEquals(file + ":1: missing TTL", e.getMessage());
    }

    @Test
    void badValueNamesFileLineAndReason(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad-a.zone", """
                $ORIGIN example.com.
                $TTL 300
                @    IN SOA ns1 hostmaster 1 7200 900 1209600 86400
                www  IN A   192.0.2.999
                """);
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> new ZoneFileReader().read(file, null));
        assertEquals(file + ":4: Invalid address: 192.0.2.999", e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(4, e.line());
    }

    @Test
    void badNumberNamesFileLineAndReason(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad-mx.zone", """
                $ORIGIN example.com.
                $TTL 300
                @    IN SOA ns1 hostmaster 1 7200 900 1209600 86400
                @    IN MX  10 mail
                @    IN MX  ten mail2
                """);
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> new ZoneFileReader().read(file, null));
        assertTrue(e.getMessage().startsWith(file + ":5: "), e.getMessage());
        assertEquals(file + ":5: expected an integer", e.getMessage());
        assertEquals(5, e.line());
    }

    @Test
    void unknownTypeNamesFileLineAndReason(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad-type.zone", """
                $ORIGIN example.com.
                $TTL 300
                www  IN BOGUS 1
                """);
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> new ZoneFileReader().read(file, null));
        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
        assertEquals(file + ":3: Invalid type 'BOGUS'", e.getMessage());
    }

    @Test
    void recordOutsideTheOriginIsNamed(@TempDir Path dir) throws Exception {
        Path file = write(dir, "outside.zone", """
                $ORIGIN example.com.
                $TTL 300
                @                IN SOA ns1 hostmaster 1 7200 900 1209600 86400
                www              IN A   192.0.2.1
                www.other.org.   IN A   192.0.2.2
                """);
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> new ZoneFileReader().read(file, null));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("www.other.org."), e.getMessage());
        assertTrue(e.getMessage().contains("outside the origin example.com."), e.getMessage());

        ZoneFileException wrongOrigin = assertThrows(ZoneFileException.class,
                () -> new ZoneFileReader().read(zone("example.com.zone"), "example.net"));
        assertTrue(wrongOrigin.getMessage().contains("outside the origin example.net."), wrongOrigin.getMessage());
    }

    @Test
    void relativeNamesWithoutAnyOriginAreAClearError(@TempDir Path dir) throws Exception {
        Path file = write(dir, "noorigin.zone", """
                www 300 IN A 192.0.2.1
                """);
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> new ZoneFileReader().read(file, null));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("'www'"), e.getMessage());
        assertTrue(e.getMessage().contains("no origin given"), e.getMessage());
    }

    @Test
    void noOriginAndNoSoaIsAClearError(@TempDir Path dir) throws Exception {
        Path file = write(dir, "nosoa.zone", """
                www.example.com. 300 IN A 192.0.2.1
                """);
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> new ZoneFileReader().read(file, null));
        assertEquals(file + ": no origin given and no SOA record to take it from", e.getMessage());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        Path file = dir.resolve("absent.zone");
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> new ZoneFileReader().read(file, "example.com"));
        assertEquals(file + ": cannot read the file (missing or not readable)", e.getMessage());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
