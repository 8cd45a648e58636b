package io.zonebridge.route53;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers record sets whose text as Route 53 stores it differs from our canonical form (for
 * example DS digests written in lower case by another tool). Route 53 accepts only an exact-match
 * DELETE, so a delete of such a set must send the stored text, not the canonical one.
 */
final class RawRecordSets {

    private record Entry(RecordSet canonical, ResourceRecordSet raw) {
    }

    private final Map<String, Map<RecordKey, Entry>> byZone = new ConcurrentHashMap<>();

    /** Called for every set read; keeps only those whose stored text differs from the canonical. */
    void remember(String zoneId, ResourceRecordSet raw, RecordSet canonical) {
        if (sameText(raw, canonical)) {
            return;
        }
        byZone.computeIfAbsent(zoneId, z -> new ConcurrentHashMap<>()).put(canonical.key(), new Entry(canonical, raw));
    }

    /** Forgets what was remembered for a zone (before it is read again, so entries never go stale). */
    void forget(String zoneId) {
        byZone.remove(zoneId);
    }

    /** The set to send for a DELETE of {@code set}: the stored text when it differs, else the canonical set. */
    ResourceRecordSet forDelete(String zoneId, RecordSet set) {
        Entry entry = byZone.getOrDefault(zoneId, Map.of()).get(set.key());
        return entry != null && entry.canonical().equals(set) ? entry.raw() : RecordSetMapper.toSdk(set);
    }

    /** Whether Route 53's stored values are the canonical ones (values are few, so a scan beats sorting). */
    private static boolean sameText(ResourceRecordSet raw, RecordSet canonical) {
        if (raw.resourceRecords().size() != canonical.values().size()) {
            return false;
        }
        for (var record : raw.resourceRecords()) {
            if (!canonical.values().contains(record.value())) {
                return false;
            }
        }
        return true;
    }
}
