package io.zonebridge.zonefile;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordValueCodec;
import org.xbill.DNS.Record;

/**
 * Turns dnsjava records (from a zone file or a zone transfer) into a canonical {@link ZoneSnapshot}.
 *
 * <p>Records are grouped into record sets by (canonical name, type). Route 53 keeps one TTL per
 * record set, so a set whose members carry different TTLs gets the lowest of them (as dnsjava's
 * {@code RRset} and RFC 2181 §5.2 do). Values are canonical ({@link RecordValueCodec}); a value
 * repeated in a set is kept once, since Route 53 rejects duplicates. Records of types Route 53
 * does not support are left out and counted per type. A record outside the origin, or of a class
 * other than IN, is an {@link IllegalArgumentException} naming the record.
 */
public final class DnsRecordConverter {

    private DnsRecordConverter() {
    }

    /** Groups the records into record sets in Route 53's canonical form. */
    public static ZoneSnapshot toSnapshot(String origin, Iterable<Record> records) {
        return convert(origin, records).snapshot();
    }

    /** Groups the records into record sets and reports the records of unsupported types that were skipped. */
    public static ConvertedZone convert(String origin, Iterable<Record> records) {
        RecordSetGrouping grouping = new RecordSetGrouping(origin);
        grouping.addAll(records);
        return grouping.result();
    }
}
