package io.zonebridge.sync;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Which views of Route 53 are still trusted: an engine uses a view only if it was read in the current generation,
 * and reads the zone whole again otherwise (as after a restart: no drift counted). A replica that becomes the leader
 * again {@link #advance advances} it, since another leader may have written every zone meanwhile. Shared by the
 * engines of one service; thread-safe.
 */
public final class ViewGeneration {

    private final AtomicLong current = new AtomicLong();

    /** The generation views read now belong to. */
    public long current() {
        return current.get();
    }

    /** Stops trusting every view read so far: each zone's next run reads it whole. */
    public void advance() {
        current.incrementAndGet();
    }
}
