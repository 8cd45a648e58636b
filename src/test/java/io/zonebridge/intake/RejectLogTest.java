package io.zonebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonebridge.secondary.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RejectLogTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private RejectLog rejects;

    @BeforeEach
    void setUp() {
        Logger logger = (Logger) LoggerFactory.getLogger("reject-log-test-" + System.nanoTime());
        lines.start();
        logger.addAppender(lines);
        rejects = new RejectLog(logger, 3, Duration.ofMinutes(1), clock);
    }

    @Test
    void logsAFewLinesPerSourceAndReasonAndCountsEveryRejection() {
        for (int i = 0; i < 1000; i++) {
            rejects.reject("127.0.0.1", "not-dns", "packet " + i);
        }
        assertEquals(3, lines.list.size());
        assertEquals(1000, rejects.count("not-dns"));
        assertTrue(rejects.reject("127.0.0.2", "not-dns", "another source"), "a second source has its own lines");
        assertTrue(rejects.reject("127.0.0.1", "formerr", "another reason"), "a second reason has its own lines");
        assertEquals(Map.of("not-dns", 1001L, "formerr", 1L), rejects.counts());
    }

    @Test
    void aLaterWindowLogsAgainAndTellsHowManyWereHeldBack() {
        for (int i = 0; i < 10; i++) {
            rejects.reject("q", "bad-json", "message " + i);
        }
        clock.advance(Duration.ofSeconds(59));
        assertFalse(rejects.reject("q", "bad-json", "still inside the window"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(rejects.reject("q", "bad-json", "next window"));
        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(4, messages.size());
        assertEquals("rejected from q (bad-json): next window [8 more like it were not logged]", messages.get(3));
    }

    @Test
    void manySourcesOfOneReasonShareAGlobalBound() {
        for (int i = 0; i < 1000; i++) {
            rejects.reject("192.0.2." + (i % 250), "refused", "spoofed " + i);
        }
        assertEquals(3 * RejectLog.SOURCES_PER_REASON, lines.list.size());
        assertEquals(1000, rejects.count("refused"));
        assertTrue(rejects.reject("192.0.2.1", "formerr", "another reason has its own bound"));
    }

    @Test
    void manySpoofedSourcesStayBounded() {
        for (int i = 0; i < RejectLog.MAX_TRACKED * 3; i++) {
            rejects.reject("10.0." + (i / 256) + "." + (i % 256), "refused", "x");
            clock.advance(Duration.ofMillis(100));
        }
        assertEquals(RejectLog.MAX_TRACKED * 3L, rejects.count("refused"));
        assertTrue(rejects.tracked() <= RejectLog.MAX_TRACKED + 2, "tracked pairs: " + rejects.tracked());
    }
}
