package io.zonebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MessageIntakeTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private MessageIntake intake;

    @BeforeEach
    void setUp() {
        Logger logger = (Logger) LoggerFactory.getLogger("message-intake-test-" + System.nanoTime());
        lines.start();
        logger.addAppender(lines);
        intake = new MessageIntake("test queue", new RejectLog(logger));
    }

    @Test
    void workAndIgnoresPassThroughUntouched() {
        IntakeDecision<Integer> work = intake.decide("7", body -> new IntakeDecision.Accepted<>(Integer.valueOf(body)));
        assertEquals(7, work.work());
        assertFalse(work.rejected());
        IntakeDecision<Integer> ignored = intake.decide("x", body -> new IntakeDecision.Ignored<>("other", body));
        assertNull(ignored.work());
        assertFalse(ignored.rejected());
        assertEquals(0, intake.rejectedTotal());
        assertTrue(lines.list.isEmpty());
    }

    @Test
    void anUnusableMessageIsRejectedWithItsReasonAndLoggedWithoutStackTrace() {
        IntakeDecision<String> decision = intake.decide("{}", body -> {
            throw new MalformedEventException(RejectReason.INVALID_VALUE, "field x: 999.1.2.3 is not an address",
                    "/x", new IllegalArgumentException("inner"));
        });
        IntakeDecision.Rejected<String> rejected = assertInstanceOf(IntakeDecision.Rejected.class, decision);
        assertEquals(RejectReason.INVALID_VALUE, rejected.reason());
        assertEquals("field x: 999.1.2.3 is not an address", decision.rejectReason());
        assertEquals(Map.of("invalid-value", 1L), intake.rejected());
        assertEquals(1, lines.list.size());
        assertNull(lines.list.get(0).getThrowableProxy(), "no stack trace for bad input");
        assertEquals("rejected from test queue (invalid-value): field x: 999.1.2.3 is not an address",
                lines.list.get(0).getFormattedMessage());
    }

    @Test
    void anyOtherRuntimeExceptionIsRejectedAsUnexpectedNotThrown() {
        IntakeDecision<String> decision = intake.decide("{}", body -> {
            throw new NullPointerException("no such node");
        });
        assertTrue(decision.rejected());
        assertTrue(decision.rejectReason().startsWith(
                "unexpected java.lang.NullPointerException reading the message: no such node at "),
                decision.rejectReason());
        assertEquals(Map.of("unexpected-error", 1L), intake.rejected());
    }

    @Test
    void rejectReasonsAreEscapedAndShortEnoughForAnSqsAttribute() {
        IntakeDecision<String> decision = intake.decide("", body -> {
            throw new MalformedEventException(RejectReason.INVALID_NAME, "name 'a\u0000b\nc\uD800' " + "x".repeat(5000));
        });
        String reason = decision.rejectReason();
        assertTrue(reason.startsWith("name 'a\\u0000b\\u000ac\\ud800' xxx"), reason);
        assertTrue(reason.length() <= IntakeDecision.Rejected.MAX_DETAIL + 3, "length " + reason.length());
        assertTrue(reason.endsWith("..."));
    }

    @Test
    void manyRejectionsLogAFewLinesPerReason() {
        for (int i = 0; i < 500; i++) {
            intake.decide("", body -> {
                throw new MalformedEventException(RejectReason.INVALID_JSON, "not JSON");
            });
        }
        assertEquals(500, intake.rejectedTotal());
        assertEquals(RejectLog.DEFAULT_LINES, lines.list.size());
    }
}
