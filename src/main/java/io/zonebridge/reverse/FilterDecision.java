package io.zonebridge.reverse;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link EventFilter}: reverse-DNS work to do, or a reason to do none. */
public sealed interface FilterDecision permits FilterDecision.Accepted, FilterDecision.Ignored {

    /**
     * A successful call by someone else that changed A/AAAA record sets with addresses.
     *
     * @param event               the event
     * @param addressChanges      its non-alias A/AAAA changes
     * @param aliasChangesSkipped how many alias A/AAAA changes of the batch were skipped (no address)
     */
    record Accepted(Route53ChangeEvent event, List<RecordChange> addressChanges, int aliasChangesSkipped)
            implements FilterDecision {
        public Accepted {
            Objects.requireNonNull(event, "event");
            addressChanges = List.copyOf(addressChanges);
        }
    }

    /**
     * Nothing to do.
     *
     * @param reason  why
     * @param detail  a short human-readable explanation
     * @param eventId the event's id when known, else {@code null}
     */
    record Ignored(IgnoreReason reason, String detail, String eventId) implements FilterDecision {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
