package io.zonebridge.app.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.ownership.DynamoDbOwnedPtrLedger;
import io.zonebridge.reverse.JsonFileOwnedPtrLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Opening the jobs' ownership tables at start, as the reverse and EC2 jobs do: with both old ledger files configured
 * both move, each into its own job's table, each with one INFO line saying how many entries moved; the next start
 * moves nothing and says nothing.
 */
class PtrOwnershipTableTest {

    private static final String ZONE = "0.10.in-addr.arpa.";

    @TempDir
    Path dir;

    @Test
    void bothOldLedgerFilesMoveOnceEachIntoItsJobsTable() throws Exception {
        Path reverseFile = dir.resolve("zonebridge-owned-ptrs.json");
        Path ec2File = dir.resolve("zonebridge-ec2-owned-ptrs.json");
        new JsonFileOwnedPtrLedger(reverseFile).claim(ZONE, List.of("1.0.0.10.in-addr.arpa.", "2.0.0.10.in-addr.arpa."));
        new JsonFileOwnedPtrLedger(ec2File).claim(ZONE, List.of("9.0.0.10.in-addr.arpa."));
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger logger = (Logger) LoggerFactory.getLogger(PtrOwnershipTable.class);
        logger.addAppender(lines);
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(); DynamoDbClient client = dynamo.client()) {
            DynamoDbOwnedPtrLedger reverse = PtrOwnershipTable.open("reverse", client, "zb-ptrs", reverseFile);
            DynamoDbOwnedPtrLedger ec2 = PtrOwnershipTable.open("ec2", client, "zb-ec2-ptrs", ec2File);
            assertEquals(Set.of("1.0.0.10.in-addr.arpa.", "2.0.0.10.in-addr.arpa."), reverse.ownedNames(ZONE));
            assertEquals(Set.of("9.0.0.10.in-addr.arpa."), ec2.ownedNames(ZONE));
            assertFalse(Files.exists(reverseFile) || Files.exists(ec2File), "both renamed");
            assertTrue(Files.exists(dir.resolve("zonebridge-owned-ptrs.json.migrated")));
            assertTrue(Files.exists(dir.resolve("zonebridge-ec2-owned-ptrs.json.migrated")));
            List<String> infos = lines.list.stream().filter(e -> e.getLevel() == Level.INFO)
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(List.of("reverse PTR ownership: migrated 2 entries of 1 reverse zone(s) from "
                            + reverseFile.toAbsolutePath() + " to DynamoDB table zb-ptrs (file renamed to "
                            + reverseFile.toAbsolutePath() + ".migrated)",
                    "ec2 PTR ownership: migrated 1 entries of 1 reverse zone(s) from " + ec2File.toAbsolutePath()
                            + " to DynamoDB table zb-ec2-ptrs (file renamed to " + ec2File.toAbsolutePath()
                            + ".migrated)"), infos);

            lines.list.clear();
            DynamoDbOwnedPtrLedger restarted = PtrOwnershipTable.open("reverse", client, "zb-ptrs", reverseFile);
            assertEquals(List.of(), lines.list, "nothing to move the second time");
            assertEquals(Set.of("1.0.0.10.in-addr.arpa.", "2.0.0.10.in-addr.arpa."), restarted.ownedNames(ZONE));
        } finally {
            logger.detachAppender(lines);
        }
    }
}
