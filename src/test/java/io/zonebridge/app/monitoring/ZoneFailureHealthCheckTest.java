package io.zonebridge.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.SyncOutcome;
import io.zonebridge.app.ZoneStatusBoard;
import io.zonebridge.secondary.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import java.util.Set;
import java.util.TreeSet;

/** The zones health check against a status board on a clock the test moves. */
class ZoneFailureHealthCheckTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
    private final ZoneStatusBoard board = new ZoneStatusBoard(clock);
    private final Set<String> expired = new TreeSet<>();
    private final ZoneFailureHealthCheck check = new ZoneFailureHealthCheck(board, Duration.ofSeconds(900), clock,
            () -> Set.copyOf(expired));

    @Test
    void downWhileAZoneIsExpiredNamingIt() {
        board.record(outcome("a", SyncOutcome.Result.APPLIED, "ok"));
        expired.add("default/a.");
        HealthCheck.Result result = check.call();
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElse("").contains("expired"), result.getMessage().toString());
        assertTrue(result.getMessage().orElse("").contains("default/a."), result.getMessage().toString());
        expired.clear();
        assertEquals(HealthCheck.State.UP, check.call().getState());
    }

    @Test
    void upWhileNoZoneHasRun() {
        assertEquals(HealthCheck.State.UP, check.call().getState());
    }

    @Test
    void downOnlyAfterTheZoneFailedLongerThanAllowedSinceItsLastSuccess() {
        board.record(outcome("a", SyncOutcome.Result.APPLIED, "ok"));
        clock.advance(Duration.ofSeconds(600));
        board.record(outcome("a", SyncOutcome.Result.FAILED, "Route 53: InvalidChangeBatch"));
        clock.advance(Duration.ofSeconds(299));
        assertEquals(HealthCheck.State.UP, check.call().getState(), "899 s since the last success");
        clock.advance(Duration.ofSeconds(2));
        HealthCheck.Result down = check.call();
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().contains("a.example. (default/a) failing since last success "
                + "2026-11-23T00:00:00Z: Route 53: InvalidChangeBatch"), down.getMessage().orElseThrow());
        board.record(outcome("a", SyncOutcome.Result.IN_STEP, "in step"));
        assertEquals(HealthCheck.State.UP, check.call().getState(), "a success clears it");
    }

    @Test
    void aZoneThatNeverSucceededCountsFromTheStartAndOnlyTheFailingZoneIsNamed() {
        board.record(outcome("b", SyncOutcome.Result.APPLIED, "ok"));
        board.record(outcome("a", SyncOutcome.Result.REFUSED, "refused: 40% of the zone"));
        clock.advance(Duration.ofSeconds(901));
        board.record(outcome("b", SyncOutcome.Result.APPLIED, "ok"));
        HealthCheck.Result down = check.call();
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().contains("(default/a) failing since start: refused: 40%"));
        assertTrue(!down.getMessage().orElseThrow().contains("default/b"), down.getMessage().orElseThrow());
    }

    @Test
    void aPausedZoneIsNotFailing() {
        board.record(outcome("a", SyncOutcome.Result.FAILED, "broken"));
        clock.advance(Duration.ofSeconds(1000));
        assertEquals(HealthCheck.State.DOWN, check.call().getState());
        board.record(outcome("a", SyncOutcome.Result.PAUSED, "paused"));
        assertEquals(HealthCheck.State.UP, check.call().getState());
    }

    private static SyncOutcome outcome(String zone, SyncOutcome.Result result, String message) {
        return new SyncOutcome("default/" + zone, zone + ".example.", result, 1L, 0, 0, 0, 0, message);
    }
}
