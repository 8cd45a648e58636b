package io.zonebridge.intake;

import java.io.Serializable;
import java.util.List;

/**
 * Work a queued message asks for, which merges with other work of the same {@link #key()} into one apply run
 * (a small serialisable value, never a live object).
 *
 * @param <W> the work type itself
 */
public interface MergeableWork<W extends MergeableWork<W>> extends Serializable {

    /** The aggregation key: work of one key is applied together, by one writer. */
    String key();

    /**
     * This work and {@code others} (all of the same key) as one, in one pass however many there are.
     *
     * @throws IllegalArgumentException when one of {@code others} has another key
     */
    W mergeAll(List<W> others);
}
