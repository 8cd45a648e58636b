package io.zonebridge.secondary;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.Serial;

/**
 * The last known SOA serial of each zone, in memory, compared in RFC 1982 serial arithmetic so that a
 * wrap-around (4294967295 → 0) counts as an increase. Thread-safe.
 */
public final class SerialTracker {

    private final Map<Name, Long> serials = new ConcurrentHashMap<>();

    /** The last serial recorded for {@code zone}, if any. */
    public Optional<Long> known(Name zone) {
        return Optional.ofNullable(serials.get(zone));
    }

    /** Whether {@code serial} is newer than what is known of {@code zone} (true when nothing is known). */
    public boolean isNewer(Name zone, long serial) {
        checkRange(serial);
        Long known = serials.get(zone);
        return known == null || Serial.compare(serial, known) > 0;
    }

    /**
     * Records {@code serial} as the zone's serial if it is newer than the known one (or none is known).
     *
     * @return whether the recorded serial changed
     */
    public boolean advance(Name zone, long serial) {
        checkRange(serial);
        boolean[] changed = {false};
        serials.compute(zone, (z, known) -> {
            if (known == null || Serial.compare(serial, known) > 0) {
                changed[0] = true;
                return serial;
            }
            return known;
        });
        return changed[0];
    }

    /** Records {@code serial} unconditionally (e.g. after a primary was rebuilt with a lower serial). */
    public void reset(Name zone, long serial) {
        checkRange(serial);
        serials.put(zone, serial);
    }

    /** Forgets the zone. */
    public void forget(Name zone) {
        serials.remove(zone);
    }

    private static void checkRange(long serial) {
        if (serial < 0 || serial > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("SOA serial " + serial + " is outside 0..4294967295");
        }
    }
}
