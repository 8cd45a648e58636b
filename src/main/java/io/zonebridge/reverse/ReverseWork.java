package io.zonebridge.reverse;

import io.zonebridge.intake.MergeableWork;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A small, serialisable unit of reverse-DNS work: the record names of one forward hosted zone whose
 * PTRs must be recomputed. It carries no record values as truth; the worker reads Route 53. The
 * address hints (addresses named by the events) only help find affected reverse zones.
 *
 * @param account      the account owning the forward zone
 * @param hostedZoneId the forward hosted zone, bare id
 * @param names        canonical record names, sorted, distinct
 * @param addressHints addresses seen in the events (new values of CREATE/UPSERT, old of DELETE), sorted, distinct
 */
public record ReverseWork(String account, String hostedZoneId, List<String> names, List<String> addressHints)
        implements MergeableWork<ReverseWork> {

    private static final long serialVersionUID = 1L;

    public ReverseWork {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        names = sortedDistinct(names);
        addressHints = sortedDistinct(addressHints == null ? List.of() : addressHints);
    }

    /** The aggregation key: one writer per forward zone and account. */
    public String zoneKey() {
        return account + "/" + hostedZoneId;
    }

    /** {@link #zoneKey()}. */
    @Override
    public String key() {
        return zoneKey();
    }

    /** This work and another of the same zone, as one. */
    public ReverseWork merge(ReverseWork other) {
        return mergeAll(List.of(other));
    }

    /** This work and others of the same zone, as one: names and address hints united. */
    @Override
    public ReverseWork mergeAll(List<ReverseWork> others) {
        TreeSet<String> allNames = new TreeSet<>(names);
        TreeSet<String> allHints = new TreeSet<>(addressHints);
        for (ReverseWork other : others) {
            if (!zoneKey().equals(other.zoneKey())) {
                throw new IllegalArgumentException("cannot merge work of " + other.zoneKey() + " into " + zoneKey());
            }
            allNames.addAll(other.names);
            allHints.addAll(other.addressHints);
        }
        return new ReverseWork(account, hostedZoneId, List.copyOf(allNames), List.copyOf(allHints));
    }

    private static List<String> sortedDistinct(Collection<String> in) {
        if (in instanceof List<String> list && isSortedDistinct(list)) {
            return List.copyOf(list);
        }
        return List.copyOf(new TreeSet<>(in));
    }

    private static boolean isSortedDistinct(List<String> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).compareTo(list.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
