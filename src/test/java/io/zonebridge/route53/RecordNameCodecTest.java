package io.zonebridge.route53;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Name;

class RecordNameCodecTest {

    static Stream<Arguments> inputForms() {
        return Stream.of(
                Arguments.of("www.example.com", "www.example.com."),
                Arguments.of("www.example.com.", "www.example.com."),
                Arguments.of("WWW.Example.COM", "www.example.com."),
                Arguments.of("*.example.com", "\\052.example.com."),
                Arguments.of("\\052.example.com", "\\052.example.com."),
                Arguments.of("\\052.Example.com.", "\\052.example.com."),
                Arguments.of("*prod.example.com", "\\052prod.example.com."),
                Arguments.of("\\101bc.example.com", "abc.example.com."),
                Arguments.of("\\132.example.com", "z.example.com."),
                Arguments.of("a b.example.com", "a\\040b.example.com."),
                Arguments.of("a\\040b.example.com", "a\\040b.example.com."),
                Arguments.of("a\\ b.example.com", "a\\040b.example.com."),
                Arguments.of("a\\.b.example.com", "a\\056b.example.com."),
                Arguments.of("a\\056b.example.com", "a\\056b.example.com."),
                Arguments.of("@.example.com", "\\100.example.com."),
                Arguments.of("a/b.example.com", "a\\057b.example.com."),
                Arguments.of("0/25.2.0.192.in-addr.arpa", "0\\05725.2.0.192.in-addr.arpa."),
                Arguments.of("x!\"#$%&'()+,:;<=>?[]^`{|}~.com",
                        "x\\041\\042\\043\\044\\045\\046\\047\\050\\051\\053\\054\\072\\073\\074\\075\\076\\077"
                                + "\\133\\135\\136\\140\\173\\174\\175\\176.com."),
                Arguments.of("\\\\x.com", "\\134x.com."),
                Arguments.of("_dmarc.Example.com", "_dmarc.example.com."),
                Arguments.of("my-host_1.example.com", "my-host_1.example.com."),
                Arguments.of("ex\\344mple.com", "ex\\344mple.com."),
                Arguments.of("tab\\011.com", "tab\\011.com."),
                Arguments.of("xn--bcher-kva.example", "xn--bcher-kva.example."),
                Arguments.of("Bücher.example", "xn--bcher-kva.example."),
                Arguments.of("www.bücher.example.", "www.xn--bcher-kva.example."),
                Arguments.of("日本.jp", "xn--wgv71a.jp."),
                Arguments.of(".", "."));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("inputForms")
    void canonicalisesEveryInputForm(String input, String expected) {
        assertEquals(expected, RecordNameCodec.canonical(input));
    }

    @ParameterizedTest(name = "{0} is stable")
    @MethodSource("inputForms")
    void canonicalFormIsAFixedPoint(String input, String expected) {
        assertEquals(expected, RecordNameCodec.canonical(expected));
    }

    static Stream<Arguments> badNames() {
        String label63 = "a".repeat(63);
        String longName = (label63 + ".").repeat(4); // 4*64 + 1 = 257 bytes in wire form
        return Stream.of(
                Arguments.of("a..b.example.com", "empty label"),
                Arguments.of(".example.com", "empty label"),
                Arguments.of("example.com..", "empty label"),
                Arguments.of("", "empty"),
                Arguments.of("a" + label63 + ".com", "64 bytes"),
                Arguments.of(longName, "257 bytes"),
                Arguments.of("a\\09.com", "invalid escape at position 1"),
                Arguments.of("a\\777.com", "invalid escape at position 1"),
                Arguments.of("a\\05", "invalid escape at position 1"),
                Arguments.of("abc\\", "lone backslash"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badNames")
    void rejectsBadNamesNamingThem(String input, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordNameCodec.canonical(input));
        assertTrue(e.getMessage().contains("'" + input + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void acceptsTheLongestLegalName() {
        String label63 = "a".repeat(63);
        String name = label63 + "." + label63 + "." + label63 + "." + "a".repeat(61) + "."; // 255 bytes in wire form
        assertEquals(name, RecordNameCodec.canonical(name));
        assertEquals(255, RecordNameCodec.toName(name).length());
    }

    static Stream<Arguments> dnsjavaNames() {
        return Stream.of(
                // dnsjava text escapes are DECIMAL: \042 is '*' (octal 052), \032 a space (octal 040)
                Arguments.of("\\042quoted.Example.com.", "\\052quoted.example.com."),
                Arguments.of("sp\\032ace.example.com.", "sp\\040ace.example.com."),
                Arguments.of("*.example.com.", "\\052.example.com."),
                Arguments.of("a\\.b.example.com.", "a\\056b.example.com."),
                Arguments.of("caf\\195\\169.example.", "caf\\303\\251.example."),
                Arguments.of("WWW.EXAMPLE.COM.", "www.example.com."),
                Arguments.of(".", "."));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("dnsjavaNames")
    void convertsDnsjavaNamesThroughTheirBytes(String dnsjavaText, String expected) throws Exception {
        Name name = Name.fromString(dnsjavaText);
        assertEquals(expected, RecordNameCodec.canonical(name));
        Name back = RecordNameCodec.toName(expected);
        assertEquals(name, back);
        for (int i = 0; i < name.labels(); i++) {
            assertArrayEquals(lower(name.getLabel(i)), back.getLabel(i));
        }
    }

    @Test
    void toNameAcceptsEveryInputForm() throws Exception {
        assertEquals(Name.fromString("*.example.com."), RecordNameCodec.toName("*.Example.com"));
        assertEquals(Name.fromString("*.example.com."), RecordNameCodec.toName("\\052.example.com."));
        Name dotted = RecordNameCodec.toName("a\\056b.example.com");
        assertEquals(4, dotted.labels());
        assertArrayEquals(new byte[] {3, 'a', '.', 'b'}, dotted.getLabel(0));
    }

    @Test
    void rejectsRelativeDnsjavaNames() throws Exception {
        Name relative = Name.fromString("www");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordNameCodec.canonical(relative));
        assertTrue(e.getMessage().contains("'www'"), e.getMessage());
    }

    private static byte[] lower(byte[] label) {
        byte[] out = label.clone();
        for (int i = 1; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] += 'a' - 'A';
            }
        }
        return out;
    }
}
