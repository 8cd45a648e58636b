package io.zonebridge.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bean {@code zoneFileWatcher} behind route {@code zone-file-watch}: polls the modification time and size of
 * each zone file that stands in for a primary and hands out work for the files that changed since the last poll
 * (the sync run then reads the file and applies it when its serial moved). The first poll only takes note.
 */
public final class ZoneFileWatcher {

    private final ZoneCatalog catalog;
    private final Map<String, String> seen = new HashMap<>();

    public ZoneFileWatcher(ZoneCatalog catalog) {
        this.catalog = catalog;
        changedWork();
    }

    /** Work for every zone whose file changed (or appeared or vanished) since the last call. */
    public synchronized List<ZoneWork> changedWork() {
        List<ZoneWork> changed = new ArrayList<>();
        for (ManagedZone zone : catalog.zones()) {
            if (zone.source() instanceof ZoneFileSource file) {
                String stamp;
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file.file(), BasicFileAttributes.class);
                    stamp = attributes.lastModifiedTime().toMillis() + "/" + attributes.size();
                } catch (IOException e) {
                    stamp = "missing";
                }
                String before = seen.put(zone.key(), stamp);
                if (before != null && !before.equals(stamp)) {
                    changed.add(zone.work("file-changed"));
                }
            }
        }
        return changed;
    }
}
