package io.zonebridge.secondary;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A complete zone a secondary keeps between transfers, held by owner name so that an IXFR is applied in
 * proportion to its differences ({@link #with}), not to the zone's size. The indexed names are held packed in wire
 * form ({@link PackedNames}: the service keeps the zone's record sets too, so this copy is kept small), decoded
 * name by name when read. Immutable: a patched zone shares the unchanged names with the zone it came from (a zone
 * indexed once, plus the names replaced since; folded into a new index when those grow to a share of the zone). As
 * a {@code List} it holds every record once, in no particular order: iterated name by name (decoding one name at a
 * time, keeping nothing), or, read by index, built whole when first read that way and kept. Thread-safe.
 */
public final class KeptZone extends AbstractList<Record> implements RandomAccess {

    /** Names replaced since the last index beyond which the next patch folds them into a new index. */
    private static final int MIN_FOLD = 64;

    private final Name zone;
    private final PackedNames indexed;
    private final Map<Name, List<Record>> replaced;
    private final int size;
    private volatile List<Record> flat;

    private KeptZone(Name zone, PackedNames indexed, Map<Name, List<Record>> replaced, int size) {
        this.zone = zone;
        this.indexed = indexed;
        this.replaced = replaced;
        this.size = size;
    }

    /** {@code records} (a complete zone) held by name; {@code records} itself when it is a kept zone of {@code zone}. */
    public static KeptZone of(Name zone, List<Record> records) {
        Objects.requireNonNull(zone, "zone");
        if (records instanceof KeptZone kept && kept.zone.equals(zone)) {
            return kept;
        }
        Map<Name, List<Record>> byName = new LinkedHashMap<>();
        for (Record record : records) {
            byName.computeIfAbsent(record.getName(), n -> new ArrayList<>(2)).add(record);
        }
        return new KeptZone(zone, PackedNames.of(zone, byName), Map.of(), records.size());
    }

    /** The zone's apex. */
    public Name zone() {
        return zone;
    }

    /** The records {@code name} holds (empty when none). */
    public List<Record> records(Name name) {
        List<Record> held = replaced.get(name);
        if (held != null) {
            return held;
        }
        held = indexed.get(name);
        return held == null ? List.of() : held;
    }

    /**
     * This zone with the records of some names replaced.
     *
     * @param names each name with every record it holds now (an empty list: none)
     */
    public KeptZone with(Map<Name, List<Record>> names) {
        Map<Name, List<Record>> next = new LinkedHashMap<>(replaced);
        int nextSize = size;
        for (Map.Entry<Name, List<Record>> entry : names.entrySet()) {
            nextSize += entry.getValue().size() - records(entry.getKey()).size();
            next.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
        if (next.size() <= Math.max(MIN_FOLD, indexed.names() / 8)) {
            return new KeptZone(zone, indexed, next, nextSize);
        }
        return new KeptZone(zone, indexed.with(next), Map.of(), nextSize);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Record get(int index) {
        return flat().get(index);
    }

    /** Every record, name by name, decoded as the iteration reaches it and not kept. */
    @Override
    public Iterator<Record> iterator() {
        List<Record> built = flat;
        return built != null ? built.iterator() : new NameByName();
    }

    private List<Record> flat() {
        List<Record> built = flat;
        if (built == null) {
            synchronized (this) {
                built = flat;
                if (built == null) {
                    List<Record> all = new ArrayList<>(size);
                    indexed.forEach((name, records) -> {
                        if (!replaced.containsKey(name)) {
                            all.addAll(records);
                        }
                    });
                    replaced.values().forEach(all::addAll);
                    flat = built = List.copyOf(all);
                }
            }
        }
        return built;
    }

    /** The records of the indexed names not replaced, then those of the replaced names. */
    private final class NameByName implements Iterator<Record> {
        private int nextIndexed;
        private final Iterator<List<Record>> replacedNames = replaced.values().iterator();
        private Iterator<Record> current = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (nextIndexed < indexed.names()) {
                    List<Record> records = indexed.recordsAt(nextIndexed++);
                    if (!replaced.containsKey(records.get(0).getName())) {
                        current = records.iterator();
                    }
                } else if (replacedNames.hasNext()) {
                    current = replacedNames.next().iterator();
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
