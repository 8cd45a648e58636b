package io.zonebridge.route53;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class RecordValueCodecTest {

    private static final String HEX64 = "d2abde240d7cd3ee6b4b28c54df034b97983a1d16e8a410e4561cb106618e971";

    static Stream<Arguments> values() {
        return Stream.of(
                // A
                Arguments.of("A", "192.0.2.1", "192.0.2.1"),
                Arguments.of("a", "  192.0.2.1 ", "192.0.2.1"),
                // AAAA: RFC 5952 (Route 53 stores what it is sent; this is what zonebridge sends)
                Arguments.of("AAAA", "2001:0db8:85a3:0:0:8a2e:0370:7334", "2001:db8:85a3::8a2e:370:7334"),
                Arguments.of("AAAA", "2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
                Arguments.of("AAAA", "2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
                Arguments.of("AAAA", "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
                Arguments.of("AAAA", "0:0:0:0:0:0:0:1", "::1"),
                Arguments.of("AAAA", "::", "::"),
                Arguments.of("AAAA", "fe80:0:0:0:0:0:0:0", "fe80::"),
                Arguments.of("AAAA", "::ffff:192.0.2.1", "::ffff:c000:201"),
                // TXT / SPF
                Arguments.of("TXT", "\"v=spf1 ip4:192.168.0.1/16 -all\"", "\"v=spf1 ip4:192.168.0.1/16 -all\""),
                Arguments.of("TXT", "\"This string includes \\\"quotation marks\\\".\"",
                        "\"This string includes \\\"quotation marks\\\".\""),
                Arguments.of("TXT", "\"The last character in this string is an accented e specified in octal format: \\351\"",
                        "\"The last character in this string is an accented e specified in octal format: \\351\""),
                Arguments.of("TXT", "\"back\\\\slash\"", "\"back\\\\slash\""),
                Arguments.of("TXT", "\"tab\\011here\"", "\"tab\\011here\""),
                Arguments.of("TXT", "\"caf\u00e9\"", "\"caf\\303\\251\""),
                Arguments.of("TXT", "\"\\101\\x\"", "\"Ax\""),
                Arguments.of("TXT", "\"del\\177\"", "\"del\\177\""),
                Arguments.of("TXT", "\"a\"   \"b\"", "\"a\" \"b\""),
                Arguments.of("TXT", "\"\"", "\"\""),
                Arguments.of("TXT", "\"Case Kept\"", "\"Case Kept\""),
                Arguments.of("SPF", "\"v=spf1 -all\"", "\"v=spf1 -all\""),
                // targets
                Arguments.of("CNAME", "Hostname.Example.com", "hostname.example.com."),
                Arguments.of("NS", "ns-1.example.com", "ns-1.example.com."),
                Arguments.of("PTR", "*.Example.com.", "\\052.example.com."),
                Arguments.of("MX", "10 Mail.Example.com", "10 mail.example.com."),
                Arguments.of("MX", "010  mail.example.com.", "10 mail.example.com."),
                Arguments.of("MX", "0 .", "0 ."),
                Arguments.of("SRV", "10 5 80 Hostname.example.com", "10 5 80 hostname.example.com."),
                Arguments.of("NAPTR", "100 50 \"u\" \"E2U+sip\" \"!^(\\\\+441632960083)$!sip:\\\\1@example.com!\" .",
                        "100 50 \"u\" \"E2U+sip\" \"!^(\\\\+441632960083)$!sip:\\\\1@example.com!\" ."),
                Arguments.of("NAPTR", "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.Example.com",
                        "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com."),
                // CAA
                Arguments.of("CAA", "0 issue \"ca.example.net\"", "0 issue \"ca.example.net\""),
                Arguments.of("CAA", "0 issue \"ca.example.net; account=123456\"", "0 issue \"ca.example.net; account=123456\""),
                Arguments.of("CAA", "0 ISSUE ca.example.net", "0 issue \"ca.example.net\""),
                Arguments.of("CAA", "0 issue \";\"", "0 issue \";\""),
                Arguments.of("CAA", "128 example-text-tag \"1-555-555-1212\"", "128 example-text-tag \"1-555-555-1212\""),
                // hex types: upper case, spaces removed
                Arguments.of("DS", "12345 13 2 49fd46e6c4b45c55 d4ac69cbd3cd34ac1afe51de",
                        "12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE"),
                Arguments.of("SSHFP", "1 1 09f6a01d2175742b257c6b98b7c72c44c4040d21", "1 1 09F6A01D2175742B257C6B98B7C72C44C4040D21"),
                Arguments.of("TLSA", "3 1 1 " + HEX64, "3 1 1 " + HEX64.toUpperCase()),
                // SVCB / HTTPS
                Arguments.of("HTTPS", "1 . ipv6hint=2001:db8:0:0:0:0:0:1 alpn=h2,h3 port=8443 ipv4hint=192.0.2.1",
                        "1 . alpn=h2,h3 port=8443 ipv4hint=192.0.2.1 ipv6hint=2001:db8::1"),
                Arguments.of("SVCB", "0 Svc.Example.com", "0 svc.example.com."),
                Arguments.of("SVCB", "16 svc.example.com. port=53", "16 svc.example.com. port=53"),
                // SOA
                Arguments.of("SOA", "ns-2048.awsdns-64.net hostmaster.awsdns.com 1 1 1 1 60",
                        "ns-2048.awsdns-64.net. hostmaster.awsdns.com. 1 1 1 1 60"),
                Arguments.of("SOA", "ns-1536.awsdns-00.co.uk. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
                        "ns-1536.awsdns-00.co.uk. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"),
                Arguments.of("SOA", "ns1.example.com. h.example.com. 4294967295 1 2 3 4",
                        "ns1.example.com. h.example.com. 4294967295 1 2 3 4"),
                // unknown types pass through
                Arguments.of("LOC", "  52 22 23.000 N   4 53 32.000 E -2.00m ", "52 22 23.000 N 4 53 32.000 E -2.00m"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("values")
    void canonicalisesEveryType(String type, String input, String expected) {
        assertEquals(expected, RecordValueCodec.canonical(type, input));
        assertEquals(expected, RecordValueCodec.canonical(type, expected), "canonical form must be a fixed point");
    }

    @Test
    void splitsTxtStringsLongerThan255Bytes() {
        String a300 = "a".repeat(300);
        assertEquals("\"" + "a".repeat(255) + "\" \"" + "a".repeat(45) + "\"", RecordValueCodec.canonical("TXT", "\"" + a300 + "\""));
        String exact = "b".repeat(255);
        assertEquals("\"" + exact + "\"", RecordValueCodec.canonical("TXT", "\"" + exact + "\""));
        String k511 = "c".repeat(511);
        assertEquals("\"" + "c".repeat(255) + "\" \"" + "c".repeat(255) + "\" \"c\"",
                RecordValueCodec.canonical("TXT", "\"" + k511 + "\""));
        // the limit counts bytes, not characters: 130 two-byte characters are 260 bytes
        String e130 = "\u00e9".repeat(130);
        assertEquals("\"" + "\\303\\251".repeat(127) + "\\303\" \"\\251" + "\\303\\251".repeat(2) + "\"",
                RecordValueCodec.canonical("TXT", "\"" + e130 + "\""));
        // an escaped quote counts as one byte
        String quotes = "\\\"".repeat(256);
        assertEquals("\"" + "\\\"".repeat(255) + "\" \"\\\"\"", RecordValueCodec.canonical("TXT", "\"" + quotes + "\""));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("A", "192.0.2", "not an IPv4 address"),
                Arguments.of("A", "192.0.2.1 192.0.2.2", "expected 'an IPv4 address'"),
                Arguments.of("AAAA", "2001:db8::g", "not an IPv6 address"),
                Arguments.of("TXT", "unquoted text", "double quotation marks"),
                Arguments.of("TXT", "\"unterminated", "unterminated quoted string"),
                Arguments.of("TXT", "   ", "no string"),
                Arguments.of("MX", "ten mail.example.com", "'ten' is not a number"),
                Arguments.of("MX", "70000 mail.example.com", "from 0 to 65535"),
                Arguments.of("MX", "10", "expected 'priority host'"),
                Arguments.of("SRV", "10 5 host.example.com", "expected 'priority weight port target'"),
                Arguments.of("CNAME", "a..b.com", "empty label"),
                Arguments.of("CAA", "0 issue", "expected 'flags tag \"value\"'"),
                Arguments.of("CAA", "256 issue \"x\"", "from 0 to 255"),
                Arguments.of("DS", "1 2 3 xyz", "not hexadecimal"),
                Arguments.of("SOA", "ns h 1 2 3 4", "expected 'mname rname serial"),
                Arguments.of("SOA", "ns h 4294967296 2 3 4 5", "from 0 to 4294967295"),
                Arguments.of("HTTPS", "1 . nonsense=", "bad service parameters"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("badValues")
    void rejectsBadValuesNamingTypeAndValue(String type, String input, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordValueCodec.canonical(type, input));
        assertTrue(e.getMessage().startsWith("invalid " + type + " value '" + input + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    static Stream<Arguments> dnsjavaRecords() {
        return Stream.of(
                Arguments.of("A", "192.0.2.1", "192.0.2.1"),
                Arguments.of("AAAA", "2001:db8:0:0:0:0:0:1", "2001:db8::1"),
                Arguments.of("AAAA", "::ffff:192.0.2.1", "::ffff:c000:201"),
                // dnsjava escapes are decimal: \009 is a tab (octal \011), \195\169 UTF-8 for é
                Arguments.of("TXT", "\"quote\\\"in\" \"back\\\\slash\" \"tab\\009end\" \"caf\\195\\169\"",
                        "\"quote\\\"in\" \"back\\\\slash\" \"tab\\011end\" \"caf\\303\\251\""),
                Arguments.of("SPF", "\"v=spf1 -all\"", "\"v=spf1 -all\""),
                Arguments.of("CNAME", "\\042.Example.com.", "\\052.example.com."),
                Arguments.of("NS", "ns1.Example.com.", "ns1.example.com."),
                Arguments.of("PTR", "host\\032name.example.com.", "host\\040name.example.com."),
                Arguments.of("MX", "10 Mail.example.com.", "10 mail.example.com."),
                Arguments.of("SRV", "10 5 5060 sip.example.com.", "10 5 5060 sip.example.com."),
                Arguments.of("NAPTR", "100 50 \"u\" \"E2U+sip\" \"!^(\\\\+1)$!sip:\\\\1@example.com!\" .",
                        "100 50 \"u\" \"E2U+sip\" \"!^(\\\\+1)$!sip:\\\\1@example.com!\" ."),
                Arguments.of("CAA", "0 issue \"ca.ex\\\"ample\\255\"", "0 issue \"ca.ex\\\"ample\\377\""),
                Arguments.of("DS", "12345 13 2 49fd46e6c4b45c55d4ac69cbd3cd34ac1afe51de49fd46e6c4b45c55d4ac69cb",
                        "12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE49FD46E6C4B45C55D4AC69CB"),
                Arguments.of("SSHFP", "4 2 " + HEX64, "4 2 " + HEX64.toUpperCase()),
                Arguments.of("TLSA", "3 1 1 " + HEX64, "3 1 1 " + HEX64.toUpperCase()),
                Arguments.of("HTTPS", "1 . alpn=h2,h3 ipv6hint=2001:db8::1 port=8443", "1 . alpn=h2,h3 port=8443 ipv6hint=2001:db8::1"),
                Arguments.of("SVCB", "0 Svc.Example.com.", "0 svc.example.com."),
                Arguments.of("SOA", "ns1.example.com. Host\\.master.example.com. 1 2 3 4 5",
                        "ns1.example.com. host\\056master.example.com. 1 2 3 4 5"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("dnsjavaRecords")
    void convertsDnsjavaRecordsWithoutTheirDecimalEscapes(String type, String rdata, String expected) throws Exception {
        Record record = Record.fromString(Name.fromString("x.example.com."), Type.value(type), DClass.IN, 300, rdata, Name.root);
        assertEquals(expected, RecordValueCodec.canonical(record));
    }

    @Test
    void knowsWhichTypesRoute53Supports() {
        for (String t : new String[] {"A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF",
                "SRV", "SSHFP", "SVCB", "TLSA", "TXT", "txt"}) {
            assertTrue(RecordValueCodec.isSupported(t), t);
        }
        for (String t : new String[] {"DNSKEY", "RRSIG", "NSEC", "NSEC3", "HINFO", "LOC", "URI"}) {
            assertFalse(RecordValueCodec.isSupported(t), t);
        }
        assertEquals(17, RecordValueCodec.SUPPORTED_TYPES.size());
    }
}
