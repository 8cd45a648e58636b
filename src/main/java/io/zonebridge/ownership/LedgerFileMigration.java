package io.zonebridge.ownership;

import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import io.zonebridge.reverse.OwnedPtrLedger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves an old ledger file ({@link JsonFileOwnedPtrLedger}'s JSON) into a ledger once: every owned name is claimed
 * in the ledger, then the file is renamed to {@code <file>.migrated} (or {@code <file>.migrated-<epoch ms>} when that
 * exists), so the next start finds nothing to move. A crash between the two steps moves the same names again on the
 * next start, which changes nothing (claims are idempotent). An unreadable file fails the migration with the
 * file's name and leaves file and ledger as they were; a file that cannot be renamed fails it too (its entries
 * are in the ledger by then, which the message says).
 */
public final class LedgerFileMigration {

    private LedgerFileMigration() {
    }

    /** What was moved: the old file, where it was renamed to, and how many zones and names it held. */
    public record Moved(Path file, Path renamedTo, int zones, int entries) {
    }

    /** Migrates {@code file} into {@code ledger} when the file exists; empty when there is none. */
    public static Optional<Moved> migrate(Path file, OwnedPtrLedger ledger) {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            return Optional.empty();
        }
        Map<String, Set<String>> zones = new JsonFileOwnedPtrLedger(absolute).snapshot();
        int entries = 0;
        for (Map.Entry<String, Set<String>> zone : zones.entrySet()) {
            ledger.claim(zone.getKey(), zone.getValue());
            entries += zone.getValue().size();
        }
        Path target = absolute.resolveSibling(absolute.getFileName() + ".migrated");
        if (Files.exists(target)) {
            target = absolute.resolveSibling(absolute.getFileName() + ".migrated-" + System.currentTimeMillis());
        }
        try {
            Files.move(absolute, target);
        } catch (IOException e) {
            throw new UncheckedIOException("PTR ownership file " + absolute + ": its " + entries
                    + " entries are in the ledger now, but the file cannot be renamed to " + target
                    + " (rename or remove it by hand): " + e, e);
        }
        return Optional.of(new Moved(absolute, target, zones.size(), entries));
    }
}
