package io.zonebridge.ec2;

import io.zonebridge.model.RecordSet;

import java.util.Objects;

/**
 * A record set zonebridge keeps for an instance, and the hosted zone it lives in.
 *
 * @param hostedZoneId bare hosted zone id
 * @param recordSet    the record set, canonical
 */
public record OwnedRecord(String hostedZoneId, RecordSet recordSet) {
    public OwnedRecord {
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        Objects.requireNonNull(recordSet, "recordSet");
    }
}
