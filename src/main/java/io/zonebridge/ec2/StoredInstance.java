package io.zonebridge.ec2;

import java.time.Instant;
import java.util.Objects;

/**
 * What the store remembers of one instance: the records made for it, its last known state and the time of
 * the last event applied, so older events can be recognised and ignored.
 *
 * @param records       records and PTR pairs made for the instance; after a stop or termination, those removed
 *                      (so a repeated event, after a failed apply, removes them again)
 * @param state         state after the last event applied
 * @param lastEventTime time of the last event applied
 */
public record StoredInstance(InstanceRecords records, InstanceState state, Instant lastEventTime) {

    public StoredInstance {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastEventTime, "lastEventTime");
    }

    /** The instance id. */
    public String instanceId() {
        return records.instanceId();
    }
}
