package io.zonebridge.local;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * Route 53's rules on which record sets may coexist at one name: CNAME exclusivity and apex, simple versus
 * set-identifier sets, weighted TTLs, one latency set per region, the weighted-set quota.
 */
public final class RecordSetConflicts {
    static final int MAX_WEIGHTED_SETS = 100;

    private RecordSetConflicts() {
    }

    /** The message for the first rule {@code set} breaks in {@code records} of zone {@code zone}, or null. */
    public static String problem(RecordSetData set, NavigableMap<RecordSetKey, RecordSetData> records,
                                 DomainName zone) {
        String z = zone.canonical();
        String n = set.name();
        String t = set.type();
        if (t.equals("CNAME") && n.equals(z)) {
            return "RRSet of type CNAME with DNS name " + z + " is not permitted at apex in zone " + z;
        }
        int weighted = set.weight() != null ? 1 : 0;
        for (Map.Entry<RecordSetKey, RecordSetData> entry : sameName(records, n).entrySet()) {
            RecordSetData other = entry.getValue();
            if (entry.getKey().equals(set.key())) {
                continue;
            }
            if (t.equals("CNAME") && !other.type().equals("CNAME")) {
                return "RRSet of type CNAME with DNS name " + n
                        + " is not permitted as it conflicts with other records with the same DNS name in zone " + z;
            }
            if (!t.equals("CNAME") && other.type().equals("CNAME")) {
                return "RRSet of type " + t + " with DNS name " + n + " is not permitted because a conflicting "
                        + "RRSet of type  CNAME with the same DNS name already exists in zone " + z;
            }
            if (!other.type().equals(t)) {
                continue;
            }
            if (set.setIdentifier() == null) {
                return "RRSet with DNS name " + n + ", type " + t
                        + " cannot be created as other RRSets exist with the same name and type.";
            }
            if (other.setIdentifier() == null) {
                return "RRSet with DNS name " + n + ", type " + t + ", SetIdentifier " + set.setIdentifier()
                        + " cannot be created as a non-weighted set exists with the same name and type.";
            }
            if (set.weight() != null && other.weight() != null && !Objects.equals(set.ttl(), other.ttl())) {
                return "RRSet with DNS name " + n + " and type " + t + ", SetIdentifier " + set.setIdentifier()
                        + " cannot be created as weighted sets must contain the same TTL.";
            }
            if (set.region() != null && set.region().equals(other.region())) {
                return "RRSet with DNS name " + n + ", type " + t + ", SetIdentifier " + set.setIdentifier()
                        + ", and Region Name=" + set.region() + " cannot be created because a latency RRSet with "
                        + "the same name, type and region already exists.";
            }
            weighted += set.weight() != null && other.weight() != null ? 1 : 0;
        }
        if (weighted > MAX_WEIGHTED_SETS) {
            return "Exceeded limit on number of weighted RRSets for " + n + ", type " + t + " in this zone.";
        }
        return null;
    }

    /** The record sets named {@code name} (all types and set identifiers). */
    static NavigableMap<RecordSetKey, RecordSetData> sameName(NavigableMap<RecordSetKey, RecordSetData> records,
                                                               String name) {
        return records.subMap(new RecordSetKey(name, "", null), true, new RecordSetKey(name, "\uffff", null), true);
    }
}
