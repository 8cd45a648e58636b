package io.zonebridge.ownership;

import io.zonebridge.testpeers.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An old ledger file moves into the DynamoDB ledger once: its names are claimed, the file is renamed, a second start
 * finds nothing, a file restored after a crash moves again to the same items, and a bad file fails naming itself
 * while nothing is written and the file stays.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class LedgerFileMigrationTest {

    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDynamoDb(DynamoDbLocal classDynamo) throws Exception {
        dynamo = classDynamo;
        client = dynamo.client();
    }

    @AfterAll
    static void stopDynamoDb() throws Exception {
        client.close();
    }

    private static DynamoDbOwnedPtrLedger ledger(String table) {
        DynamoDbOwnedPtrLedger ledger = new DynamoDbOwnedPtrLedger(client, table);
        ledger.ensureTable();
        return ledger;
    }

    /** An old ledger file as the file ledger wrote it: two zones, three names. */
    private Path oldFile() {
        Path file = dir.resolve("zonebridge-owned-ptrs.json");
        JsonFileOwnedPtrLedger old = new JsonFileOwnedPtrLedger(file);
        old.claim("0.10.in-addr.arpa.", List.of("5.1.0.10.in-addr.arpa.", "6.1.0.10.in-addr.arpa."));
        old.claim("2.10.in-addr.arpa.", List.of("7.1.2.10.in-addr.arpa."));
        return file;
    }

    @Test
    void theFilesEntriesMoveIntoTheTableAndTheFileIsRenamedSoTheNextStartFindsNothing() {
        Path file = oldFile();
        DynamoDbOwnedPtrLedger ledger = ledger("migrated-once");
        LedgerFileMigration.Moved moved = LedgerFileMigration.migrate(file, ledger).orElseThrow();
        assertEquals(new LedgerFileMigration.Moved(file.toAbsolutePath(),
                file.toAbsolutePath().resolveSibling("zonebridge-owned-ptrs.json.migrated"), 2, 3), moved);
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(moved.renamedTo()));
        DynamoDbOwnedPtrLedger restarted = ledger("migrated-once");
        assertEquals(Set.of("5.1.0.10.in-addr.arpa.", "6.1.0.10.in-addr.arpa."), restarted.ownedNames("0.10.in-addr.arpa."));
        assertEquals(Set.of("7.1.2.10.in-addr.arpa."), restarted.ownedNames("2.10.in-addr.arpa."));

        assertEquals(Optional.empty(), LedgerFileMigration.migrate(file, restarted), "nothing to move twice");
    }

    @Test
    void aFileLeftByACrashBeforeTheRenameMovesAgainToTheSameItems() throws Exception {
        Path file = oldFile();
        Path copy = Files.copy(file, dir.resolve("copy.json"));
        DynamoDbOwnedPtrLedger ledger = ledger("migrated-twice");
        LedgerFileMigration.migrate(file, ledger).orElseThrow();
        ledger.release("0.10.in-addr.arpa.", List.of("5.1.0.10.in-addr.arpa.")); // the service ran on meanwhile
        ledger.claim("0.10.in-addr.arpa.", List.of("5.1.0.10.in-addr.arpa."));
        Files.move(copy, file); // as if the rename had not happened

        LedgerFileMigration.Moved again = LedgerFileMigration.migrate(file, ledger).orElseThrow();
        assertEquals(3, again.entries());
        assertTrue(again.renamedTo().getFileName().toString().startsWith("zonebridge-owned-ptrs.json.migrated-"),
                "the first .migrated file is kept: " + again.renamedTo());
        assertTrue(Files.exists(file.resolveSibling("zonebridge-owned-ptrs.json.migrated")));
        assertEquals(Set.of("5.1.0.10.in-addr.arpa.", "6.1.0.10.in-addr.arpa."),
                ledger("migrated-twice").ownedNames("0.10.in-addr.arpa."));
        assertEquals(3, client.scan(r -> r.tableName("migrated-twice")).count(), "no item twice");
    }

    @Test
    void aBadFileFailsNamingItselfWritesNothingAndStays() throws Exception {
        Path file = dir.resolve("owned.json");
        Files.writeString(file, "{\"version\":1,\"zones\":{\"0.10.in-addr.arpa.\":[\"5.1.0.10.in-addr.arpa.\"]");
        DynamoDbOwnedPtrLedger ledger = ledger("never-written");
        RuntimeException e = assertThrows(RuntimeException.class, () -> LedgerFileMigration.migrate(file, ledger));
        assertTrue(e.getMessage().startsWith("PTR ownership file " + file.toAbsolutePath()
                + " is not readable JSON of the expected shape"), e.getMessage());
        assertTrue(Files.exists(file));
        assertEquals(0, client.scan(r -> r.tableName("never-written")).count());

        Files.writeString(file, "{\"version\":2,\"zones\":{}}");
        assertEquals("PTR ownership file " + file.toAbsolutePath() + " has version 2 (expected 1) or no \"zones\"",
                assertThrows(IllegalStateException.class, () -> LedgerFileMigration.migrate(file, ledger)).getMessage());
    }

    @Test
    void noFileIsNoMigration() {
        assertEquals(Optional.empty(), LedgerFileMigration.migrate(dir.resolve("absent.json"), ledger("no-file")));
    }
}
