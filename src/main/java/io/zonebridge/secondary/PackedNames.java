package io.zonebridge.secondary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The records of a zone by owner name, held as their uncompressed wire form in one array with an open-addressing
 * index by name: about a third of the memory of the same dnsjava records in a map. An owner name ending in the
 * zone's apex, spelled as the apex is, is held without it. A name's records are decoded (equal to those packed,
 * TTL and case included) each time they are asked for. Immutable and thread-safe.
 */
final class PackedNames {

    /**
     * Marks a record whose owner is held whole (not below the apex as spelled): no label is 64 bytes long or
     * more, so no owner held without the apex starts with it.
     */
    private static final byte WHOLE = 0x40;

    /** The zone's apex in wire form. */
    private final byte[] apex;
    /**
     * Every name's records, name after name, each record as {@link Record#toWire(int)} writes it, but its owner
     * name's labels above the apex only (ended by a zero byte) or, after {@link #WHOLE}, the whole owner name.
     */
    private final byte[] wire;
    /** Name {@code i}'s records span {@code starts[i]} to {@code starts[i + 1]}. */
    private final int[] starts;
    /** {@link Name#hashCode()} of name {@code i} (case-insensitive, as {@link Name#equals} is). */
    private final int[] hashes;
    /** Index by hash: a name's number plus one; 0 is a free slot. A power of two, at most three quarters full. */
    private final int[] table;

    private PackedNames(byte[] apex, byte[] wire, int[] starts, int[] hashes, int names) {
        this.apex = apex;
        this.wire = wire;
        this.starts = starts;
        this.hashes = hashes;
        this.table = new int[Math.max(2, Integer.highestOneBit(names + names / 3) << 1)];
        for (int i = 0; i < names; i++) {
            int slot = slot(hashes[i]);
            while (table[slot] != 0) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = i + 1;
        }
    }

    /** Each name of the zone at {@code apex} with its records (a name without records is left out). */
    static PackedNames of(Name apex, Map<Name, List<Record>> byName) {
        Packer packer = new Packer(apex.toWire());
        byName.forEach(packer::add);
        return packer.pack();
    }

    /** Names held. */
    int names() {
        return hashes.length;
    }

    /** The records of {@code name} (decoded now), or null when it holds none. */
    List<Record> get(Name name) {
        int found = find(name);
        return found < 0 ? null : records(found);
    }

    /**
     * These names with {@code replaced} put in place of what they held (an empty list: removed); the records of
     * every other name are copied as they are packed, not decoded.
     */
    PackedNames with(Map<Name, List<Record>> replaced) {
        BitSet dropped = new BitSet(names());
        for (Name name : replaced.keySet()) {
            int found = find(name);
            if (found >= 0) {
                dropped.set(found);
            }
        }
        Packer packer = new Packer(apex);
        for (int i = 0; i < names(); i++) {
            if (!dropped.get(i)) {
                packer.copy(wire, starts[i], starts[i + 1], hashes[i]);
            }
        }
        replaced.forEach(packer::add);
        return packer.pack();
    }

    /** Each name with its records (all decoded), in the order packed. */
    void forEach(BiConsumer<Name, List<Record>> action) {
        for (int i = 0; i < names(); i++) {
            List<Record> records = records(i);
            action.accept(records.get(0).getName(), records);
        }
    }

