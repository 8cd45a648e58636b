package io.zonebridge.app;

import java.time.Instant;

/**
 * The sync state of one zone as the status board shows it.
 *
 * @param zoneKey     the zone's key
 * @param zoneName    the zone's name
 * @param lastAttempt when the last sync run ended
 * @param lastSuccess when a sync run last succeeded (null: never)
 * @param serial      the last serial seen at the source
 * @param last        the last run's outcome
 * @param lastError   the last failure's message (kept after later successes; null: none yet)
 * @param failures    failed runs so far
 */
public record ZoneStatus(String zoneKey, String zoneName, Instant lastAttempt, Instant lastSuccess, Long serial,
                         SyncOutcome last, String lastError, long failures) {
}
