package io.zonebridge.reverse;

import java.util.Collection;

/**
 * An {@link OwnedPtrRegistry} that zonebridge keeps up to date: it claims the PTR names it is about to
 * create or rewrite and releases those it deleted (or failed to create). Implementations persist every
 * change before returning, so ownership survives a restart.
 */
public interface OwnedPtrLedger extends OwnedPtrRegistry {

    /** Records that zonebridge owns these PTR names of the reverse zone. */
    void claim(String zoneName, Collection<String> ptrNames);

    /** Records that zonebridge no longer owns these PTR names of the reverse zone. */
    void release(String zoneName, Collection<String> ptrNames);
}
