package io.zonebridge.app.reverse;

import io.zonebridge.ownership.DynamoDbOwnedPtrLedger;
import io.zonebridge.ownership.LedgerFileMigration;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Opens a job's PTR ownership ledger at start: its DynamoDB table (created when missing), with the job's old ledger
 * file, when there is one, moved into it and renamed (one INFO line says how many entries moved).
 */
public final class PtrOwnershipTable {

    private static final Logger LOG = LoggerFactory.getLogger(PtrOwnershipTable.class);

    private PtrOwnershipTable() {
    }

    /**
     * @param job     the job's name for the log ({@code reverse}, {@code ec2})
     * @param oldFile the old ledger file to migrate ({@code reverse.ledger}, {@code ec2.ptrLedger})
     */
    public static DynamoDbOwnedPtrLedger open(String job, DynamoDbClient dynamo, String table, Path oldFile) {
        DynamoDbOwnedPtrLedger ledger = new DynamoDbOwnedPtrLedger(dynamo, table);
        ledger.ensureTable();
        LedgerFileMigration.migrate(oldFile, ledger).ifPresent(moved -> LOG.info("{} PTR ownership: migrated {} "
                + "entries of {} reverse zone(s) from {} to DynamoDB table {} (file renamed to {})", job,
                moved.entries(), moved.zones(), moved.file(), table, moved.renamedTo()));
        return ledger;
    }
}
