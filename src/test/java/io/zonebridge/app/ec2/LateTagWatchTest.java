package io.zonebridge.app.ec2;

import io.zonebridge.ec2.LateTagWatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.ec2.Ec2Event;
import io.zonebridge.ec2.InstanceState;
import io.zonebridge.ec2.InstanceStateEvent;
import io.zonebridge.secondary.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The late-tag retry: which instances are looked at again, with which event time, and until when. */
class LateTagWatchTest {

    private static final Instant T = Instant.parse("2024-05-14T12:58:57Z");

    private static InstanceStateEvent event(String id, InstanceState state, Instant time) {
        return new InstanceStateEvent("123456789012", "us-east-1", id, state, time, "e-" + id);
    }

    @Test
    void aRunningInstanceWithoutRecordsIsRetriedWithItsEventTimeUntilTheWindowPasses() {
        MutableClock clock = new MutableClock(T.plusSeconds(2));
        LateTagWatch watch = new LateTagWatch(Duration.ofMinutes(10), clock);
        watch.update(List.of(event("i-0000000000000000a", InstanceState.RUNNING, T),
                event("i-0000000000000000b", InstanceState.RUNNING, T)), Set.of("i-0000000000000000a"));
        List<Ec2Event> due = watch.due();
        assertEquals(1, due.size());
        InstanceStateEvent retry = (InstanceStateEvent) due.get(0);
        assertEquals("i-0000000000000000a", retry.instanceId());
        assertEquals(InstanceState.RUNNING, retry.state());
        assertEquals(T, retry.time(), "the original time: a newer stop or terminate wins");

        clock.moveTo(T.plus(Duration.ofMinutes(11)));
        assertTrue(watch.due().isEmpty(), "the window passed");
        assertEquals(0, watch.size());
    }

    @Test
    void aPendingEventDeliveredAfterRunningLeavesTheWatch() {
        LateTagWatch watch = new LateTagWatch(Duration.ofMinutes(10), new MutableClock(T));
        watch.update(List.of(event("i-0000000000000000a", InstanceState.RUNNING, T)), Set.of("i-0000000000000000a"));
        watch.update(List.of(event("i-0000000000000000a", InstanceState.PENDING, T)), Set.of());
        assertEquals(1, watch.size(), "pending (same second, delivered late) changes no record");
    }

    @Test
    void recordsOrAStopEndTheWatchAndAZeroWindowWatchesNothing() {
        MutableClock clock = new MutableClock(T);
        LateTagWatch watch = new LateTagWatch(Duration.ofMinutes(10), clock);
        watch.update(List.of(event("i-0000000000000000a", InstanceState.RUNNING, T)), Set.of("i-0000000000000000a"));
        watch.update(List.of(event("i-0000000000000000a", InstanceState.STOPPED, T.plusSeconds(9))), Set.of());
        assertEquals(0, watch.size());
        LateTagWatch off = new LateTagWatch(Duration.ZERO, clock);
        off.update(List.of(event("i-0000000000000000a", InstanceState.RUNNING, T)), Set.of("i-0000000000000000a"));
        assertEquals(0, off.size());
    }
}
