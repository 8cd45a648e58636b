package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

class SoaTimersTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SoaTimers timers = new SoaTimers(Duration.ofSeconds(3600), Duration.ofSeconds(600),
            Duration.ofSeconds(86400), Duration.ofSeconds(300));

    @Test
    void readsTheTimersOfASoa() throws Exception {
        Name zone = Name.fromString("example.com.");
        SOARecord soa = new SOARecord(zone, DClass.IN, 300, zone, zone, 1, 7200, 900, 1209600, 120);

        assertEquals(new SoaTimers(Duration.ofSeconds(7200), Duration.ofSeconds(900), Duration.ofSeconds(1209600),
                Duration.ofSeconds(120)), SoaTimers.of(soa));
    }

    @Test
    void zeroTimersInASoaBecomeOneSecond() throws Exception {
        Name zone = Name.fromString("example.com.");
        SoaTimers zero = SoaTimers.of(new SOARecord(zone, DClass.IN, 300, zone, zone, 1, 0, 0, 0, 0));

        assertEquals(Duration.ofSeconds(1), zero.refresh());
        assertEquals(Duration.ofSeconds(1), zero.retry());
        assertEquals(Duration.ofSeconds(1), zero.expire());
        assertEquals(Duration.ZERO, zero.minimum());
    }

    @Test
    void afterSuccessChecksAgainAfterRefresh() {
        assertEquals(T0.plusSeconds(3600), timers.nextCheckAfterSuccess(clock));
    }

    @Test
    void afterFailureRetriesButNotPastExpiry() {
        assertEquals(T0.plusSeconds(600), timers.nextCheckAfterFailure(T0.minusSeconds(3600), clock));
        assertEquals(T0.plusSeconds(600), timers.nextCheckAfterFailure(null, clock));
        Instant lastSuccess = T0.minusSeconds(86400 - 100);
        assertEquals(lastSuccess.plusSeconds(86400), timers.nextCheckAfterFailure(lastSuccess, clock),
                "expiry comes before the next retry");
        Instant longAgo = T0.minusSeconds(10 * 86400);
        assertEquals(T0.plusSeconds(600), timers.nextCheckAfterFailure(longAgo, clock), "already expired: retry");
    }

    @Test
    void expiresExactlyExpireAfterTheLastSuccess() {
        Instant lastSuccess = T0;
        clock.advance(Duration.ofSeconds(86399));
        assertFalse(timers.isExpired(lastSuccess, clock));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(timers.isExpired(lastSuccess, clock));
        assertTrue(timers.isExpired(null, clock), "never loaded counts as expired");
    }

    @Test
    void operatorOverridesReplaceOnlyWhatIsGiven() {
        SoaTimers overridden = timers.overriddenBy(Duration.ofSeconds(60), null, Duration.ofDays(30));

        assertEquals(Duration.ofSeconds(60), overridden.refresh());
        assertEquals(Duration.ofSeconds(600), overridden.retry());
        assertEquals(Duration.ofDays(30), overridden.expire());
        assertEquals(T0.plusSeconds(60), overridden.nextCheckAfterSuccess(clock));
    }

    @Test
    void rejectsNonPositiveTimers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> timers.overriddenBy(null, Duration.ZERO, null));
        assertTrue(e.getMessage().contains("retry"), e.getMessage());
    }
}
