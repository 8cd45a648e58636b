package io.zonebridge.secondary;

import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.xbill.DNS.Record;

/**
 * The records of a transferred zone as dnsjava records, built from the transfer's messages only when first
 * read: a service that converts the messages directly never pays for a million dnsjava objects it does not use,
 * yet an IXFR applied to the zone later still sees its records. Immutable and thread-safe.
 */
final class AxfrRecords extends AbstractList<Record> implements RandomAccess {

    private final List<byte[]> wires = new ArrayList<>();
    private final int[] counts;
    private final int size;
    private volatile List<Record> records;

    /** The records of the messages (their bytes are kept, not the messages' record index). */
    AxfrRecords(List<AxfrMessage> messages) {
        counts = new int[messages.size()];
        int total = 0;
        for (AxfrMessage message : messages) {
            counts[wires.size()] = message.size();
            wires.add(message.wire());
            total += message.size();
        }
        this.size = total;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Record get(int index) {
        return records().get(index);
    }

    private List<Record> records() {
        List<Record> built = records;
        if (built == null) {
            synchronized (this) {
                built = records;
                if (built == null) {
                    built = new ArrayList<>(size);
                    for (int i = 0; i < wires.size(); i++) {
                        try {
                            built.addAll(AxfrMessage.records(wires.get(i), counts[i]));
                        } catch (IOException e) {
                            throw new Unreadable("a message of the transferred zone cannot be read as dnsjava"
                                    + " records: " + e.getMessage(), e);
                        }
                    }
                    records = built = List.copyOf(built);
                }
            }
        }
        return built;
    }

    /** The kept messages cannot be read back as records (the next IXFR then falls back to AXFR). */
    static final class Unreadable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
