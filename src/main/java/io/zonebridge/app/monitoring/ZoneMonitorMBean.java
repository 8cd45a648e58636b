package io.zonebridge.app.monitoring;

/**
 * The JMX view of one managed zone, {@code io.zonebridge:type=Zone,name=<zone key>}. Times are ISO-8601 instants
 * (empty: never); counts of creates, updates and deletes are those of the last run.
 */
public interface ZoneMonitorMBean {

    /** The zone's key: account and hosted-zone target. */
    String getZoneKey();

    /** The zone's name, canonical. */
    String getZoneName();

    /** When the last sync run ended (empty: not yet). */
    String getLastSyncTime();

    /** When a sync run last succeeded (empty: never). */
    String getLastSuccessTime();

    /** The last serial seen at the source (-1: unknown). */
    long getSerial();

    /** Changes planned by the last run and not applied (refused, failed or dry run); 0 otherwise. */
    long getPendingChanges();

    /** The last run's result (APPLIED, IN_STEP, UP_TO_DATE, DRY_RUN, REFUSED, FAILED, PAUSED; NONE: no run yet). */
    String getLastResult();

    /** The last run's message. */
    String getLastMessage();

    /** The last failure's message (empty: none yet). */
    String getLastError();

    /** Failed runs since start. */
    long getFailures();

    /** Record sets created by the last run. */
    long getCreates();

    /** Record sets updated by the last run. */
    long getUpdates();

    /** Record sets deleted by the last run. */
    long getDeletes();

    /** Whether the zone is paused. */
    boolean isPaused();

    /** Record sets that verification reads found changed outside zonebridge (and that were repaired), since start. */
    long getDriftFound();

    /** Puts work for this zone on the apply pipeline now. */
    void syncNow();

    /** Reads the hosted zone whole now and repairs any drift (even when the source's serial has not moved). */
    void verifyNow();

    /** Pauses the zone: its sync runs do nothing (result PAUSED) until {@link #resume()}. */
    void pause();

    /** Resumes a paused zone. */
    void resume();
}
