package io.zonebridge.plan;

/** A plan that would update or delete more of a zone than {@link SafetyLimits} allow. */
public final class UnsafePlanException extends RuntimeException {

    private final String origin;
    private final long changed;
    private final double share;
    private final double limit;

    public UnsafePlanException(String origin, long changed, int zoneSize, double share, double limit) {
        super(String.format(java.util.Locale.ROOT,
                "refusing to change zone %s: %d updates and deletes of %d record sets is %.1f%%, above the limit of %.1f%%;"
                        + " use --force to apply anyway", origin, changed, zoneSize, share * 100, limit * 100));
        this.origin = origin;
        this.changed = changed;
        this.share = share;
        this.limit = limit;
    }

    /** The zone apex. */
    public String origin() {
        return origin;
    }

    /** Updates plus deletes in the refused plan. */
    public long changed() {
        return changed;
    }

    /** The share of the zone the plan would update or delete (0..1). */
    public double share() {
        return share;
    }

    /** The configured maximum share (0..1). */
    public double limit() {
        return limit;
    }
}
