package io.zonebridge.app;

import io.zonebridge.secondary.SecondaryZone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The zones zonebridge manages, by key and by name, in configuration order. */
public final class ZoneCatalog {

    private final Map<String, ManagedZone> byKey = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when two zones have the same key */
    public ZoneCatalog(List<ManagedZone> zones) {
        for (ManagedZone zone : zones) {
            if (byKey.putIfAbsent(zone.key(), zone) != null) {
                throw new IllegalArgumentException("hosted zone " + zone.key() + " is managed twice");
            }
        }
    }

    /** Every managed zone. */
    public List<ManagedZone> zones() {
        return List.copyOf(byKey.values());
    }

    /** The zone with this key. */
    public Optional<ManagedZone> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The zones of this name (a public and a private zone may share it). */
    public List<ManagedZone> byName(String canonicalName) {
        return byKey.values().stream().filter(z -> z.name().equals(canonicalName)).toList();
    }

    /** The zones transferred from primaries, one per zone name, for the NOTIFY handler. */
    public List<SecondaryZone> secondaryZones() {
        Map<String, SecondaryZone> zones = new LinkedHashMap<>();
        for (ManagedZone zone : byKey.values()) {
            if (zone.source() instanceof TransferSource transfer) {
                zones.putIfAbsent(zone.name(), transfer.secondaryZone());
            }
        }
        return new ArrayList<>(zones.values());
    }
}
