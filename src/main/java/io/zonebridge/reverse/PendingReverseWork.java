package io.zonebridge.reverse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reverse-DNS work together with the SQS receipt handles of the messages that asked for it: the route deletes
 * those messages only after the work is applied. A small serialisable value.
 *
 * @param work           the names to look at again
 * @param receiptHandles SQS receipt handles of the messages merged into this work, in arrival order
 */
public record PendingReverseWork(ReverseWork work, List<String> receiptHandles) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PendingReverseWork {
        Objects.requireNonNull(work, "work");
        receiptHandles = List.copyOf(receiptHandles);
    }

    /** The aggregation key: one forward hosted zone of one account. */
    public String zoneKey() {
        return work.zoneKey();
    }

    /** This work and {@code other} of the same forward zone as one; the receipt handles of both. */
    public PendingReverseWork merge(PendingReverseWork other) {
        List<String> handles = new ArrayList<>(receiptHandles);
        handles.addAll(other.receiptHandles);
        return new PendingReverseWork(work.merge(other.work), handles);
    }
}
