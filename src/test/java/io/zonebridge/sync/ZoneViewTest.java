package io.zonebridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ZoneView#share}: one instance of each set the view and the desired zone both hold, nothing else changed. */
class ZoneViewTest {

    private static final String ORIGIN = "view.test.";

    @Test
    void equalSetsAreHeldAsTheDesiredInstancesAndNothingElseChanges() {
        RecordSet same = RecordSet.of("same." + ORIGIN, "A", 300, "10.0.0.1");
        RecordSet differs = RecordSet.of("differs." + ORIGIN, "A", 300, "10.0.0.2");
        RecordSet ttl = RecordSet.of("ttl." + ORIGIN, "TXT", 300, "\"t\"");
        ZoneView view = new ZoneView(ZoneSnapshot.of(ORIGIN, List.of(same, differs, ttl)), Instant.EPOCH, 0);
        ZoneSnapshot before = view.snapshot();

        RecordSet sameDesired = RecordSet.of(new String("same." + ORIGIN), "A", 300, new String("10.0.0.1"));
        RecordSet differsDesired = RecordSet.of("differs." + ORIGIN, "A", 300, "10.0.0.3");
        RecordSet ttlDesired = RecordSet.of("ttl." + ORIGIN, "TXT", 60, "\"t\"");
        RecordSet absent = RecordSet.of("new." + ORIGIN, "A", 300, "10.0.0.4");
        view.share(List.of(sameDesired, differsDesired, ttlDesired, absent));

        assertEquals(before, view.snapshot(), "what the view says is unchanged");
        Map<RecordKey, RecordSet> held = view.snapshot().recordSets();
        assertSame(sameDesired, held.get(same.key()), "an equal set is held as the desired instance");
        assertSame(differs, held.get(differs.key()), "a set with other values stays as read");
        assertSame(ttl, held.get(ttl.key()), "a set with another TTL stays as read");
        assertEquals(3, view.size(), "a desired set the view lacks is not added");
    }
}
