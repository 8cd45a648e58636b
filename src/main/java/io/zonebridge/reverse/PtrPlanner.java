package io.zonebridge.reverse;

import io.zonebridge.model.Cidr;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.RecordValueCodec;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Computes the PTRs the forward A/AAAA record sets call for, per reverse zone, and the part of the
 * current reverse zones zonebridge may change (see {@link PtrPlan}).
 *
 * <p>Every value of every non-alias A/AAAA record set counts (weighted, multivalue and other routed
 * sets contribute all their values). An address claimed by several names gets the name(s) the
 * {@link PtrConflictRule} picks. Alias sets and wildcard names yield no PTR. Existing PTRs the
 * {@link OwnershipPolicy} does not let zonebridge manage are never deleted or overwritten.
 *
 * <p>The forward record sets passed in must be the whole forward state in scope (all private zones
 * of the organisation), because a PTR depends on every name claiming its address. The current state is
 * one snapshot per reverse zone name; when several hosted zones share a name (private zones of different
 * VPCs, see {@link ReverseZoneIndex#zones(String)}), plan once per hosted zone with its snapshot.
 * Pure and thread-safe.
 */
public final class PtrPlanner {

    private static final String WILDCARD_LABEL = "\\052";

    private final ReverseZoneIndex index;
    private final PtrOptions options;

    /**
     * @param index   the reverse zones and configured prefixes
     * @param options PTR TTL, conflict rule and ownership policy
     */
    public PtrPlanner(ReverseZoneIndex index, PtrOptions options) {
        this.index = index;
        this.options = options;
    }

    /**
     * The full reconcile: every PTR of every reverse zone that receives PTRs or whose current state is given.
     *
     * @param forward        the A/AAAA record sets of all forward zones in scope (other types are ignored)
     * @param currentReverse current snapshot per reverse zone name
     */
    public PtrPlan plan(Collection<RecordSet> forward, Map<String, ZoneSnapshot> currentReverse) {
        return compute(forward, currentReverse, null);
    }

    /**
     * The plan limited to the PTRs that concern the given names: the PTRs of their current addresses,
     * and existing PTRs pointing to them (so the PTR of an address a name no longer has is removed or
     * handed to another claimant). This is what an event ({@link ReverseWork}) needs; the result is
     * the full plan restricted to those PTR names.
     *
     * @param names          canonical (or any accepted form of) record names
     * @param forward        the A/AAAA record sets of all forward zones in scope
     * @param currentReverse current snapshot per reverse zone name
     */
    public PtrPlan planNames(Collection<String> names, Collection<RecordSet> forward,
                             Map<String, ZoneSnapshot> currentReverse) {
        Set<String> canonicalNames = new HashSet<>();
        names.forEach(name -> canonicalNames.add(RecordNameCodec.canonical(name)));
        return compute(forward, currentReverse, canonicalNames);
    }

    private PtrPlan compute(Collection<RecordSet> forward, Map<String, ZoneSnapshot> currentReverse,
                            Set<String> scopeNames) {
        Map<String, ZoneSnapshot> current = new HashMap<>();
        currentReverse.forEach((zone, snapshot) -> current.put(RecordNameCodec.canonical(zone), snapshot));

        Claims claims = new Claims();
        List<String> skipped = new ArrayList<>();
        Set<String> unmatched = new TreeSet<>();
        for (RecordSet set : forward) {
            if (!RecordSet.isAddressType(set.type())) {
                continue;
            }
            if (set.isAlias()) {
                skipped.add(set.key() + ": alias, no address");
                continue;
            }
            if (set.name().startsWith(WILDCARD_LABEL + ".") || set.name().startsWith("*.")) {
                skipped.add(set.key() + ": wildcard name, no PTR");
                continue;
            }
            for (String value : set.values()) {
                InetAddress address;
                try {
                    address = Cidr.parseAddress(value);
                } catch (IllegalArgumentException e) {
                    skipped.add(set.key() + ": value " + value + " is not an address");
                    continue;
                }
                Optional<PtrLocation> location = index.locate(address);
                if (location.isEmpty()) {
                    unmatched.add(address.getHostAddress());
                    continue;
                }
                boolean inScope = scopeNames == null || scopeNames.contains(set.name());
                claims.add(location.get(), set.name(), inScope);
            }
        }

        Set<String> zones = new TreeSet<>(claims.byZone.keySet());
        Set<String> known = index.zoneNames();
        for (String zone : current.keySet()) {
            if (known.contains(zone)) {
                zones.add(zone);
            }
        }
        Map<String, ZoneSnapshot> desired = new TreeMap<>();
        Map<String, ZoneSnapshot> managed = new TreeMap<>();
        List<BlockedPtr> blocked = new ArrayList<>();
        Set<String> unread = new TreeSet<>();
        for (String zone : zones) {
            ZoneSnapshot snapshot = current.get(zone);
            if (snapshot == null) {
                if (scopeNames == null || !claims.scopedOwners(zone).isEmpty()) {
                    unread.add(zone);
                }
                continue;
            }
            Map<String, SortedSet<String>> zoneClaims = claims.byZone.getOrDefault(zone, Map.of());
            BiPredicate<String, RecordSet> inScope = scopeNames == null
                    ? (ptrName, existing) -> true
                    : (ptrName, existing) -> claims.scopedOwners(zone).contains(ptrName)
                    || (existing != null && pointsToAny(existing, scopeNames));
            planZone(zone, snapshot, zoneClaims, inScope, desired, managed, blocked);
            if (scopeNames != null && desired.get(zone).size() == 0 && managed.get(zone).size() == 0) {
                desired.remove(zone);
                managed.remove(zone);
            }
        }
        return new PtrPlan(desired, managed, blocked, unmatched, unread, skipped);
    }

    private void planZone(String zone, ZoneSnapshot current, Map<String, SortedSet<String>> zoneClaims,
                          BiPredicate<String, RecordSet> inScope, Map<String, ZoneSnapshot> desiredOut,
                          Map<String, ZoneSnapshot> managedOut, List<BlockedPtr> blockedOut) {
        Map<RecordKey, RecordSet> managed = new HashMap<>();
        for (RecordSet existing : current.recordSets().values()) {
            if ("PTR".equals(existing.type()) && options.ownership().manages(zone, existing)
                    && inScope.test(existing.name(), existing)) {
                managed.put(existing.key(), existing);
            }
        }
        List<RecordSet> wanted = new ArrayList<>();
        zoneClaims.forEach((ptrName, claimants) -> {
            RecordKey key = PtrPlan.ptrKey(ptrName);
            RecordSet existing = current.recordSets().get(key);
            if (!inScope.test(ptrName, existing)) {
                return;
            }
            List<String> values = options.conflictRule().choose(claimants).stream()
                    .map(name -> RecordValueCodec.canonical("PTR", name))
                    .toList();
            RecordSet ptr = RecordSet.of(key, options.ttl(), values);
            Optional<RecordSet> obstacle = obstacle(current, ptrName, existing, managed);
            if (obstacle.isEmpty()) {
                wanted.add(ptr);
            } else if (!obstacle.get().type().equals("PTR") || !obstacle.get().values().equals(ptr.values())) {
                blockedOut.add(new BlockedPtr(zone, ptr, obstacle.get()));
            }
        });
        desiredOut.put(zone, ZoneSnapshot.of(zone, wanted));
        managedOut.put(zone, new ZoneSnapshot(zone, managed));
    }

    /** An unmanaged PTR of the same name, or a CNAME at the name (which excludes any other record). */
    private static Optional<RecordSet> obstacle(ZoneSnapshot current, String ptrName, RecordSet existingPtr,
                                                Map<RecordKey, RecordSet> managed) {
        if (existingPtr != null && !managed.containsKey(existingPtr.key())) {
            return Optional.of(existingPtr);
        }
        return current.get(RecordKey.of(ptrName, "CNAME"));
    }

    private static boolean pointsToAny(RecordSet existing, Set<String> names) {
        for (String value : existing.values()) {
            if (names.contains(RecordNameCodec.canonical(value))) {
                return true;
            }
        }
        return false;
    }

    /** Names claiming each PTR name, per zone; and the PTR names claimed by names in scope. */
    private static final class Claims {
        final Map<String, Map<String, SortedSet<String>>> byZone = new TreeMap<>();
        final Map<String, Set<String>> scoped = new HashMap<>();

        void add(PtrLocation location, String name, boolean inScope) {
            byZone.computeIfAbsent(location.zoneName(), z -> new TreeMap<>())
                    .computeIfAbsent(location.ptrName(), p -> new TreeSet<>())
                    .add(name);
            if (inScope) {
                scoped.computeIfAbsent(location.zoneName(), z -> new HashSet<>()).add(location.ptrName());
            }
        }

        Set<String> scopedOwners(String zone) {
            return scoped.getOrDefault(zone, Set.of());
        }
    }
}
