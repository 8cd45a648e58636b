package io.zonebridge.model;

import java.util.Objects;

/**
 * Identity of a record set: owner name, type and optional set identifier.
 *
 * <p>The name is in Route 53's canonical presentation form: lower case, absolute (trailing dot),
 * and every character other than {@code a-z 0-9 - _} written as a three-digit octal escape
 * (for example {@code \052.example.com.}). The codec in {@code io.zonebridge.route53} produces it.
 * The type is the upper-case mnemonic ({@code A}, {@code TXT}, ...).
 *
 * @param name          canonical owner name
 * @param type          record type mnemonic
 * @param setIdentifier routing-policy set identifier, or {@code null} for a simple record set
 */
public record RecordKey(String name, String type, String setIdentifier) implements Comparable<RecordKey> {

    public RecordKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.endsWith(".")) {
            throw new IllegalArgumentException("record name must be absolute (end with a dot): " + name);
        }
        if (setIdentifier != null && setIdentifier.isEmpty()) {
            setIdentifier = null;
        }
    }

    /** A key without a set identifier. */
    public static RecordKey of(String name, String type) {
        return new RecordKey(name, type, null);
    }

    /** True when this key names a record at {@code origin} itself. */
    public boolean isApexOf(String origin) {
        return name.equals(origin);
    }

    /** True when the name equals {@code origin} or lies below it. */
    public boolean isAtOrBelow(String suffix) {
        return name.equals(suffix) || name.endsWith("." + suffix);
    }

    @Override
    public int compareTo(RecordKey o) {
        int c = name.compareTo(o.name);
        if (c != 0) {
            return c;
        }
        c = type.compareTo(o.type);
        if (c != 0) {
            return c;
        }
        if (setIdentifier == null) {
            return o.setIdentifier == null ? 0 : -1;
        }
        return o.setIdentifier == null ? 1 : setIdentifier.compareTo(o.setIdentifier);
    }

    @Override
    public String toString() {
        return setIdentifier == null ? name + " " + type : name + " " + type + " [" + setIdentifier + "]";
    }
}
