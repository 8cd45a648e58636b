package io.zonebridge.plan;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@link Planner} may change, and how.
 *
 * <p>Names are in canonical form (lower case, absolute, Route 53's octal escapes); upper case is
 * folded and a missing trailing dot is an error. An ignored subtree is stored as its suffix and covers
 * every name strictly below it: the subtree {@code dev.example.com.} (pattern {@code *.dev.example.com.})
 * leaves {@code a.dev.example.com.} alone but not {@code dev.example.com.} itself.
 *
 * @param policy              which kinds of change are allowed
 * @param ignoreTtl           a difference only in TTL is no change, and updates keep the current TTL
 * @param managedTypes        record types the planner manages (upper case); empty means every type
 * @param ignoredNames        record names left alone
 * @param ignoredSubtrees     suffixes whose names below are left alone
 * @param manageApexSoaSerial plan an UPSERT of the apex SOA when the desired serial differs
 */
public record PlanOptions(SyncPolicy policy, boolean ignoreTtl, Set<String> managedTypes,
                          Set<String> ignoredNames, Set<String> ignoredSubtrees, boolean manageApexSoaSerial) {

    /** Full sync of every type, TTLs compared, nothing ignored, apex SOA untouched. */
    public static final PlanOptions DEFAULTS = new PlanOptions(SyncPolicy.SYNC, false, Set.of(), Set.of(), Set.of(), false);

    public PlanOptions {
        Objects.requireNonNull(policy, "policy");
        managedTypes = upperCase(managedTypes);
        ignoredNames = canonicalNames(ignoredNames, "ignored name");
        ignoredSubtrees = canonicalNames(ignoredSubtrees, "ignored subtree");
    }

    /** The defaults, see {@link #DEFAULTS}. */
    public static PlanOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another policy. */
    public PlanOptions withPolicy(SyncPolicy newPolicy) {
        return new PlanOptions(newPolicy, ignoreTtl, managedTypes, ignoredNames, ignoredSubtrees, manageApexSoaSerial);
    }

    /** These options with TTL differences ignored or not. */
    public PlanOptions withIgnoreTtl(boolean newIgnoreTtl) {
        return new PlanOptions(policy, newIgnoreTtl, managedTypes, ignoredNames, ignoredSubtrees, manageApexSoaSerial);
    }

    /** Only these types are planned; none given means every type. */
    public PlanOptions withManagedTypes(String... types) {
        return new PlanOptions(policy, ignoreTtl, Set.of(types), ignoredNames, ignoredSubtrees, manageApexSoaSerial);
    }

    /** These options with the apex SOA serial mirrored or not. */
    public PlanOptions withManageApexSoaSerial(boolean manage) {
        return new PlanOptions(policy, ignoreTtl, managedTypes, ignoredNames, ignoredSubtrees, manage);
    }

    /**
     * Adds ignore patterns: {@code *.suffix.} (or its canonical spelling {@code \052.suffix.}) ignores
     * every name below {@code suffix.}; anything else ignores exactly that record name.
     */
    public PlanOptions withIgnored(String... patterns) {
        Set<String> names = new HashSet<>(ignoredNames);
        Set<String> subtrees = new HashSet<>(ignoredSubtrees);
        for (String pattern : patterns) {
            Objects.requireNonNull(pattern, "ignore pattern");
            if (pattern.startsWith("*.")) {
                subtrees.add(pattern.substring(2));
            } else if (pattern.startsWith("\\052.")) {
                subtrees.add(pattern.substring(5));
            } else {
                names.add(pattern);
            }
        }
        return new PlanOptions(policy, ignoreTtl, managedTypes, names, subtrees, manageApexSoaSerial);
    }

    /** True when the planner manages record sets of this type. */
    public boolean manages(String type) {
        return managedTypes.isEmpty() || managedTypes.contains(type);
    }

    /** True when this record name is ignored, by name or by subtree. */
    public boolean ignores(String name) {
        if (ignoredNames.contains(name)) {
            return true;
        }
        for (String suffix : ignoredSubtrees) {
            if (name.length() > suffix.length() && name.endsWith(suffix)
                    && name.charAt(name.length() - suffix.length() - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    private static Set<String> upperCase(Set<String> types) {
        Set<String> out = new HashSet<>();
        for (String type : Objects.requireNonNull(types, "managedTypes")) {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("managed type must not be blank: " + types);
            }
            out.add(type.trim().toUpperCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    private static Set<String> canonicalNames(Set<String> names, String what) {
        Set<String> out = new HashSet<>();
        for (String name : Objects.requireNonNull(names, what + "s")) {
            if (name == null || !name.endsWith(".") || name.length() < 2) {
                throw new IllegalArgumentException(what + " must be an absolute name ending with a dot: " + name);
            }
            out.add(name.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }
}
