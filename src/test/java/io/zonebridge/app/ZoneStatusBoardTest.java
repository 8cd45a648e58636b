package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.SyncOutcome.Result;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ZoneStatusBoardTest {

    private final ZoneStatusBoard board = new ZoneStatusBoard(Clock.systemUTC());

    private static SyncOutcome outcome(String key, Result result) {
        return new SyncOutcome(key, key, result, 1L, 0, 0, 0, 0, "test");
    }

    @Test
    void whenRecordedCompletesOnceEveryZoneHasAnOutcomeFailedOrNot() {
        CompletableFuture<Void> all = board.whenRecorded(List.of("a", "b"));
        board.record(outcome("a", Result.APPLIED));
        assertFalse(all.isDone(), "b has no outcome yet");
        board.record(outcome("a", Result.FAILED));
        assertFalse(all.isDone(), "a second outcome of a does not stand in for b");
        board.record(outcome("b", Result.FAILED));
        assertTrue(all.isDone(), "a failed first run counts as finished");
    }

    @Test
    void whenRecordedIsDoneAtOnceForZonesAlreadyRecordedAndForNoZones() {
        board.record(outcome("a", Result.UP_TO_DATE));
        assertTrue(board.whenRecorded(List.of("a")).isDone());
        assertTrue(board.whenRecorded(List.of()).isDone());
        assertFalse(board.whenRecorded(List.of("a", "c")).isDone());
    }
}
