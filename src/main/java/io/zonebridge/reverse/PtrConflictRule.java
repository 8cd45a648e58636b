package io.zonebridge.reverse;

import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;

/**
 * Which name(s) the PTR of an address points to when several A/AAAA record names claim the address.
 * Names are canonical; order is {@link String#compareTo} on the canonical form. Deterministic.
 */
public enum PtrConflictRule {
    /** The shortest name (fewest characters), then the lexicographically smallest. The default. */
    SHORTEST_THEN_LEXICOGRAPHIC,
    /** The lexicographically smallest name. */
    LEXICOGRAPHIC,
    /** Every name: a multi-valued PTR record set. */
    ALL_NAMES;

    /** The chosen names, from a non-empty sorted set of claimants. */
    public List<String> choose(SortedSet<String> claimants) {
        if (claimants.isEmpty()) {
            throw new IllegalArgumentException("no claimants");
        }
        return switch (this) {
            case SHORTEST_THEN_LEXICOGRAPHIC -> List.of(claimants.stream()
                    .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                    .orElseThrow());
            case LEXICOGRAPHIC -> List.of(claimants.first());
            case ALL_NAMES -> List.copyOf(claimants);
        };
    }
}
