package io.zonebridge.zonefile;

import io.zonebridge.model.ZoneSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of converting DNS records for Route 53: the snapshot of what Route 53 can hold, and
 * how many records of each type it cannot hold (DNSKEY, RRSIG, NSEC, HINFO, ...) were left out.
 *
 * @param snapshot      the record sets in Route 53's canonical form
 * @param skippedByType number of records skipped per type mnemonic, sorted by type; unmodifiable
 */
public record ConvertedZone(ZoneSnapshot snapshot, Map<String, Integer> skippedByType) {

    public ConvertedZone {
        Objects.requireNonNull(snapshot, "snapshot");
        skippedByType = Collections.unmodifiableMap(new TreeMap<>(skippedByType));
    }

    /** Total number of records skipped. */
    public int skippedCount() {
        return skippedByType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
