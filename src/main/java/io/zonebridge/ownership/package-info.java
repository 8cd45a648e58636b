/**
 * Where zonebridge keeps which PTR records it owns: a DynamoDB table
 * ({@link io.zonebridge.ownership.DynamoDbOwnedPtrLedger}), so ownership survives a container restart and is shared
 * by every process using the table, and the one-time move of an old ledger file into it
 * ({@link io.zonebridge.ownership.LedgerFileMigration}). No Camel here.
 */
package io.zonebridge.ownership;
