package io.zonebridge.zonefile;

import io.zonebridge.model.ZoneSnapshot;
import org.xbill.DNS.Record;

/**
 * Turns dnsjava records (from a zone file or a zone transfer) into a canonical {@link ZoneSnapshot}.
 * PLACEHOLDER: to be replaced by the full converter.
 */
public final class DnsRecordConverter {

    private DnsRecordConverter() {
    }

    /** Groups the records into record sets in Route 53's canonical form. */
    public static ZoneSnapshot toSnapshot(String origin, Iterable<Record> records) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
