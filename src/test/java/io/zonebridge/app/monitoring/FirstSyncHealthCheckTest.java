package io.zonebridge.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.SyncOutcome;
import io.zonebridge.app.ZoneStatusBoard;
import java.time.Clock;
import java.util.List;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

/** Readiness: DOWN until every configured zone finished a first run; a failed first run counts, with its reason. */
class FirstSyncHealthCheckTest {

    private final ZoneStatusBoard board = new ZoneStatusBoard(Clock.systemUTC());
    private final FirstSyncHealthCheck check = new FirstSyncHealthCheck(List.of("default/a", "default/b"), board);

    @Test
    void readinessOnlyNotLiveness() {
        assertFalse(check.isLiveness());
        assertTrue(check.isReadiness());
    }

    @Test
    void downUntilEveryZoneFinishedItsFirstRunNamingTheOnesWaiting() {
        HealthCheck.Result none = check.call();
        assertEquals(HealthCheck.State.DOWN, none.getState());
        assertEquals("2 of 2 zone(s) not synced yet: default/a, default/b", none.getMessage().orElseThrow());
        board.record(outcome("a", SyncOutcome.Result.APPLIED, "11 changes applied"));
        HealthCheck.Result one = check.call();
        assertEquals(HealthCheck.State.DOWN, one.getState());
        assertEquals("1 of 2 zone(s) not synced yet: default/b", one.getMessage().orElseThrow());
        board.record(outcome("b", SyncOutcome.Result.UP_TO_DATE, "serial unchanged"));
        HealthCheck.Result all = check.call();
        assertEquals(HealthCheck.State.UP, all.getState());
        assertEquals(2, all.getDetails().get("synced"));
    }

    @Test
    void aFailedFirstRunIsFinishedAndItsReasonIsInTheDetails() {
        board.record(outcome("a", SyncOutcome.Result.IN_STEP, "in step"));
        board.record(outcome("b", SyncOutcome.Result.FAILED, "no primary of b.example. gave a complete zone"));
        HealthCheck.Result result = check.call();
        assertEquals(HealthCheck.State.UP, result.getState());
        assertEquals(1, result.getDetails().get("firstSyncFailed"));
        assertEquals("FAILED: no primary of b.example. gave a complete zone", result.getDetails().get("failed.default/b"));
    }

    private static SyncOutcome outcome(String zone, SyncOutcome.Result result, String message) {
        return new SyncOutcome("default/" + zone, zone + ".example.", result, 1L, 0, 0, 0, 0, message);
    }
}
