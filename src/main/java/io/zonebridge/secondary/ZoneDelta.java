package io.zonebridge.secondary;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * What an IXFR changed in the known zone: every owner name its differences touched, with all the records that name
 * held before and all it holds after (an empty list: none). The rest of the zone is as it was.
 *
 * @param before each touched name's records in the known zone; unmodifiable
 * @param after  each touched name's records in the new zone, the same names; unmodifiable
 */
public record ZoneDelta(Map<Name, List<Record>> before, Map<Name, List<Record>> after) {

    public ZoneDelta {
        before = Map.copyOf(Objects.requireNonNull(before, "before"));
        after = Map.copyOf(Objects.requireNonNull(after, "after"));
        if (!before.keySet().equals(after.keySet())) {
            throw new IllegalArgumentException("a zone delta needs the same names before and after: "
                    + before.keySet() + " / " + after.keySet());
        }
    }

    /** The names the differences touched. */
    public Set<Name> names() {
        return after.keySet();
    }
}
