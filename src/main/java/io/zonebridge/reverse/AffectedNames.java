package io.zonebridge.reverse;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an accepted event into {@link ReverseWork}: the forward zone and the names whose PTRs must
 * be recomputed. Events are hints (UPSERT carries only new values), so only names travel; the
 * addresses in the event are kept as hints. Stateless.
 */
public final class AffectedNames {

    private AffectedNames() {
    }

    /** The work an accepted event asks for. */
    public static ReverseWork of(FilterDecision.Accepted accepted) {
        Route53ChangeEvent event = accepted.event();
        List<String> names = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (RecordChange change : accepted.addressChanges()) {
            names.add(change.name());
            hints.addAll(change.values());
        }
        return new ReverseWork(event.account(), event.hostedZoneId(), names, hints);
    }
}
