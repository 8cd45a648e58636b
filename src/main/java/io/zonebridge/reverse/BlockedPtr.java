package io.zonebridge.reverse;

import io.zonebridge.model.RecordSet;

/**
 * A PTR zonebridge wants but may not write, because a record set it does not manage occupies the name.
 *
 * @param zoneName the reverse zone
 * @param desired  the PTR record set zonebridge would write
 * @param existing the record set in the way (an unmanaged PTR with other values, or a CNAME)
 */
public record BlockedPtr(String zoneName, RecordSet desired, RecordSet existing) {
}
