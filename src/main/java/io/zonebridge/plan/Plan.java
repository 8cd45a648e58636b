package io.zonebridge.plan;

import java.util.List;

/**
 * The changes that take a zone from its current state to the desired state, in a stable order
 * (by name, deletes of a name before its creates).
 *
 * @param origin       the zone apex, canonical
 * @param currentSize  record sets in the current zone (for safety limits)
 * @param changes      the changes
 */
public record Plan(String origin, int currentSize, List<Change> changes) {

    public Plan {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(ChangeAction action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
