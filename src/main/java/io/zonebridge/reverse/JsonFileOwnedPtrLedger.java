package io.zonebridge.reverse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonebridge.route53.RecordNameCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The PTRs zonebridge owns, kept in a small JSON file: {@code {"version":1,"zones":{"<reverse zone>":
 * ["<ptr name>", ...]}}}, names canonical and sorted. This is where ownership lived before it moved to DynamoDB
 * ({@code io.zonebridge.ownership.DynamoDbOwnedPtrLedger}: a container's disk does not survive a restart); the
 * service now only reads such a file to migrate it ({@code io.zonebridge.ownership.LedgerFileMigration}). It
 * remains a complete single-process ledger (the reconciler's own tests use it). Every change is written to a
 * temporary file in the same directory and moved over the old one atomically, so a crash leaves the old or the
 * new state, never a torn file. Thread-safe within one process (one writer per file).
 */
public final class JsonFileOwnedPtrLedger implements OwnedPtrLedger {

    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final SortedMap<String, SortedSet<String>> owned = new TreeMap<>();

    /** Opens the ledger at {@code file}, reading it when it exists (a missing file is an empty ledger). */
    public JsonFileOwnedPtrLedger(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        if (Files.exists(this.file)) {
            load();
        }
    }

    @Override
    public synchronized boolean owns(String zoneName, String ptrName) {
        Set<String> names = owned.get(RecordNameCodec.canonical(zoneName));
        return names != null && names.contains(RecordNameCodec.canonical(ptrName));
    }

    /** Nothing to read again: this process is the file's only writer. */
    @Override
    public void refresh(Collection<String> zoneNames) {
    }

    @Override
    public synchronized void claim(String zoneName, Collection<String> ptrNames) {
        if (ptrNames.isEmpty()) {
            return;
        }
        SortedSet<String> names = owned.computeIfAbsent(RecordNameCodec.canonical(zoneName), z -> new TreeSet<>());
        boolean changed = false;
        for (String name : ptrNames) {
            changed |= names.add(RecordNameCodec.canonical(name));
        }
        if (changed) {
            save();
        }
    }

    @Override
    public synchronized void release(String zoneName, Collection<String> ptrNames) {
        String zone = RecordNameCodec.canonical(zoneName);
        SortedSet<String> names = owned.get(zone);
        if (names == null || ptrNames.isEmpty()) {
            return;
        }
        boolean changed = false;
        for (String name : ptrNames) {
            changed |= names.remove(RecordNameCodec.canonical(name));
        }
        if (names.isEmpty()) {
            owned.remove(zone);
        }
        if (changed) {
            save();
        }
    }

    /** The owned PTR names per reverse zone, sorted (a copy). */
    public synchronized Map<String, Set<String>> snapshot() {
        Map<String, Set<String>> copy = new TreeMap<>();
        owned.forEach((zone, names) -> copy.put(zone, Set.copyOf(names)));
        return copy;
    }

    /** The file this ledger lives in. */
    public Path file() {
        return file;
    }

    private void load() {
        LedgerFile read;
        try {
            read = JSON.readValue(file.toFile(), LedgerFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("PTR ownership file " + file + " is not readable JSON of the expected shape: "
                    + e.getMessage(), e);
        }
        if (read.version() != VERSION || read.zones() == null) {
            throw new IllegalStateException("PTR ownership file " + file + " has version " + read.version()
                    + " (expected " + VERSION + ") or no \"zones\"");
        }
        read.zones().forEach((zone, names) -> {
            SortedSet<String> set = new TreeSet<>();
            names.forEach(name -> set.add(RecordNameCodec.canonical(name)));
            owned.put(RecordNameCodec.canonical(zone), set);
        });
    }

    private void save() {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                JSON.writeValue(temp.toFile(), new LedgerFile(VERSION, asLists()));
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PTR ownership file " + file, e);
        }
    }

    private Map<String, List<String>> asLists() {
        Map<String, List<String>> out = new TreeMap<>();
        owned.forEach((zone, names) -> out.put(zone, List.copyOf(names)));
        return out;
    }

    /** The file's JSON shape. */
    private record LedgerFile(int version, Map<String, List<String>> zones) {
    }
}
