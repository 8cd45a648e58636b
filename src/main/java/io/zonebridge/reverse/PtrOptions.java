package io.zonebridge.reverse;

import java.util.Objects;

/**
 * How PTRs are computed and which existing ones may be changed.
 *
 * @param ttl          TTL of the PTR record sets zonebridge writes (default 300)
 * @param conflictRule which names an address shared by several names points to
 * @param ownership    which existing PTRs zonebridge may change or delete
 */
public record PtrOptions(long ttl, PtrConflictRule conflictRule, OwnershipPolicy ownership) {

    /** The default TTL of written PTRs. */
    public static final long DEFAULT_TTL = 300;

    public PtrOptions {
        if (ttl < 0) {
            throw new IllegalArgumentException("PTR TTL must not be negative: " + ttl);
        }
        Objects.requireNonNull(conflictRule, "conflictRule");
        Objects.requireNonNull(ownership, "ownership");
    }

    /** Default TTL and conflict rule, with the given ownership policy. */
    public static PtrOptions defaults(OwnershipPolicy ownership) {
        return new PtrOptions(DEFAULT_TTL, PtrConflictRule.SHORTEST_THEN_LEXICOGRAPHIC, ownership);
    }
}
