package io.zonebridge.reverse;

import java.util.Collection;

/**
 * An {@link OwnedPtrRegistry} that zonebridge keeps up to date: it claims the PTR names it is about to
 * create or rewrite and releases those it deleted (or failed to create). Implementations persist every
 * change before returning, so ownership survives a restart.
 *
 * <p><b>Crash safety.</b> The reconcile claims names <em>before</em> it creates them and releases names
 * after deleting them (or when their create failed), so a crash between the Route 53 change and the ledger
 * write never leaves a zonebridge PTR unowned; at worst a name is owned that does not exist yet, which is
 * harmless (it is created or released on the next run).
 */
public interface OwnedPtrLedger extends OwnedPtrRegistry {

    /**
     * Reads the owned names of these reverse zones afresh (called once per reconcile, before planning), so
     * {@link #owns} answers from one read per zone and sees what other processes sharing the store wrote. A
     * ledger that is the only writer of its store may keep what it has.
     */
    void refresh(Collection<String> zoneNames);

    /** Records that zonebridge owns these PTR names of the reverse zone. */
    void claim(String zoneName, Collection<String> ptrNames);

    /** Records that zonebridge no longer owns these PTR names of the reverse zone. */
    void release(String zoneName, Collection<String> ptrNames);
}
