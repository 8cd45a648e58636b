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
 * <p>A service keeps a million of these, so a set is held in few bytes: its owner name and values in one byte
 * array (each one's length, then its Latin-1 characters, as canonical names and values are; a set with another
 * character holds them as strings), read back when asked for ({@link #name()}, {@link #values()}, {@link #key()}:
 * an equal one each time; {@link #compareKeyTo} and {@link #hasName} read the bytes in place); common TTLs one
 * {@code Long} each; set identifier, alias and routing in one object only for a set that has any. Immutable; equal
 * sets may be different instances.
 */
public final class RecordSet {

    /** The TTLs zones mostly use, one instance each ({@link Long#valueOf} shares only those up to 127). */
    private static final Long[] COMMON_TTLS = {60L, 120L, 180L, 300L, 600L, 900L, 1800L, 3600L, 7200L, 14400L,
        21600L, 43200L, 86400L, 172800L, 604800L};

    private final String type;
    private final Long ttl;
    /** The name, then the sorted values, each as its length then its Latin-1 characters; null when not Latin-1. */
    private final byte[] packed;
    /** Set identifier, alias, routing, and the name and values when not packed; null for a simple packed set. */
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
        this.type = key.type();
        this.ttl = alias != null ? null : shared(ttl);
        this.packed = pack(key.name(), sorted);
        this.extra = packed != null && alias == null && routing.equals(Routing.SIMPLE) && key.setIdentifier() == null
                ? null
                : new Extra(key.setIdentifier(), alias, routing, packed == null ? key.name() : null,
                        packed == null ? sorted : null);
    }

    /** What only some sets have: a set identifier, an alias, routing, a name or values beyond Latin-1. */
    private record Extra(String setIdentifier, AliasTarget alias, Routing routing, String name, List<String> values) {
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
        return new RecordKey(name(), type, setIdentifier());
    }

    /** Time to live in seconds, {@code null} for an alias. */
    public Long ttl() {
        return ttl;
    }

    /** Sorted canonical values (unmodifiable, read from their packed form), empty for an alias. */
    public List<String> values() {
        if (packed == null) {
            return extra.values();
        }
        int at = skip(0);
        if (at == packed.length) {
            return List.of();
        }
        List<String> values = new ArrayList<>(1);
        while (at < packed.length) {
            values.add(string(at));
            at = skip(at);
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

    /** The owner name (read back now: an equal string each time). */
    public String name() {
        return packed == null ? extra.name() : string(0);
    }

    /** Whether the owner name is {@code name} (without reading it back). */
    public boolean hasName(String name) {
        return packed == null ? extra.name().equals(name) : compareName(name) == 0;
    }

    public String type() {
        return type;
    }

    /** The order of this set's key against {@code key}, as {@link RecordKey#compareTo} has it. */
    public int compareKeyTo(RecordKey key) {
        int c = compareName(key.name());
        return c != 0 ? c : compareRest(type, setIdentifier(), key.type(), key.setIdentifier());
    }

    /** The order of this set's key against {@code other}'s, as {@link RecordKey#compareTo} has it. */
    public int compareKeyTo(RecordSet other) {
        int c;
        if (packed != null && other.packed != null) {
            c = Arrays.compareUnsigned(packed, lengthBytes(0), skip(0), other.packed, other.lengthBytes(0),
                    other.skip(0));
        } else {
            c = name().compareTo(other.name());
        }
        return c != 0 ? c : compareRest(type, setIdentifier(), other.type, other.setIdentifier());
    }

    private static int compareRest(String type, String id, String otherType, String otherId) {
        int c = type.compareTo(otherType);
        if (c != 0) {
            return c;
        }
        if (id == null) {
            return otherId == null ? 0 : -1;
        }
        return otherId == null ? 1 : id.compareTo(otherId);
    }

    /** The owner name against {@code other} as {@link String#compareTo} orders them. */
    private int compareName(String other) {
        if (packed == null) {
            return extra.name().compareTo(other);
        }
        int start = lengthBytes(0);
        int length = length(0);
        int common = Math.min(length, other.length());
        for (int i = 0; i < common; i++) {
            int c = (packed[start + i] & 0xFF) - other.charAt(i);
            if (c != 0) {
                return c;
            }
        }
        return length - other.length();
    }

    private String setIdentifier() {
        return extra == null ? null : extra.setIdentifier();
    }

    /** The same record set with another TTL (values unchanged). */
    public RecordSet withTtl(long newTtl) {
        return isAlias() ? this : new RecordSet(key(), newTtl, values(), null, routing());
    }

    /** Equality that disregards the TTL. */
    public boolean sameIgnoringTtl(RecordSet other) {
        return type.equals(other.type) && Arrays.equals(packed, other.packed) && Objects.equals(extra, other.extra);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RecordSet other && Objects.equals(ttl, other.ttl) && sameIgnoringTtl(other);
    }

    @Override
    public int hashCode() {
        int h = type.hashCode();
        h = 31 * h + Objects.hashCode(ttl);
        h = 31 * h + Arrays.hashCode(packed);
        return 31 * h + Objects.hashCode(extra);
    }

    @Override
    public String toString() {
        return "RecordSet[key=" + key() + ", ttl=" + ttl + ", values=" + values() + ", alias=" + alias()
                + ", routing=" + routing() + "]";
    }

    /** The string whose length starts at {@code at}. */
    private String string(int at) {
        return new String(packed, at + lengthBytes(at), length(at), StandardCharsets.ISO_8859_1);
    }

    /** The length of the string at {@code at} (seven bits a byte, low bits first). */
    private int length(int at) {
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = packed[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return length;
    }

    /** How many bytes the length of the string at {@code at} takes. */
    private int lengthBytes(int at) {
        int bytes = 1;
        while ((packed[at + bytes - 1] & 0x80) != 0) {
            bytes++;
        }
        return bytes;
    }

    /** Where the string after the one at {@code at} starts. */
    private int skip(int at) {
        return at + lengthBytes(at) + length(at);
    }

    /** The name and the values in one byte array; null when a character is not Latin-1. */
    private static byte[] pack(String name, List<String> values) {
        int size = packedSize(name);
        for (String value : values) {
            int bytes = packedSize(value);
            if (bytes < 0 || size < 0) {
                return null;
            }
            size += bytes;
        }
        if (size < 0) {
            return null;
        }
        byte[] bytes = new byte[size];
        int at = put(name, bytes, 0);
        for (String value : values) {
            at = put(value, bytes, at);
        }
        return bytes;
    }

    /** The bytes {@code s} takes packed, or -1 when a character of it is not Latin-1. */
    private static int packedSize(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return -1;
            }
        }
        int size = s.length() + 1;
        for (int length = s.length(); length >= 0x80; length >>>= 7) {
            size++;
        }
        return size;
    }

    private static int put(String s, byte[] bytes, int at) {
        for (int length = s.length(); ; length >>>= 7) {
            if (length < 0x80) {
                bytes[at++] = (byte) length;
                break;
            }
            bytes[at++] = (byte) (length & 0x7F | 0x80);
        }
        for (int i = 0; i < s.length(); i++) {
            bytes[at++] = (byte) s.charAt(i);
        }
        return at;
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
