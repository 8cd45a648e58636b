package io.zonebridge.reverse;

/**
 * The PTR record names zonebridge created and still owns, kept by the caller (for example persisted
 * next to the service's state). The caller adds the names of PTRs it created after Route 53 accepted
 * them, and removes those it deleted.
 */
@FunctionalInterface
public interface OwnedPtrRegistry {

    /** True when zonebridge owns the PTR record set of that name in that reverse zone. */
    boolean owns(String zoneName, String ptrName);
}
