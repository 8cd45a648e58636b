package io.zonebridge.route53;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * Converts record and zone names to and from Route 53's canonical form.
 *
 * <p>The canonical form is what Route 53 returns: lower case, absolute (trailing dot), and every
 * byte other than {@code a-z 0-9 - _} written as a three-digit <em>octal</em> escape, so
 * {@code *.Example.com} becomes {@code \052.example.com.} and a dot inside a label becomes
 * {@code \056}.
 *
 * <p>Input may be any form Route 53 accepts: upper or lower case, with or without the trailing dot,
 * raw characters such as {@code * @ /}, octal escapes {@code \ddd} (so {@code \101} is {@code a}),
 * and {@code \x} for a literal character {@code x} (so {@code a\.b} is one label). A label holding
 * non-ASCII characters is an internationalised label and is converted to punycode with
 * {@link IDN#toASCII(String, int)}. dnsjava {@link Name}s (whose text form uses <em>decimal</em>
 * escapes) are converted through their label bytes, never through their text.
 *
 * <p>Limits are those of DNS: a label has 1 to 63 bytes, and a name at most 255 bytes in wire
 * form (length bytes and the root label included). Violations raise an
 * {@link IllegalArgumentException} naming the offending name.
 */
public final class RecordNameCodec {

    private static final int MAX_LABEL_BYTES = 63;
    private static final int MAX_WIRE_BYTES = 255;

    private RecordNameCodec() {
    }

    /** Any accepted input form (raw characters or octal escapes, with or without trailing dot) → canonical. */
    public static String canonical(String name) {
        return isPlainCanonical(name) ? name : format(parse(name));
    }

