package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class SerialTrackerTest {

    private static final Name ZONE = Name.fromConstantString("example.com.");
    private final SerialTracker tracker = new SerialTracker();

    @Test
    void anUnknownZoneIsAlwaysNewer() {
        assertEquals(Optional.empty(), tracker.known(ZONE));
        assertTrue(tracker.isNewer(ZONE, 0));
    }

    @Test
    void advancesOnlyForward() {
        assertTrue(tracker.advance(ZONE, 100));
        assertFalse(tracker.isNewer(ZONE, 100));
        assertFalse(tracker.advance(ZONE, 99));
        assertEquals(Optional.of(100L), tracker.known(ZONE));
        assertTrue(tracker.advance(ZONE, 101));
        assertEquals(Optional.of(101L), tracker.known(ZONE));
    }

    @Test
    void wrapsAroundPerRfc1982() {
        tracker.advance(ZONE, 4294967295L);
        assertTrue(tracker.isNewer(ZONE, 0), "0 follows 4294967295");
        assertTrue(tracker.isNewer(ZONE, 5));
        assertFalse(tracker.isNewer(ZONE, 4294967290L));
        assertTrue(tracker.advance(ZONE, 3));
        assertEquals(Optional.of(3L), tracker.known(ZONE));
    }

    @Test
    void resetAndForget() {
        tracker.advance(ZONE, 500);
        tracker.reset(ZONE, 10);
        assertEquals(Optional.of(10L), tracker.known(ZONE));
        tracker.forget(ZONE);
        assertEquals(Optional.empty(), tracker.known(ZONE));
    }

    @Test
    void rejectsSerialsOutsideThirtyTwoBits() {
        assertThrows(IllegalArgumentException.class, () -> tracker.isNewer(ZONE, -1));
        assertThrows(IllegalArgumentException.class, () -> tracker.advance(ZONE, 1L << 32));
    }

    @Property
    void anyIncrementBelowHalfTheSpaceIsNewer(@ForAll @LongRange(max = 0xFFFFFFFFL) long serial,
            @ForAll @LongRange(min = 1, max = 0x7FFFFFFFL) long step) {
        SerialTracker t = new SerialTracker();
        t.advance(ZONE, serial);
        long next = (serial + step) & 0xFFFFFFFFL;
        assertTrue(t.isNewer(ZONE, next));
        assertTrue(t.advance(ZONE, next));
        assertFalse(t.isNewer(ZONE, serial));
    }
}
