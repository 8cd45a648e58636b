package io.zonebridge.route53;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xbill.DNS.Name;

/** Properties of the name codec over random labels, special characters and every escape form. */
class RecordNameCodecPropertyTest {

    /** A label: 1..20 arbitrary bytes, biased towards the interesting ones. */
    @Provide
    Arbitrary<List<byte[]>> labels() {
        Arbitrary<Byte> interesting = Arbitraries.of('a', 'Z', '0', '9', '-', '_', '*', '@', '/', ' ', '.', '\\', '"', '\t')
                .map(c -> (byte) c.charValue());
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<byte[]> label = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('a', 'z').map(c -> (byte) c.charValue())),
                        net.jqwik.api.Tuple.of(2, interesting), net.jqwik.api.Tuple.of(1, any))
                .list().ofMinSize(1).ofMaxSize(20)
                .map(bytes -> {
                    byte[] out = new byte[bytes.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = bytes.get(i);
                    }
                    return out;
                });
        return label.list().ofMinSize(1).ofMaxSize(5);
    }

    /** Route 53 input text for the labels, each byte written raw, as \x, or as an octal escape at random. */
    @Provide
    Arbitrary<String> inputForms() {
        return labels().flatMap(labels -> Arbitraries.integers().between(0, 2).list().ofSize(totalBytes(labels))
                .flatMap(forms -> Arbitraries.of(true, false).map(trailingDot -> render(labels, forms, trailingDot))));
    }

    @Property
    void canonicalIsIdempotent(@ForAll("inputForms") String input) {
        String once = RecordNameCodec.canonical(input);
        assertEquals(once, RecordNameCodec.canonical(once));
    }

    @Property
    void stringAndDnsjavaPathsAgree(@ForAll("labels") List<byte[]> labels) throws Exception {
        Name name = new Name(wire(labels));
        String canonical = RecordNameCodec.canonical(name);
        for (int form = 0; form < 3; form++) {
            List<Integer> forms = java.util.Collections.nCopies(totalBytes(labels), form);
            assertEquals(canonical, RecordNameCodec.canonical(render(labels, forms, form == 1)));
        }
    }

    @Property
    void dnsjavaNameRoundTrips(@ForAll("labels") List<byte[]> labels) throws Exception {
        Name name = new Name(wire(labels));
        String canonical = RecordNameCodec.canonical(name);
        Name back = RecordNameCodec.toName(canonical);
        assertEquals(name, back);
        assertEquals(canonical, RecordNameCodec.canonical(back));
        // dnsjava's own (decimal-escaped) text of the name parses back to the same canonical form
        assertEquals(canonical, RecordNameCodec.canonical(Name.fromString(name.toString())));
    }

    private static int totalBytes(List<byte[]> labels) {
        return labels.stream().mapToInt(l -> l.length).sum();
    }

    private static byte[] wire(List<byte[]> labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] label : labels) {
            out.write(label.length);
            out.writeBytes(label);
        }
        out.write(0);
        return out.toByteArray();
    }

    /** form 0: raw where possible; 1: backslash + character where possible; 2: octal escape. */
    private static String render(List<byte[]> labels, List<Integer> forms, boolean trailingDot) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        for (byte[] label : labels) {
            if (out.length() > 0) {
                out.append('.');
            }
            for (byte b : label) {
                int c = b & 0xFF;
                int form = forms.get(k++);
                boolean printable = c > 0x20 && c < 0x7F;
                boolean special = c == '.' || c == '\\' || (c >= '0' && c <= '9');
                if (form == 0 && printable && !special && c != '.') {
                    out.append((char) c);
                } else if (form == 1 && printable && !(c >= '0' && c <= '9')) {
                    out.append('\\').append((char) c);
                } else if (form == 0 && c >= '0' && c <= '9') {
                    out.append((char) c);
                } else {
                    out.append('\\').append(String.format("%03o", c));
                }
            }
        }
        return trailingDot ? out.append('.').toString() : out.toString();
    }
}
