package io.zonebridge.plan;

/**
 * Which kinds of change a plan may contain.
 *
 * <ul>
 *   <li>{@link #SYNC}: create, update and delete, so the zone ends equal to the desired state;</li>
 *   <li>{@link #UPSERT_ONLY}: create and update, never delete a record set that is not desired
 *       (a record set replaced because its alias-ness or routing policy changes is still deleted
 *       and re-created: that is an update of the record, not a removal);</li>
 *   <li>{@link #CREATE_ONLY}: only create record sets that do not exist; existing ones stay as they are.</li>
 * </ul>
 */
public enum SyncPolicy {
    SYNC(true, true),
    UPSERT_ONLY(true, false),
    CREATE_ONLY(false, false);

    private final boolean updates;
    private final boolean deletes;

    SyncPolicy(boolean updates, boolean deletes) {
        this.updates = updates;
        this.deletes = deletes;
    }

    /** True when existing record sets may be changed. */
    public boolean allowsUpdates() {
        return updates;
    }

    /** True when record sets that are not desired may be deleted. */
    public boolean allowsDeletes() {
        return deletes;
    }

    /** The policy's name as written in configuration and on the command line: {@code sync}, {@code upsert-only}, {@code create-only}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses a {@link #label()}; an unknown name is an {@link IllegalArgumentException} listing the choices. */
    public static SyncPolicy fromLabel(String label) {
        for (SyncPolicy policy : values()) {
            if (policy.label().equalsIgnoreCase(label.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown policy '" + label + "' (use sync, upsert-only or create-only)");
    }
}