    private int find(Name name) {
        int hash = name.hashCode();
        for (int slot = slot(hash); table[slot] != 0; slot = (slot + 1) & (table.length - 1)) {
            int i = table[slot] - 1;
            if (hashes[i] == hash && nameAt(starts[i]).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (table.length - 1);
    }

    private Name nameAt(int offset) {
        try {
            if (wire[offset] == WHOLE) {
                DNSInput in = new DNSInput(wire);
                in.jump(offset + 1);
                return new Name(in);
            }
            int end = labelsEnd(offset);
            byte[] name = Arrays.copyOfRange(wire, offset, end + apex.length);
            System.arraycopy(apex, 0, name, end - offset, apex.length);
            return new Name(name);
        } catch (IOException e) {
            throw new IllegalStateException("a packed owner name cannot be read back at offset " + offset, e);
        }
    }

    /** The records of name {@code i} (0 to {@link #names()}, in the order packed), decoded now. */
    List<Record> recordsAt(int i) {
        return records(i);
    }

    private List<Record> records(int i) {
        List<Record> records = new ArrayList<>(2);
        int end = starts[i + 1];
        for (int at = starts[i]; at < end; ) {
            int next = recordEnd(at);
            try {
                records.add(Record.fromWire(recordWire(at, next), Section.ANSWER));
            } catch (IOException e) {
                throw new IllegalStateException("a packed record cannot be read back at offset " + at, e);
            }
            at = next;
        }
        return List.copyOf(records);
    }

    /** The record packed from {@code at} to {@code end} as {@link Record#toWire(int)} wrote it. */
    private byte[] recordWire(int at, int end) {
        if (wire[at] == WHOLE) {
            return Arrays.copyOfRange(wire, at + 1, end);
        }
        int labels = labelsEnd(at) - at;
        byte[] record = new byte[labels + apex.length + end - (at + labels + 1)];
        System.arraycopy(wire, at, record, 0, labels);
        System.arraycopy(apex, 0, record, labels, apex.length);
        System.arraycopy(wire, at + labels + 1, record, labels + apex.length, end - (at + labels + 1));
        return record;
    }

    /** Where the labels of an owner held without the apex, starting at {@code at}, end (its zero byte). */
    private int labelsEnd(int at) {
        int p = at;
        while (wire[p] != 0) {
            p += (wire[p] & 0xFF) + 1;
        }
        return p;
    }

    /** The end of the record at {@code at}: its owner name as held, 10 fixed bytes, its data. */
    private int recordEnd(int at) {
        int p = labelsEnd(wire[at] == WHOLE ? at + 1 : at);
        p += 1 + 8; // the zero byte; type, class, TTL
        int length = (wire[p] & 0xFF) << 8 | wire[p + 1] & 0xFF;
        return p + 2 + length;
    }

    /** Builds a {@link PackedNames} name by name. */
    private static final class Packer {
        private static final byte[] ROOT = {0};
        private static final byte[] MARK = {WHOLE};
        private final byte[] apex;
        private byte[] wire = new byte[256];
        private int size;
        private int[] starts = new int[17];
        private int[] hashes = new int[16];
        private int names;

        Packer(byte[] apex) {
            this.apex = apex;
        }

        void add(Name name, List<Record> records) {
            if (records.isEmpty()) {
                return;
            }
            begin(name.hashCode());
            for (Record record : records) {
                byte[] bytes = record.toWire(Section.ANSWER);
                int labels = labelsAboveApex(bytes, record.getName().length());
                if (labels >= 0) {
                    append(bytes, 0, labels);
                    append(ROOT, 0, 1);
                    append(bytes, labels + apex.length, bytes.length);
                } else {
                    append(MARK, 0, 1);
                    append(bytes, 0, bytes.length);
                }
            }
        }

        /**
         * How many bytes of the owner name ({@code owner} bytes at the start of {@code record}) come before the apex,
         * when it ends in the apex spelled as the apex is, on a label boundary; else -1.
         */
        private int labelsAboveApex(byte[] record, int owner) {
            int labels = owner - apex.length;
            if (labels < 0 || !Arrays.equals(record, labels, owner, apex, 0, apex.length)) {
                return -1;
            }
            int p = 0;
            while (p < labels) {
                p += (record[p] & 0xFF) + 1;
            }
            return p == labels ? labels : -1;
        }

        void copy(byte[] from, int start, int end, int hash) {
            begin(hash);
            append(from, start, end);
        }

        private void begin(int hash) {
            if (names == hashes.length) {
                hashes = Arrays.copyOf(hashes, names * 2);
                starts = Arrays.copyOf(starts, names * 2 + 1);
            }
            starts[names] = size;
            hashes[names++] = hash;
        }

        /** Appends {@code bytes[start..end)} ({@code end} -1: to the end). */
        private void append(byte[] bytes, int start, int end) {
            int length = (end < 0 ? bytes.length : end) - start;
            if (size + length > wire.length) {
                wire = Arrays.copyOf(wire, Math.max(wire.length * 2, size + length));
            }
            System.arraycopy(bytes, start, wire, size, length);
            size += length;
        }

        PackedNames pack() {
            int[] bounds = Arrays.copyOf(starts, names + 1);
            bounds[names] = size;
            return new PackedNames(apex, Arrays.copyOf(wire, size), bounds, Arrays.copyOf(hashes, names), names);
        }
    }
}
