package io.zonebridge.local;

import java.util.Comparator;

/**
 * Route 53's ListResourceRecordSets order: the name with labels reversed as one string including the trailing
 * dot (raw characters, compared as ASCII), then the type mnemonic, then the set identifier (none first).
 */
public final class RecordSetOrder implements Comparator<RecordSetKey> {
    /** The single instance. */
    public static final RecordSetOrder INSTANCE = new RecordSetOrder();

    private RecordSetOrder() {
    }

    @Override
    public int compare(RecordSetKey a, RecordSetKey b) {
        int byName = a.reversedName().compareTo(b.reversedName());
        if (byName != 0) {
            return byName;
        }
        int byType = a.type().compareTo(b.type());
        if (byType != 0) {
            return byType;
        }
        return Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.setIdentifier(), b.setIdentifier());
    }
}
