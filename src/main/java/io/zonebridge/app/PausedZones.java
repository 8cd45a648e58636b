package io.zonebridge.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The keys of the zones an operator paused; {@link ZoneSynchronizer} skips them until resumed. Thread-safe. */
public final class PausedZones {

    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    /** Pauses the zone with this key. */
    public void pause(String zoneKey) {
        keys.add(zoneKey);
    }

    /** Resumes the zone with this key. */
    public void resume(String zoneKey) {
        keys.remove(zoneKey);
    }

    /** Whether the zone with this key is paused. */
    public boolean isPaused(String zoneKey) {
        return keys.contains(zoneKey);
    }
}
