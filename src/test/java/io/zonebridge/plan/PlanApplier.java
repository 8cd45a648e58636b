package io.zonebridge.plan;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: applies changes to a zone with Route 53's per-change semantics (CREATE fails when the key
 * exists, DELETE needs the exact current record set, UPSERT replaces, apex SOA/NS cannot be deleted),
 * so a plan that Route 53 would reject fails here too.
 */
final class PlanApplier {

    private PlanApplier() {
    }

    static ZoneSnapshot apply(ZoneSnapshot zone, List<Change> changes) {
        Map<RecordKey, RecordSet> sets = new HashMap<>(zone.recordSets());
        for (Change change : changes) {
            RecordSet set = change.recordSet();
            RecordKey key = set.key();
            switch (change.action()) {
                case CREATE -> {
                    if (sets.containsKey(key)) {
                        throw new AssertionError("CREATE of existing " + key);
                    }
                    sets.put(key, set);
                }
                case DELETE -> {
                    if (key.isApexOf(zone.origin()) && (key.type().equals("SOA") || key.type().equals("NS"))) {
                        throw new AssertionError("DELETE of apex " + key.type());
                    }
                    if (!set.equals(sets.get(key))) {
                        throw new AssertionError("DELETE of " + set + " does not match current " + sets.get(key));
                    }
                    sets.remove(key);
                }
                case UPSERT -> sets.put(key, set);
            }
        }
        return new ZoneSnapshot(zone.origin(), sets);
    }
}
