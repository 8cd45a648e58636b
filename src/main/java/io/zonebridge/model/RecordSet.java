package io.zonebridge.model;

import java.util.ArrayList;
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
 * @param key     identity
 * @param ttl     time to live in seconds, {@code null} for an alias
 * @param values  sorted canonical values, empty for an alias
 * @param alias   alias target, or {@code null}
 * @param routing routing-policy attributes, {@link Routing#SIMPLE} when none
 */
public record RecordSet(RecordKey key, Long ttl, List<String> values, AliasTarget alias, Routing routing) {

    public RecordSet {
        Objects.requireNonNull(key, "key");
        routing = routing == null ? Routing.SIMPLE : routing;
        values = values == null ? List.of() : sortedCopy(values);
        if (alias == null && values.isEmpty()) {
            throw new IllegalArgumentException("record set " + key + " has neither values nor an alias target");
        }
        if (alias != null && !values.isEmpty()) {
            throw new IllegalArgumentException("record set " + key + " has both values and an alias target");
        }
        if (alias == null && ttl == null) {
            throw new IllegalArgumentException("record set " + key + " has values but no TTL");
        }
        ttl = alias != null ? null : shared(ttl);
    }

    /** The TTLs zones mostly use, one instance each ({@link Long#valueOf} shares only those up to 127). */
    private static final Long[] COMMON_TTLS = {60L, 120L, 180L, 300L, 600L, 900L, 1800L, 3600L, 7200L, 14400L,
        21600L, 43200L, 86400L, 172800L, 604800L};

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

    public boolean isAlias() {
        return alias != null;
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
        return key.name();
    }

    public String type() {
        return key.type();
    }

    /** The same record set with another TTL (values unchanged). */
    public RecordSet withTtl(long newTtl) {
        return alias != null ? this : new RecordSet(key, newTtl, values, null, routing);
    }

    /** Equality that disregards the TTL. */
    public boolean sameIgnoringTtl(RecordSet other) {
        return key.equals(other.key) && values.equals(other.values)
                && Objects.equals(alias, other.alias) && routing.equals(other.routing);
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