    /**
     * Whether the name is already canonical without escapes (as Route 53 returns almost every name): absolute,
     * only {@code a-z 0-9 - _} in labels of 1 to 63 bytes, at most 255 bytes in wire form. Such a name is
     * returned as it is, without being parsed and formatted again.
     */
    private static boolean isPlainCanonical(String name) {
        int length = name.length();
        if (length < 2 || length > MAX_WIRE_BYTES - 1 || name.charAt(length - 1) != '.') {
            return false;
        }
        int label = 0;
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                if (++label > MAX_LABEL_BYTES) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /** An absolute dnsjava name → canonical Route 53 form. */
    public static String canonical(Name name) {
        if (!name.isAbsolute()) {
            throw new IllegalArgumentException("name '" + name + "' is not absolute");
        }
        List<byte[]> labels = new ArrayList<>(name.labels());
        for (int i = 0; i < name.labels() - 1; i++) {
            byte[] withLength = name.getLabel(i);
            byte[] label = new byte[withLength.length - 1];
            System.arraycopy(withLength, 1, label, 0, label.length);
            labels.add(label);
        }
        return format(labels);
    }

    /** A name in any accepted Route 53 input form → the equivalent absolute dnsjava name (lower case). */
    public static Name toName(String name) {
        List<byte[]> labels = parse(name);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (byte[] label : labels) {
            wire.write(label.length);
            wire.writeBytes(label);
        }
        wire.write(0);
        try {
            return new Name(wire.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("name '" + name + "' cannot be represented: " + e.getMessage(), e);
        }
    }

    /** The labels of {@code name} as lower-cased bytes, validated; the root name has none. */
    private static List<byte[]> parse(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name '' is empty");
        }
        List<byte[]> labels = new ArrayList<>();
        if (name.equals(".")) {
            return labels;
        }
        StringBuilder rawLabel = new StringBuilder();
        ByteArrayOutputStream label = new ByteArrayOutputStream();
        boolean nonAscii = false;
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '.') {
                labels.add(finishLabel(name, label, rawLabel, nonAscii));
                label.reset();
                rawLabel.setLength(0);
                nonAscii = false;
                i++;
                if (i == name.length()) {
                    return validate(name, labels);
                }
            } else if (c == '\\') {
                i = readEscape(name, i, label);
                rawLabel.append((char) lastByte(label));
            } else {
                nonAscii |= c > 0x7F;
                if (c <= 0x7F) {
                    label.write(c);
                }
                rawLabel.append(c);
                i++;
            }
        }
        labels.add(finishLabel(name, label, rawLabel, nonAscii));
        return validate(name, labels);
    }

    /** Reads the escape starting at {@code name[start]} into {@code out}; returns the index after it. */
    private static int readEscape(String name, int start, ByteArrayOutputStream out) {
        if (start + 1 >= name.length()) {
            throw new IllegalArgumentException("name '" + name + "' ends with a lone backslash");
        }
        char next = name.charAt(start + 1);
        if (next < '0' || next > '9') {
            if (next > 0x7F) {
                throw new IllegalArgumentException("name '" + name + "' escapes a non-ASCII character");
            }
            out.write(next);
            return start + 2;
        }
        int value = OctalEscapes.valueAt(name, start + 1);
        if (value < 0) {
            throw new IllegalArgumentException("name '" + name + "' has an invalid escape at position " + start
                    + " (a digit after a backslash starts an octal escape \\000 to \\377)");
        }
        out.write(value);
        return start + 4;
    }

    private static int lastByte(ByteArrayOutputStream out) {
        byte[] bytes = out.toByteArray();
        return bytes[bytes.length - 1] & 0xFF;
    }

    private static byte[] finishLabel(String name, ByteArrayOutputStream label, StringBuilder raw, boolean nonAscii) {
        if (raw.length() == 0) {
            throw new IllegalArgumentException("name '" + name + "' has an empty label");
        }
        byte[] bytes;
        if (nonAscii) {
            if (raw.indexOf(".") >= 0) {
                throw new IllegalArgumentException("name '" + name + "' mixes an escaped dot with non-ASCII characters");
            }
            try {
                bytes = IDN.toASCII(raw.toString(), IDN.ALLOW_UNASSIGNED).getBytes(StandardCharsets.ISO_8859_1);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("name '" + name + "' has a label that is not a valid "
                        + "internationalised label: " + e.getMessage(), e);
            }
        } else {
            bytes = label.toByteArray();
        }
        for (int k = 0; k < bytes.length; k++) {
            if (bytes[k] >= 'A' && bytes[k] <= 'Z') {
                bytes[k] = (byte) (bytes[k] + ('a' - 'A'));
            }
        }
        if (bytes.length > MAX_LABEL_BYTES) {
            throw new IllegalArgumentException("name '" + name + "' has a label of " + bytes.length
                    + " bytes (at most " + MAX_LABEL_BYTES + ")");
        }
        return bytes;
    }

    private static List<byte[]> validate(String name, List<byte[]> labels) {
        int wire = 1;
        for (byte[] label : labels) {
            wire += label.length + 1;
        }
        if (wire > MAX_WIRE_BYTES) {
            throw new IllegalArgumentException("name '" + name + "' is " + wire + " bytes long in wire form (at most "
                    + MAX_WIRE_BYTES + ")");
        }
        return labels;
    }

    /**
     * A name in uncompressed DNS wire form (length-prefixed labels ending with the root's zero byte, as a
     * transfer's names are once expanded) → canonical Route 53 form.
     */
    public static String canonicalWire(byte[] wire) {
        if (wire[0] == 0) {
            return ".";
        }
        StringBuilder out = new StringBuilder(wire.length + 8);
        for (int p = 0; wire[p] != 0; p += (wire[p] & 0xFF) + 1) {
            appendLabel(out, wire, p + 1, wire[p] & 0xFF);
        }
        return out.toString();
    }

    private static String format(List<byte[]> labels) {
        if (labels.isEmpty()) {
            return ".";
        }
        StringBuilder out = new StringBuilder();
        for (byte[] label : labels) {
            appendLabel(out, label, 0, label.length);
        }
        return out.toString();
    }

    /** Appends one label, lower-cased and escaped, and the dot after it. */
    private static void appendLabel(StringBuilder out, byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                out.append((char) c);
            } else {
                OctalEscapes.append(out, c);
            }
        }
        out.append('.');
    }
}
