package io.zonebridge.reverse;

import io.zonebridge.model.RecordSet;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.plan.ChangeAction;

import java.util.List;
import java.util.Objects;

/**
 * One change of a ChangeResourceRecordSets call as CloudTrail recorded it. UPSERT carries only
 * the new values and DELETE the values the caller sent, so a change is a hint, never the truth.
 *
 * @param action        CREATE, UPSERT or DELETE
 * @param name          record name, canonical (lower case, trailing dot, Route 53 escapes)
 * @param type          record type mnemonic, upper case
 * @param setIdentifier routing set identifier, or {@code null}
 * @param ttl           TTL as sent ({@code tTL}), or {@code null} for an alias
 * @param values        the values as sent (for A/AAAA: the addresses), canonical per type; empty for an alias
 * @param alias         alias target, or {@code null}
 */
public record RecordChange(ChangeAction action, String name, String type, String setIdentifier,
                           Long ttl, List<String> values, AliasTarget alias) {

    public RecordChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
    }

    /** True for A and AAAA record sets (alias or not). */
    public boolean isAddressType() {
        return RecordSet.isAddressType(type);
    }

    /** True for an alias record set. */
    public boolean isAlias() {
        return alias != null;
    }
}
