package io.zonebridge.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A record set in the shape Route 53 returns it: either a TTL with canonical values, or an alias.
 *
 * <p>Values are canonical per type (see the codec in {@code io.zonebridge.route53}) and kept sorted,
 * so two record sets that Route 53 would treat as the same compare equal. Equality includes the TTL;
 * callers that ignore TTL differences use {@link #sameIgnoringTtl(RecordSet)}.
 *
 * <p>A service keeps a million of these, so a set is held in few bytes: its key's parts in the set itself
 * ({@link #key()} is built when asked for; {@link #compareKeyTo} orders sets by key without building it), the
 * values packed (one byte array, each value's length then its characters, when every character is Latin-1, as
 * canonical values are; {@link #values()} is read from it each time it is asked for), common TTLs one
 * {@code Long} each, and routing, alias and set identifier in one object only when a set has any. Immutable; equal
 * sets may be different instances.
 */
public final class RecordSet {

    /** The TTLs zones mostly use, one instance each ({@link Long#valueOf} shares only those up to 127). */
    private static final Long[] COMMON_TTLS = {60L, 120L, 180L, 300L, 600L, 900L, 1800L, 3600L, 7200L, 14400L,
        21600L, 43200L, 86400L, 172800L, 604800L};

    private final String name;
    private final String type;
    private final Long ttl;
    /** The sorted values: packed Latin-1 ({@code byte[]}), a {@code String[]} when one is not Latin-1, or null. */
    private final Object packed;
    /** Set identifier, alias and routing; null for a simple set of values without a set identifier. */
    private final Extra extra;

    /**
     * A record set.
     *
     * @param key     identity
     * @param ttl     time to live in seconds, {@code null} for an alias (ignored for one)
     * @param values  canonical values (sorted here), empty or {@code null} for an alias
     * @param alias   alias target, or {@code null}
     * @param routing routing-policy attributes, {@link Routing#SIMPLE} when {@code null}
     */
    public RecordSet(RecordKey key, Long ttl, List<String> values, AliasTarget alias, Routing routing) {
        Objects.requireNonNull(key, "key");
        routing = routing == null ? Routing.SIMPLE : routing;
        List<String> sorted = values == null ? List.of() : sortedCopy(values);
        if (alias == null && sorted.isEmpty()) {
            throw new IllegalArgumentException("record set " + key + " has neither values nor an alias target");
        }
        if (alias != null && !sorted.isEmpty()) {
            throw new IllegalArgumentException("record set " + key + " has both values and an alias target");
        }
        if (alias == null && ttl == null) {
            throw new IllegalArgumentException("record set " + key + " has values but no TTL");
        }
        this.name = key.name();
        this.type = key.type();
        this.extra = alias == null && routing.equals(Routing.SIMPLE) && key.setIdentifier() == null ? null
                : new Extra(key.setIdentifier(), alias, routing);
        this.ttl = alias != null ? null : shared(ttl);
        this.packed = sorted.isEmpty() ? null : pack(sorted);
    }

    /** What only some sets have. */
    private record Extra(String setIdentifier, AliasTarget alias, Routing routing) {
    }

    private static Long shared(Long ttl) {
        for (Long common : COMMON_TTLS) {
            if (common.equals(ttl)) {
                return common;
            }
        }
        return ttl;
    }

    /** A simple (non-routed) record set with values. */
    public static RecordSet of(String name, String type, long ttl, String... values) {
        return new RecordSet(RecordKey.of(name, type), ttl, List.of(values), null, Routing.SIMPLE);
    }

    /** A simple (non-routed) record set with values. */
    public static RecordSet of(RecordKey key, long ttl, List<String> values) {
        return new RecordSet(key, ttl, values, null, Routing.SIMPLE);
    }

    /** A simple alias record set. */
    public static RecordSet alias(String name, String type, AliasTarget target) {
        return new RecordSet(RecordKey.of(name, type), null, List.of(), target, Routing.SIMPLE);
    }

    /** Identity (built now: an equal key each time). */
    public RecordKey key() {
        return new RecordKey(name, type, extra == null ? null : extra.setIdentifier());
    }

    /** The order of this set's key against {@code key}, as {@link RecordKey#compareTo} has it. */
    public int compareKeyTo(RecordKey key) {
        return compareKeys(name, type, setIdentifier(), key.name(), key.type(), key.setIdentifier());
    }

    /** The order of this set's key against {@code other}'s, as {@link RecordKey#compareTo} has it. */
    public int compareKeyTo(RecordSet other) {
        return compareKeys(name, type, setIdentifier(), other.name, other.type, other.setIdentifier());
    }

    private static int compareKeys(String name, String type, String id, String otherName, String otherType,
                                   String otherId) {
        int c = name.compareTo(otherName);
        if (c != 0) {
            return c;
        }
        c = type.compareTo(otherType);
        if (c != 0) {
            return c;
        }
        if (id == null) {
            return otherId == null ? 0 : -1;
        }
        return otherId == null ? 1 : id.compareTo(otherId);
    }

    private String setIdentifier() {
        return extra == null ? null : extra.setIdentifier();
    }

    /** Time to live in seconds, {@code null} for an alias. */
    public Long ttl() {
        return ttl;
    }

    /** Sorted canonical values (unmodifiable, read from their packed form), empty for an alias. */
    public List<String> values() {
        if (packed == null) {
            return List.of();
        }
        if (packed instanceof String[] strings) {
            return List.of(strings);
        }
        byte[] bytes = (byte[]) packed;
        List<String> values = new ArrayList<>(1);
        for (int at = 0; at < bytes.length; ) {
            int length = 0;
            int shift = 0;
            int b;
            do {
                b = bytes[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            values.add(new String(bytes, at, length, StandardCharsets.ISO_8859_1));
            at += length;
        }
        return values.size() == 1 ? List.of(values.get(0)) : Collections.unmodifiableList(values);
    }

    /** Alias target, or {@code null}. */
    public AliasTarget alias() {
        return extra == null ? null : extra.alias();
    }

    /** Routing-policy attributes, {@link Routing#SIMPLE} when none. */
    public Routing routing() {
        return extra == null ? Routing.SIMPLE : extra.routing();
    }

    public boolean isAlias() {
        return alias() != null;
    }

    /** Whether {@code type} is an address type: A or AAAA. */
    public static boolean isAddressType(String type) {
        return "A".equals(type) || "AAAA".equals(type);
    }

    /** Whether this is an A or AAAA record set with addresses (not an alias): one that PTRs point back to. */
    public boolean isAddress() {
        return isAddressType(type()) && !isAlias();
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The same record set with another TTL (values unchanged). */
    public RecordSet withTtl(long newTtl) {
        return isAlias() ? this : new RecordSet(key(), newTtl, values(), null, routing());
    }

    /** Equality that disregards the TTL. */
    public boolean sameIgnoringTtl(RecordSet other) {
        return name.equals(other.name) && type.equals(other.type) && samePacked(packed, other.packed)
                && Objects.equals(extra, other.extra);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RecordSet other && Objects.equals(ttl, other.ttl) && sameIgnoringTtl(other);
    }

    @Override
    public int hashCode() {
        int h = name.hashCode();
        h = 31 * h + type.hashCode();
        h = 31 * h + Objects.hashCode(ttl);
        h = 31 * h + (packed instanceof byte[] bytes ? Arrays.hashCode(bytes)
                : packed instanceof String[] strings ? Arrays.hashCode(strings) : 0);
        return 31 * h + Objects.hashCode(extra);
    }

    @Override
    public String toString() {
        return "RecordSet[key=" + key() + ", ttl=" + ttl + ", values=" + values() + ", alias=" + alias()
                + ", routing=" + routing() + "]";
    }

    /** Packed values are equal exactly when the values are: a list of values has one packed form. */
    private static boolean samePacked(Object a, Object b) {
        if (a instanceof byte[] x) {
            return b instanceof byte[] y && Arrays.equals(x, y);
        }
        if (a instanceof String[] x) {
            return b instanceof String[] y && Arrays.equals(x, y);
        }
        return b == null;
    }

    /** The values as one byte array (each one's length, seven bits a byte, then its Latin-1 characters). */
    private static Object pack(List<String> values) {
        int size = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) > 0xFF) {
                    return values.toArray(String[]::new);
                }
            }
            size += value.length() + lengthBytes(value.length());
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (String value : values) {
            for (int length = value.length(); ; length >>>= 7) {
                if (length < 0x80) {
                    bytes[at++] = (byte) length;
                    break;
                }
                bytes[at++] = (byte) (length & 0x7F | 0x80);
            }
            for (int i = 0; i < value.length(); i++) {
                bytes[at++] = (byte) value.charAt(i);
            }
        }
        return bytes;
    }

    private static int lengthBytes(int length) {
        int bytes = 1;
        while (length >= 0x80) {
            length >>>= 7;
            bytes++;
        }
        return bytes;
    }

    private static List<String> sortedCopy(List<String> in) {
        if (isSorted(in)) {
            return List.copyOf(in);
        }
        List<String> copy = new ArrayList<>(in);
        Collections.sort(copy);
        return Collections.unmodifiableList(copy);
    }

    private static boolean isSorted(List<String> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1).compareTo(values.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }
}
