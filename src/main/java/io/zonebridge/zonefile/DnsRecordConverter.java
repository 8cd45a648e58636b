package io.zonebridge.zonefile;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.RecordValueCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

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
        String canonicalOrigin = RecordNameCodec.canonical(origin);
        Name originName = RecordNameCodec.toName(canonicalOrigin);
        Map<RecordKey, Long> ttls = new LinkedHashMap<>();
        Map<RecordKey, Set<String>> values = new LinkedHashMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Record record : records) {
            if (record.getDClass() != DClass.IN) {
                throw new IllegalArgumentException("record '" + record + "' has class "
                        + DClass.string(record.getDClass()) + "; only IN records can go to Route 53");
            }
            if (!record.getName().subdomain(originName)) {
                throw new IllegalArgumentException("record '" + record + "' is outside the origin " + canonicalOrigin);
            }
            String type = Type.string(record.getType());
            if (!RecordValueCodec.isSupported(type)) {
                skipped.merge(type, 1, Integer::sum);
                continue;
            }
            RecordKey key = RecordKey.of(RecordNameCodec.canonical(record.getName()), type);
            ttls.merge(key, record.getTTL(), Math::min);
            values.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(RecordValueCodec.canonical(record));
        }
        List<RecordSet> sets = new ArrayList<>(values.size());
        values.forEach((key, v) -> sets.add(RecordSet.of(key, ttls.get(key), new ArrayList<>(v))));
        return new ConvertedZone(ZoneSnapshot.of(canonicalOrigin, sets), skipped);
    }
}
