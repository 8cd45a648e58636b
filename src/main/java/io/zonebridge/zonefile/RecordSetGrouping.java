package io.zonebridge.zonefile;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.RecordValueCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Gathers dnsjava records, one at a time or in runs, into record sets in Route 53's canonical form (the rules
 * are those of {@link DnsRecordConverter}), so records can be converted while they still arrive. Not
 * thread-safe: one thread adds, then takes the {@link #result()}.
 */
public final class RecordSetGrouping {

    private final String origin;
    private final Name originName;
    private final Map<RecordKey, SetBuilder> sets = new LinkedHashMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private Name lastName;
    private String lastCanonical;
    private int lastType = -1;
    private SetBuilder lastSet;
    private long added;

    /** A grouping for the zone at {@code origin} (any form the codec accepts). */
    public RecordSetGrouping(String origin) {
        this.origin = RecordNameCodec.canonical(origin);
        this.originName = RecordNameCodec.toName(this.origin);
    }

    /** Adds every record, in order. */
    public void addAll(Iterable<Record> records) {
        for (Record record : records) {
            add(record);
        }
    }

    /**
     * Adds one record.
     *
     * @throws IllegalArgumentException naming the record when it is not of class IN or lies outside the origin
     */
    public void add(Record record) {
        added++;
        if (record.getDClass() != DClass.IN) {
            throw new IllegalArgumentException("record '" + record + "' has class "
                    + DClass.string(record.getDClass()) + "; only IN records can go to Route 53");
        }
        Name name = record.getName();
        if (!name.equals(lastName)) {
            // transfers and zone files list a name's records together: one subdomain check and one codec call
            // per name, not per record
            if (!name.subdomain(originName)) {
                throw new IllegalArgumentException("record '" + record + "' is outside the origin " + origin);
            }
            lastName = name;
            lastCanonical = RecordNameCodec.canonical(name);
            lastType = -1;
        }
        if (record.getType() != lastType) {
            // a record set's records come together too: one lookup per set, not per record
            String type = Type.string(record.getType());
            if (!RecordValueCodec.isSupported(type)) {
                skipped.merge(type, 1, Integer::sum);
                return;
            }
            lastType = record.getType();
            lastSet = sets.computeIfAbsent(RecordKey.of(lastCanonical, type), k -> new SetBuilder(record.getTTL()));
        }
        lastSet.add(record.getTTL(), RecordValueCodec.canonical(record));
    }

    /** How many records were added so far (skipped ones included). */
    public long added() {
        return added;
    }

    /** The record sets gathered so far, and the records of unsupported types that were skipped. */
    public ConvertedZone result() {
        List<RecordSet> built = new ArrayList<>(sets.size());
        sets.forEach((key, set) -> built.add(RecordSet.of(key, set.ttl, set.distinctValues())));
        return new ConvertedZone(ZoneSnapshot.of(origin, built), skipped);
    }

    /** One record set being gathered: the lowest TTL seen and the values (a repeated one is kept once). */
    private static final class SetBuilder {
        private long ttl;
        private final List<String> values = new ArrayList<>(4);

        SetBuilder(long ttl) {
            this.ttl = ttl;
        }

        void add(long recordTtl, String value) {
            ttl = Math.min(ttl, recordTtl);
            values.add(value);
        }

        /** The values sorted (as {@link RecordSet} keeps them), each once. */
        List<String> distinctValues() {
            Collections.sort(values);
            List<String> distinct = new ArrayList<>(values.size());
            for (String value : values) {
                if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(value)) {
                    distinct.add(value);
                }
            }
            return distinct;
        }
    }
}
