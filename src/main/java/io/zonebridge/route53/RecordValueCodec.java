package io.zonebridge.route53;

import io.zonebridge.route53.ValueTokens.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.xbill.DNS.Address;

/**
 * Converts record values to Route 53's canonical form, per record type.
 *
 * <p>Route 53 stores and returns values verbatim, so the canonical form is the one zonebridge
 * always sends; a value built from a zone file and the same value read back from Route 53 then
 * compare equal. Per type:
 * <ul>
 *   <li>A: dotted quad. AAAA: RFC 5952 (lower-case, compressed) text.</li>
 *   <li>TXT, SPF: each string double-quoted, {@code "} and {@code \} backslash-escaped, bytes
 *       outside printable ASCII as octal {@code \ddd}, strings longer than 255 bytes split into
 *       255-byte strings, strings separated by one space. Unquoted text is rejected, as by Route 53.</li>
 *   <li>CNAME, NS, PTR: the target as a canonical name ({@link RecordNameCodec}).</li>
 *   <li>MX {@code prio host}, SRV {@code prio weight port host}, NAPTR
 *       {@code order pref "flags" "service" "regexp" replacement}: numbers in decimal, names
 *       canonical, strings quoted as for TXT (case kept).</li>
 *   <li>CAA {@code flags tag "value"}: tag lower case (tags are case-insensitive), value quoted.</li>
 *   <li>DS {@code keytag alg digesttype DIGEST}, SSHFP {@code alg type FINGERPRINT}, TLSA
 *       {@code usage selector mtype DATA}: hex in upper case without spaces, as zone files and
 *       {@code dig} print it.</li>
 *   <li>SVCB, HTTPS {@code priority target params}: target canonical, parameters parsed and
 *       printed by dnsjava in key order, IPv6 hints in RFC 5952 form.</li>
 *   <li>SOA {@code mname rname serial refresh retry expire minimum}: names canonical, numbers decimal.</li>
 *   <li>Any other type: trimmed, runs of whitespace collapsed to one space.</li>
 * </ul>
 * A value that does not fit its type raises an {@link IllegalArgumentException} naming type and value.
 */
public final class RecordValueCodec {

