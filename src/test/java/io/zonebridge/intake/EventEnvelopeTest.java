package io.zonebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** One set of envelope rules for every event job: EventBridge direct or SNS-wrapped, and what is refused. */
class EventEnvelopeTest {

    private static final String EVENT = "{\"source\":\"aws.ec2\",\"detail-type\":\"EC2 Instance State-change "
            + "Notification\",\"detail\":{\"state\":\"running\"}}";

    @Test
    void readsTheEventDirectAndInsideAnSnsNotification() {
        EventEnvelope direct = EventEnvelope.read(EVENT);
        assertFalse(direct.snsWrapped());
        assertEquals("aws.ec2", direct.text("source"));
        assertEquals("event", direct.where());

        EventEnvelope wrapped = EventEnvelope.read(sns(EVENT));
        assertTrue(wrapped.snsWrapped());
        assertEquals(direct.event(), wrapped.event());
        assertTrue(wrapped.where().contains("inside the SNS notification's Message"), wrapped.where());
    }

    @Test
    void aNotificationThatHasADetailTypeIsTheEventItself() {
        String body = "{\"Type\":\"Notification\",\"Message\":\"x\",\"detail-type\":\"Custom\"}";
        EventEnvelope envelope = EventEnvelope.read(body);
        assertFalse(envelope.snsWrapped());
        assertEquals("Custom", envelope.text("detail-type"));
        assertEquals(null, envelope.text("missing"));
    }

    @Test
    void refusesWhatIsNotAnEventSayingWhatAndWhere() {
        assertRefused(RejectReason.INVALID_JSON, "", "SQS message body is empty", "  ");
        assertRefused(RejectReason.INVALID_JSON, "", "SQS message body is not valid JSON (line 1, column", "{\"a\":");
        assertRefused(RejectReason.INVALID_JSON, "", "SQS message body is not valid JSON", "{} trailing");
        assertRefused(RejectReason.INVALID_ENVELOPE, "", "SQS message body should be a JSON object but is array",
                "[1,2]");
        assertRefused(RejectReason.INVALID_ENVELOPE, "/Message",
                "SNS notification field /Message should be a string holding the event JSON but is number",
                "{\"Type\":\"Notification\",\"Message\":17}");
        assertRefused(RejectReason.INVALID_JSON, "/Message", "SNS notification field /Message is not valid JSON",
                sns("{oops"));
        assertRefused(RejectReason.INVALID_JSON, "/Message", "SNS notification field /Message is empty", sns(""));
        assertRefused(RejectReason.INVALID_ENVELOPE, "/Message",
                "SNS notification field /Message should be a JSON object but is string", sns("\"text\""));
    }

    private static void assertRefused(RejectReason reason, String pointer, String message, String body) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventEnvelope.read(body));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(pointer, e.pointer(), e.getMessage());
        assertTrue(e.getMessage().startsWith(message), () -> "'" + e.getMessage() + "' does not start with '"
                + message + "'");
    }

    private static String sns(String message) {
        ObjectNode notification = new ObjectMapper().createObjectNode();
        notification.put("Type", "Notification");
        notification.put("MessageId", "m-1");
        notification.put("Message", message);
        return notification.toString();
    }
}
