package io.zonebridge.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A DNS name as Route 53 stores it: labels of raw characters (0-255), lower-cased, parsed from Route 53's input
 * syntax (octal {@code \ddd} escapes, optional trailing dot) and printed in its output syntax (everything but
 * {@code a-z 0-9 - _} as an octal escape, trailing dot).
 */
public final class DomainName {
    private static final String ALLOWED_PUNCTUATION = "-!\"#$%&'()*+,/:;<=>?@[\\]^_`{|}~";
    private final List<String> labels;

    private DomainName(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /**
     * Parses a name as a client sends it.
     *
     * @throws IllegalArgumentException whose message is Route 53's {@code FATAL problem: ...} text
     */
    public static DomainName parse(String raw) {
        if (raw.equals(".")) {
            return new DomainName(List.of());
        }
        List<String> labels = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                if (label.length() == 0) {
                    throw fatal("DomainLabelEmpty (Domain label is empty)", raw);
                }
                labels.add(label.toString());
                length += label.length() + 1;
                label.setLength(0);
                continue;
            }
            if (c == '\\' && isOctal(raw, i + 1)) {
                int value = Integer.parseInt(raw.substring(i + 1, i + 4), 8);
                if (value > 255) {
                    throw fatal("InvalidEscape (Value contains an invalid escape sequence)", raw);
                }
                c = (char) value;
                i += 3;
            } else if (!(isLetterOrDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0)) {
                throw fatal("UnsupportedCharacter (Value contains unsupported characters)", String.valueOf(c));
            }
            label.append(lower(c));
            if (label.length() > 63) {
                throw fatal("DomainLabelTooLong (Domain label is too long)", raw);
            }
        }
        if (label.length() > 0) {
            labels.add(label.toString());
            length += label.length() + 1;
        } else if (raw.isEmpty()) {
            throw fatal("DomainLabelEmpty (Domain label is empty)", raw);
        }
        if (length + 1 > 255) {
            throw fatal("DomainNameTooLong (Domain name is too long)", raw);
        }
        return new DomainName(labels);
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static IllegalArgumentException fatal(String problem, String value) {
        return new IllegalArgumentException("FATAL problem: " + problem + " encountered with '" + value + "'");
    }

    /** The labels, left-most first, as raw characters. */
    public List<String> labels() {
        return labels;
    }

    /** Route 53's output form, e.g. {@code \052.example.com.}. */
    public String canonical() {
        if (labels.isEmpty()) {
            return ".";
        }
        StringBuilder out = new StringBuilder();
        for (String label : labels) {
            for (char c : label.toCharArray()) {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                    out.append(c);
                } else {
                    out.append('\\').append(String.format("%03o", (int) c));
                }
            }
            out.append('.');
        }
        return out.toString();
    }

    /** The sort key of ListResourceRecordSets/ListHostedZonesByName: raw labels reversed, dot-joined, dot-ended. */
    public String reversedKey() {
        List<String> reversed = new ArrayList<>(labels);
        Collections.reverse(reversed);
        StringBuilder out = new StringBuilder();
        for (String label : reversed) {
            out.append(label).append('.');
        }
        return out.toString();
    }

    /** True if this name equals {@code zone} or lies below it. */
    public boolean isWithin(DomainName zone) {
        int offset = labels.size() - zone.labels.size();
        return offset >= 0 && labels.subList(offset, labels.size()).equals(zone.labels);
    }

    /** The name one label up; the root stays the root. */
    public DomainName parent() {
        return labels.isEmpty() ? this : new DomainName(labels.subList(1, labels.size()));
    }

    /** This name with {@code label} prepended. */
    public DomainName child(String label) {
        List<String> longer = new ArrayList<>();
        longer.add(label);
        longer.addAll(labels);
        return new DomainName(longer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainName other && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
