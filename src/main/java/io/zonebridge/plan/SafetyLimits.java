package io.zonebridge.plan;

/**
 * Refuses a plan that would update or delete more than a share of a zone, unless forced.
 * Creates never count; zones with fewer than {@code minZoneSize} current record sets are exempt.
 * The zone size is {@link Plan#currentSize()}.
 *
 * @param maxChangeShare largest allowed share (0..1) of updates plus deletes
 * @param minZoneSize    zones smaller than this are not checked
 */
public record SafetyLimits(double maxChangeShare, int minZoneSize) {

    /** 30% of zones of at least 10 record sets. */
    public static final SafetyLimits DEFAULT = new SafetyLimits(0.30, 10);

    public SafetyLimits {
        if (!(maxChangeShare >= 0 && maxChangeShare <= 1)) {
            throw new IllegalArgumentException("maxChangeShare must be between 0 and 1: " + maxChangeShare);
        }
        if (minZoneSize < 0) {
            throw new IllegalArgumentException("minZoneSize must not be negative: " + minZoneSize);
        }
    }

    /**
     * Returns the plan when it is within the limits (or {@code force} is set, or the zone is exempt);
     * otherwise throws {@link UnsafePlanException}.
     */
    public Plan check(Plan plan, boolean force) {
        int size = plan.currentSize();
        if (force || size == 0 || size < minZoneSize) {
            return plan;
        }
        long changed = plan.count(ChangeAction.UPSERT) + plan.count(ChangeAction.DELETE);
        double share = (double) changed / size;
        if (share > maxChangeShare) {
            throw new UnsafePlanException(plan.origin(), changed, size, share, maxChangeShare);
        }
        return plan;
    }
}
