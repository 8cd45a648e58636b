package io.zonebridge.reverse;

import io.zonebridge.model.RecordSet;

import java.util.Objects;

/**
 * Which existing PTR record sets of a reverse zone zonebridge may change or delete. PTRs it may not
 * manage are never deleted nor overwritten; a desired PTR that collides with one is reported as blocked.
 */
@FunctionalInterface
public interface OwnershipPolicy {

    /** True when zonebridge may change or delete this existing PTR record set of the zone. */
    boolean manages(String zoneName, RecordSet ptr);

    /** zonebridge manages only the PTRs the registry says it owns. */
    static OwnershipPolicy ownedOnly(OwnedPtrRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return (zoneName, ptr) -> registry.owns(zoneName, ptr.name());
    }

    /** zonebridge manages every PTR of the reverse zones it writes (it is their only writer). */
    static OwnershipPolicy sync() {
        return (zoneName, ptr) -> true;
    }
}
