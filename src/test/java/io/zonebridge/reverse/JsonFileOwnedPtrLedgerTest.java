package io.zonebridge.reverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file-backed PTR ownership ledger: survives a restart, writes atomically, refuses a bad file clearly. */
class JsonFileOwnedPtrLedgerTest {

    private static final String ZONE = "1.0.10.in-addr.arpa.";

    @TempDir
    Path dir;

    @Test
    void ownershipSurvivesARestart() {
        Path file = dir.resolve("state/owned.json");
        JsonFileOwnedPtrLedger ledger = new JsonFileOwnedPtrLedger(file);
        assertFalse(ledger.owns(ZONE, "5.1.0.10.in-addr.arpa."));
        ledger.claim(ZONE, List.of("5.1.0.10.IN-ADDR.ARPA.", "6.1.0.10.in-addr.arpa"));
        ledger.claim("2.0.10.in-addr.arpa.", List.of("7.2.0.10.in-addr.arpa."));
        ledger.release(ZONE, List.of("6.1.0.10.in-addr.arpa."));

        JsonFileOwnedPtrLedger reopened = new JsonFileOwnedPtrLedger(file);
        assertTrue(reopened.owns(ZONE, "5.1.0.10.in-addr.arpa."), "names are kept canonical");
        assertFalse(reopened.owns(ZONE, "6.1.0.10.in-addr.arpa."), "released");
        assertFalse(reopened.owns("2.0.10.in-addr.arpa.", "5.1.0.10.in-addr.arpa."), "ownership is per zone");
        assertEquals(Map.of(ZONE, Set.of("5.1.0.10.in-addr.arpa."), "2.0.10.in-addr.arpa.", Set.of("7.2.0.10.in-addr.arpa.")),
                reopened.snapshot());
    }

    @Test
    void writesVersionedJsonAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("owned.json");
        JsonFileOwnedPtrLedger ledger = new JsonFileOwnedPtrLedger(file);
        ledger.claim(ZONE, List.of("9.1.0.10.in-addr.arpa.", "10.1.0.10.in-addr.arpa."));
        ledger.release(ZONE, List.of("9.1.0.10.in-addr.arpa.", "10.1.0.10.in-addr.arpa."));
        ledger.claim(ZONE, List.of("11.1.0.10.in-addr.arpa."));

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(1, json.get("version").asInt());
        assertEquals("11.1.0.10.in-addr.arpa.", json.get("zones").get(ZONE).get(0).asText());
        assertEquals(1, json.get("zones").size(), "a zone with no owned PTRs is dropped");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aMissingFileIsAnEmptyLedgerAndABadOneAClearError() throws IOException {
        assertTrue(new JsonFileOwnedPtrLedger(dir.resolve("none.json")).snapshot().isEmpty());
        assertFalse(Files.exists(dir.resolve("none.json")), "nothing written before the first claim");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"version\":1,\"zones\":{\"" + ZONE + "\":[\"5.1.0.10.in-addr.arpa.\"");
        UncheckedIOException torn = assertThrows(UncheckedIOException.class, () -> new JsonFileOwnedPtrLedger(broken));
        assertTrue(torn.getMessage().contains(broken.toString()), torn.getMessage());

        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"version\":2,\"zones\":{}}");
        IllegalStateException version = assertThrows(IllegalStateException.class, () -> new JsonFileOwnedPtrLedger(future));
        assertTrue(version.getMessage().contains("version 2"), version.getMessage());
    }
}
