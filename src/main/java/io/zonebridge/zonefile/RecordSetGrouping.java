package io.zonebridge.zonefile;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.RecordValueCodec;
import io.zonebridge.secondary.AxfrMessage;
import java.io.IOException;
import java.util.ArrayDeque;
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
    private final List<SetBuilder> open = new ArrayList<>();
    private final ArrayDeque<List<String>> spareLists = new ArrayDeque<>();
    private final String dotOrigin;
    private final byte[] names = new byte[256];
    private Name lastName;
    private AxfrMessage lastMessage;
    private int lastStart;
    private String lastCanonical;
    private int lastType = -1;
    private SetBuilder lastSet;
    private long added;

    /** A grouping for the zone at {@code origin} (any form the codec accepts). */
    public RecordSetGrouping(String origin) {
        this.origin = RecordNameCodec.canonical(origin);
        this.originName = RecordNameCodec.toName(this.origin);
        this.dotOrigin = this.origin.equals(".") ? "." : "." + this.origin;
    }

    /** Adds every record, in order. */
    public void addAll(Iterable<Record> records) {
        for (Record record : records) {
            add(record);
        }
    }

    /**
     * Adds the zone's records of one transfer message, in order, read straight from its bytes where
     * {@link WireValueText} can (dnsjava parses the message for any other record), with the same result as
     * adding its records parsed by dnsjava.
     *
     * @throws IllegalArgumentException as {@link #add(Record)} does, or when a record's data does not fit its type
     */
    public void add(AxfrMessage message) {
        List<Record> parsed = null;
        for (int i = 0; i < message.size(); i++) {
            int type = message.type(i);
            if (message.dclass(i) != DClass.IN || !WireValueText.handles(type)) {
                parsed = parsed != null ? parsed : parse(message);
                add(parsed.get(i));
                continue;
            }
            added++;
            int start = message.nameStart(message.ownerOffset(i));
            if (message != lastMessage || start != lastStart) {
                message.name(start, names);
                nameChanged(RecordNameCodec.canonicalWire(names), null);
                lastMessage = message;
                lastStart = start;
            }
            if (type != lastType) {
                typeChanged(type, message.ttl(i));
            }
            lastSet.add(message.ttl(i), WireValueText.of(message, i, names));
        }
    }

    private static List<Record> parse(AxfrMessage message) {
        try {
            return message.records();
        } catch (IOException e) {
            throw new IllegalArgumentException("a transfer message cannot be read: " + e.getMessage(), e);
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
            nameChanged(RecordNameCodec.canonical(name), name);
            lastMessage = null;
        }
        if (record.getType() != lastType && !typeChanged(record.getType(), record.getTTL())) {
            return;
        }
        lastSet.add(record.getTTL(), RecordValueCodec.canonical(record));
    }

    /** The records that follow belong to {@code canonical} (checked to lie in the origin). */
    private void nameChanged(String canonical, Name name) {
        if (name == null && !canonical.equals(lastCanonical) && !canonical.equals(origin)
                && !canonical.endsWith(dotOrigin)) {
            // canonical names escape every dot inside a label, so a plain dot always ends a label
            throw new IllegalArgumentException("record name '" + canonical + "' is outside the origin " + origin);
        }
        if (!canonical.equals(lastCanonical)) {
            sealOpenSets();
        }
        lastName = name;
        lastCanonical = canonical;
        lastType = -1;
    }

    /**
     * Builds the record sets of the name just finished while records still arrive, so {@link #result()} has
     * little left to do; a set that gets another record later is built again.
     */
    private void sealOpenSets() {
        for (SetBuilder set : open) {
            List<String> released = set.seal();
            if (released != null) {
                released.clear();
                spareLists.push(released); // the next sets gather their values in it: no list per set
            }
        }
        open.clear();
    }

    /**
     * The records that follow are of {@code type}: one set lookup per run of a set's records, not per record.
     *
     * @return false when the type is one Route 53 does not support (the record is counted as skipped)
     */
    private boolean typeChanged(int type, long ttl) {
        String mnemonic = Type.string(type);
        if (!RecordValueCodec.isSupported(mnemonic)) {
            skipped.merge(mnemonic, 1, Integer::sum);
            lastType = -1;
            return false;
        }
        lastType = type;
        lastSet = sets.computeIfAbsent(RecordKey.of(lastCanonical, mnemonic), k -> new SetBuilder(k, ttl, spareList()));
        if (!lastSet.open) {
            lastSet.open = true;
            open.add(lastSet);
        }
        return true;
    }

    private List<String> spareList() {
        List<String> spare = spareLists.poll();
        return spare != null ? spare : new ArrayList<>(4);
    }

    /** How many records were added so far (skipped ones included). */
    public long added() {
        return added;
    }

    /** The record sets gathered so far, and the records of unsupported types that were skipped. */
    public ConvertedZone result() {
        List<RecordSet> built = new ArrayList<>(sets.size());
        for (SetBuilder set : sets.values()) {
            built.add(set.recordSet());
        }
        return new ConvertedZone(ZoneSnapshot.of(origin, built), skipped);
    }

    /**
     * One record set being gathered: the lowest TTL seen and the values (a repeated one is kept once), and the
     * record set built from them once its name was finished (until another record arrives).
     */
    private static final class SetBuilder {
        private final RecordKey key;
        private long ttl;
        private List<String> values;
        private RecordSet built;
        private boolean open;

        SetBuilder(RecordKey key, long ttl, List<String> values) {
            this.key = key;
            this.ttl = ttl;
            this.values = values;
        }

        void add(long recordTtl, String value) {
            if (built != null) {
                values = new ArrayList<>(built.values()); // reopened: a record came after its name was finished
                built = null;
            }
            ttl = Math.min(ttl, recordTtl);
            values.add(value);
        }

        /**
         * Builds the record set (which copies the values) and lets the gathered values go, so the zone is held once.
         *
         * @return the list the values were gathered in, free for another set, or {@code null}
         */
        List<String> seal() {
            open = false;
            if (built != null) {
                return null;
            }
            built = RecordSet.of(key, ttl, distinctValues());
            List<String> released = values;
            values = null;
            return released;
        }

        RecordSet recordSet() {
            return built != null ? built : RecordSet.of(key, ttl, distinctValues());
        }

        /** The values sorted (as {@link RecordSet} keeps them), each once. */
        List<String> distinctValues() {
            Collections.sort(values);
            int kept = 0;
            for (int i = 0; i < values.size(); i++) {
                if (kept == 0 || !values.get(kept - 1).equals(values.get(i))) {
                    values.set(kept++, values.get(i));
                }
            }
            values.subList(kept, values.size()).clear();
            return values;
        }
    }
}
