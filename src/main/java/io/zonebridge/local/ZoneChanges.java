package io.zonebridge.local;

/**
 * Submits changes for zones: new change ids that read PENDING for the configured time, and the
 * PriorRequestNotComplete rule for a zone whose previous change is still pending.
 */
public final class ZoneChanges {
    static final String PRIOR_REQUEST_MESSAGE =
            "The request was rejected because Route 53 was still processing a prior request.";
    private final LocalRoute53Options options;
    private final OperationCounters counters;

    /** Creates the change submitter for these options. */
    public ZoneChanges(LocalRoute53Options options, OperationCounters counters) {
        this.options = options;
        this.counters = counters;
    }

    /** Throws PriorRequestNotComplete if enabled and the zone's last change is still PENDING. */
    public void checkNotBusy(AccountState account, HostedZoneData zone, long nowMillis) {
        if (!options.priorRequestNotComplete() || zone.lastChangeId() == null) {
            return;
        }
        ChangeData last = account.changes().get(zone.lastChangeId());
        if (last != null && last.status(nowMillis).equals("PENDING")) {
            counters.priorRequestNotComplete();
            throw new ServiceException(400, "PriorRequestNotComplete", PRIOR_REQUEST_MESSAGE);
        }
    }

    /** Records a new change for {@code zone} (may be null for changes not tied to a live zone). */
    public ChangeData submit(AccountState account, HostedZoneData zone, String comment, long nowMillis) {
        ChangeData change = new ChangeData(ResourceIds.changeId(), nowMillis, nowMillis + options.pendingMillis(),
                comment);
        account.changes().put(change.id(), change);
        if (zone != null) {
            zone.lastChangeId(change.id());
        }
        return change;
    }
}