    /** The record types Route 53 supports (besides alias records). */
    public static final Set<String> SUPPORTED_TYPES = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV",
            "SSHFP", "SVCB", "TLSA", "TXT")));

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private RecordValueCodec() {
    }

    /** True when Route 53 supports records of {@code type} (case-insensitive mnemonic). */
    public static boolean isSupported(String type) {
        return SUPPORTED_TYPES.contains(type.trim().toUpperCase(Locale.ROOT));
    }

    /** A value as Route 53 accepts or returns it → the canonical form Route 53 returns. */
    public static String canonical(String type, String value) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        Fields f = new Fields(t, value);
        return switch (t) {
            case "A" -> ipv4(f.exactly(1, "an IPv4 address").get(0).text(), f);
            case "AAAA" -> ipv6(f.exactly(1, "an IPv6 address").get(0).text(), f);
            case "CNAME", "NS", "PTR" -> f.name(f.exactly(1, "a domain name").get(0));
            case "TXT", "SPF" -> characterStrings(f);
            case "MX" -> {
                List<Token> x = f.exactly(2, "priority host");
                yield f.number(x.get(0), 0xFFFF) + " " + f.name(x.get(1));
            }
            case "SRV" -> {
                List<Token> x = f.exactly(4, "priority weight port target");
                yield f.number(x.get(0), 0xFFFF) + " " + f.number(x.get(1), 0xFFFF) + " "
                        + f.number(x.get(2), 0xFFFF) + " " + f.name(x.get(3));
            }
            case "NAPTR" -> {
                List<Token> x = f.exactly(6, "order preference \"flags\" \"service\" \"regexp\" replacement");
                yield f.number(x.get(0), 0xFFFF) + " " + f.number(x.get(1), 0xFFFF) + " "
                        + CharacterStrings.quote(x.get(2).bytes()) + " " + CharacterStrings.quote(x.get(3).bytes())
                        + " " + CharacterStrings.quote(x.get(4).bytes()) + " " + f.name(x.get(5));
            }
            case "CAA" -> {
                List<Token> x = f.exactly(3, "flags tag \"value\"");
                yield f.number(x.get(0), 0xFF) + " " + f.plain(x.get(1)).toLowerCase(Locale.ROOT) + " "
                        + CharacterStrings.quote(x.get(2).bytes());
            }
            case "DS" -> {
                List<Token> x = f.atLeast(4, "keytag algorithm digesttype digest");
                yield f.number(x.get(0), 0xFFFF) + " " + f.number(x.get(1), 0xFF) + " " + f.number(x.get(2), 0xFF)
                        + " " + f.hex(x.subList(3, x.size()));
            }
            case "SSHFP" -> {
                List<Token> x = f.atLeast(3, "algorithm type fingerprint");
                yield f.number(x.get(0), 0xFF) + " " + f.number(x.get(1), 0xFF) + " " + f.hex(x.subList(2, x.size()));
            }
            case "TLSA" -> {
                List<Token> x = f.atLeast(4, "usage selector matchingtype data");
                yield f.number(x.get(0), 0xFF) + " " + f.number(x.get(1), 0xFF) + " " + f.number(x.get(2), 0xFF)
                        + " " + f.hex(x.subList(3, x.size()));
            }
            case "SVCB", "HTTPS" -> {
                List<Token> x = f.atLeast(2, "priority target [parameters]");
                String[] parts = value.trim().split("\\s+", 3);
                String params = parts.length == 3 ? parts[2] : "";
                try {
                    yield ServiceBindingValue.canonical(t, f.number(x.get(0), 0xFFFF), f.name(x.get(1)), params);
                } catch (IllegalArgumentException e) {
                    throw f.invalid(e.getMessage());
                }
            }
            case "SOA" -> {
                List<Token> x = f.exactly(7, "mname rname serial refresh retry expire minimum");
                StringBuilder soa = new StringBuilder(f.name(x.get(0))).append(' ').append(f.name(x.get(1)));
                for (int i = 2; i < 7; i++) {
                    soa.append(' ').append(f.number(x.get(i), 0xFFFFFFFFL));
                }
                yield soa.toString();
            }
            default -> value.trim().replaceAll("\\s+", " ");
        };
    }

    /**
     * The canonical text of an address record's data, {@code bytes[offset..offset+length)}: 4 bytes (A, a dotted
     * quad) or 16 (AAAA, RFC 5952).
     */
    public static String canonicalAddress(byte[] bytes, int offset, int length) {
        if (length == 16) {
            return Ipv6Text.format(Arrays.copyOfRange(bytes, offset, offset + length));
        }
        if (length != 4) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + length);
        }
        return (bytes[offset] & 0xFF) + "." + (bytes[offset + 1] & 0xFF) + "." + (bytes[offset + 2] & 0xFF) + "."
                + (bytes[offset + 3] & 0xFF);
    }

    /** The canonical value of a dnsjava record of a supported type. */
    public static String canonical(org.xbill.DNS.Record record) {
        String text = RdataText.of(record);
        return RdataText.isCanonicalAsBuilt(record) ? text : canonical(org.xbill.DNS.Type.string(record.getType()), text);
    }

    private static String ipv4(String text, Fields f) {
        byte[] bytes = Address.toByteArray(text, Address.IPv4);
        if (bytes == null) {
            throw f.invalid("not an IPv4 address");
        }
        return Address.toDottedQuad(bytes);
    }

    private static String ipv6(String text, Fields f) {
        byte[] bytes = Address.toByteArray(text, Address.IPv6);
        if (bytes == null) {
            throw f.invalid("not an IPv6 address");
        }
        return Ipv6Text.format(bytes);
    }

    private static String characterStrings(Fields f) {
        List<String> out = new ArrayList<>();
        for (Token token : f.tokens) {
            if (!token.quoted()) {
                throw f.invalid("every string must be enclosed in double quotation marks");
            }
            out.addAll(CharacterStrings.quoteSplit(token.bytes()));
        }
        if (out.isEmpty()) {
            throw f.invalid("no string");
        }
        return String.join(" ", out);
    }

    /** The fields of one value, with checks that name the type and value when they fail. */
    private static final class Fields {
        private final String type;
        private final String value;
        private final List<Token> tokens;

        Fields(String type, String value) {
            if (value == null) {
                throw new IllegalArgumentException(type + " value is null");
            }
            this.type = type;
            this.value = value;
            this.tokens = ValueTokens.split(type, value);
        }

        IllegalArgumentException invalid(String reason) {
            return new IllegalArgumentException("invalid " + type + " value '" + value + "': " + reason);
        }

        List<Token> exactly(int n, String expected) {
            if (tokens.size() != n) {
                throw invalid("expected '" + expected + "'");
            }
            return tokens;
        }

        List<Token> atLeast(int n, String expected) {
            if (tokens.size() < n) {
                throw invalid("expected '" + expected + "'");
            }
            return tokens;
        }

        String plain(Token token) {
            if (token.quoted()) {
                throw invalid("'" + token.text() + "' must not be quoted");
            }
            return token.text();
        }

        long number(Token token, long max) {
            String text = plain(token);
            try {
                long n = Long.parseLong(text);
                if (n < 0 || n > max || !text.chars().allMatch(Character::isDigit)) {
                    throw invalid("'" + text + "' is not a number from 0 to " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw invalid("'" + text + "' is not a number from 0 to " + max);
            }
        }

        String name(Token token) {
            try {
                return RecordNameCodec.canonical(plain(token));
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }

        String hex(List<Token> parts) {
            String joined = parts.stream().map(this::plain).collect(Collectors.joining());
            try {
                return HEX.formatHex(HexFormat.of().parseHex(joined));
            } catch (IllegalArgumentException e) {
                throw invalid("'" + joined + "' is not hexadecimal");
            }
        }
    }
}
