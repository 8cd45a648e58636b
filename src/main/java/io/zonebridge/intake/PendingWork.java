package io.zonebridge.intake;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Work together with the SQS receipt handles of the messages that asked for it: the messages are deleted only after
 * the work is applied. The one pending-work type of every job reading a queue; {@link #merge(List)} is its merger.
 *
 * @param work           what the messages ask for
 * @param receiptHandles SQS receipt handles of the messages merged into this work, in arrival order
 * @param <W>            the work
 */
public record PendingWork<W extends MergeableWork<W>>(W work, List<String> receiptHandles) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PendingWork {
        Objects.requireNonNull(work, "work");
        receiptHandles = List.copyOf(receiptHandles);
    }

    /** Work of one message; {@code receiptHandle} may be {@code null} (work not from a queue). */
    public static <W extends MergeableWork<W>> PendingWork<W> of(W work, String receiptHandle) {
        return new PendingWork<>(work, receiptHandle == null ? List.of() : List.of(receiptHandle));
    }

    /** The aggregation key of the work. */
    public String key() {
        return work.key();
    }

    /** This and {@code other} (of the same key) as one. */
    public PendingWork<W> merge(PendingWork<W> other) {
        return merge(List.of(this, other));
    }

    /**
     * All of {@code parts} (of one key, at least one) as one: the work merged in one pass, the receipt handles in
     * order. Merging n parts costs about n, not n squared.
     *
     * @throws IllegalArgumentException when the parts have different keys
     */
    public static <W extends MergeableWork<W>> PendingWork<W> merge(List<PendingWork<W>> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no work to merge");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<W> others = new ArrayList<>(parts.size() - 1);
        List<String> handles = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                others.add(parts.get(i).work);
            }
            handles.addAll(parts.get(i).receiptHandles);
        }
        return new PendingWork<>(parts.get(0).work.mergeAll(others), handles);
    }
}
