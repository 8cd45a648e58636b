package io.zonebridge.plan;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of {@link ChangeBatcher} on random plans and small random limits: every change exactly once,
 * every batch within the limits, a name's changes together and deletes first; or, when one name's changes
 * alone exceed a limit, an error naming such a name. Sizes are counted here independently of the batcher.
 */
class ChangeBatcherPropertiesTest {

    @Provide
    Arbitrary<Tuple2<ZoneSnapshot, ZoneSnapshot>> zones() {
        return RandomZones.pairs();
    }

    @Property
    void batchesHoldEveryChangeOnceWithinLimits(@ForAll("zones") Tuple2<ZoneSnapshot, ZoneSnapshot> zones,
                                                @ForAll @IntRange(min = 1, max = 40) int maxElements,
                                                @ForAll @IntRange(min = 10, max = 400) int maxCharacters) {
        Plan plan = new Planner(PlanOptions.defaults()).plan(zones.get1(), zones.get2());
        BatchLimits limits = new BatchLimits(maxElements, maxCharacters);
        ChangeBatcher batcher = new ChangeBatcher(limits);

        Map<String, int[]> groupSizes = new HashMap<>();
        for (Change change : plan.changes()) {
            int[] size = groupSizes.computeIfAbsent(change.key().name(), n -> new int[2]);
            size[0] += elements(change);
            size[1] += characters(change);
        }
        Set<String> oversized = new HashSet<>();
        groupSizes.forEach((name, size) -> {
            if (size[0] > maxElements || size[1] > maxCharacters) {
                oversized.add(name);
            }
        });
        Statistics.label("name group").collect(oversized.isEmpty() ? "fits" : "oversized");
        if (!oversized.isEmpty()) {
            BatchLimitException e = assertThrows(BatchLimitException.class, () -> batcher.batches(plan));
            assertTrue(oversized.contains(e.name()), e.name() + " is not oversized: " + oversized);
            return;
        }

        List<ChangeBatch> batches = batcher.batches(plan);
        Statistics.label("batches").collect(Math.min(batches.size(), 3));
        Map<Change, Integer> seen = new IdentityHashMap<>();
        Map<String, Integer> batchOfName = new HashMap<>();
        for (int b = 0; b < batches.size(); b++) {
            ChangeBatch batch = batches.get(b);
            assertTrue(!batch.changes().isEmpty(), "empty batch");
            int elements = 0;
            int characters = 0;
            Set<String> namesWithCreate = new HashSet<>();
            for (Change change : batch.changes()) {
                assertEquals(null, seen.put(change, b), "change twice: " + change);
                Integer other = batchOfName.put(change.key().name(), b);
                assertTrue(other == null || other == b, change.key().name() + " split over batches " + other + " and " + b);
                if (change.action() == ChangeAction.DELETE) {
                    assertTrue(!namesWithCreate.contains(change.key().name()), "delete after create/upsert: " + change);
                } else {
                    namesWithCreate.add(change.key().name());
                }
                elements += elements(change);
                characters += characters(change);
            }
            assertEquals(elements, batch.elementCount());
            assertEquals(characters, batch.characterCount());
            assertTrue(elements <= maxElements && characters <= maxCharacters, "batch over limits: " + batch);
        }
        assertEquals(plan.changes().size(), seen.size());
        List<Change> all = new ArrayList<>(plan.changes());
        all.removeIf(seen::containsKey);
        assertEquals(List.of(), all, "changes missing from batches");
    }

    private static int elements(Change change) {
        RecordSet set = change.recordSet();
        return (set.isAlias() ? 1 : set.values().size()) * (change.action() == ChangeAction.UPSERT ? 2 : 1);
    }

    private static int characters(Change change) {
        RecordSet set = change.recordSet();
        int chars = set.isAlias() ? set.alias().dnsName().length()
                : set.values().stream().mapToInt(String::length).sum();
        return chars * (change.action() == ChangeAction.UPSERT ? 2 : 1);
    }
}
