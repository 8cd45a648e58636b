package io.zonebridge.ec2;

import java.util.List;
import java.util.Objects;

/**
 * The records one instance should have: forward record sets per hosted zone, and the address → name
 * pairs whose PTRs the reverse DNS path keeps.
 *
 * @param instanceId instance id
 * @param records    forward record sets (A, AAAA, CNAME) with their hosted zones
 * @param addresses  address → name pairs for PTRs
 */
public record InstanceRecords(String instanceId, List<OwnedRecord> records, List<AddressName> addresses) {

    public InstanceRecords {
        Objects.requireNonNull(instanceId, "instanceId");
        records = List.copyOf(records);
        addresses = List.copyOf(addresses);
    }

    /** No records for the instance. */
    public static InstanceRecords none(String instanceId) {
        return new InstanceRecords(instanceId, List.of(), List.of());
    }
}
