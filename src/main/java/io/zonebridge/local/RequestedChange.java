package io.zonebridge.local;

/**
 * One change of a ChangeResourceRecordSets request, as parsed (record set name exactly as sent).
 *
 * @param action CREATE, DELETE or UPSERT
 * @param set    the record set of the change
 */
public record RequestedChange(String action, RecordSetData set) {
}
