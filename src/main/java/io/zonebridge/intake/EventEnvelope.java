package io.zonebridge.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * The event in an SQS message body, as EventBridge delivers it to a queue: the event JSON itself, or (through an SNS
 * topic with raw delivery off) an SNS notification, {@code {"Type": "Notification", "Message": "<the event JSON as
 * a string>", ...}} without a {@code detail-type}. One set of rules for every job reading events:
 * <ul>
 *   <li>an empty body, or one that is not JSON (trailing tokens included), is {@link RejectReason#INVALID_JSON};</li>
 *   <li>a body that is JSON but not an object, or an SNS notification whose {@code Message} is not a string, is
 *       {@link RejectReason#INVALID_ENVELOPE};</li>
 *   <li>the same two rules apply to the event inside the SNS {@code Message} (pointer {@code /Message}).</li>
 * </ul>
 * Thread-safe.
 *
 * @param event      the event, a JSON object
 * @param snsWrapped whether it came inside an SNS notification
 */
public record EventEnvelope(JsonNode event, boolean snsWrapped) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String BODY = "SQS message body";
    private static final String SNS_MESSAGE = "SNS notification field /Message";

    /**
     * The event in an SQS message body.
     *
     * @throws MalformedEventException when the body breaks one of the rules above
     */
    public static EventEnvelope read(String body) {
        JsonNode root = object(parse(body, BODY, ""), BODY, "");
        JsonNode type = root.get("Type");
        JsonNode message = root.get("Message");
        if (type == null || !"Notification".equals(type.asText()) || message == null || root.has("detail-type")) {
            return new EventEnvelope(root, false);
        }
        if (!message.isTextual()) {
            throw new MalformedEventException(RejectReason.INVALID_ENVELOPE, SNS_MESSAGE
                    + " should be a string holding the event JSON but is " + typeOf(message), "/Message", null);
        }
        return new EventEnvelope(object(parse(message.textValue(), SNS_MESSAGE, "/Message"), SNS_MESSAGE,
                "/Message"), true);
    }

    /** What the event is called in messages about it: {@code event}, or where it was inside the SNS notification. */
    public String where() {
        return snsWrapped ? "event (inside the SNS notification's Message)" : "event";
    }

    /** The event's top-level text field, or {@code null} when absent or not text. */
    public String text(String field) {
        JsonNode value = event.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static JsonNode parse(String text, String what, String pointer) {
        if (text == null || text.isBlank()) {
            throw new MalformedEventException(RejectReason.INVALID_JSON, what + " is empty", pointer, null);
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEventException(RejectReason.INVALID_JSON, what + " is empty", pointer, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MalformedEventException(RejectReason.INVALID_JSON,
                    what + " is not valid JSON" + location + ": " + e.getOriginalMessage(), pointer, e);
        }
    }

    private static JsonNode object(JsonNode node, String what, String pointer) {
        if (!node.isObject()) {
            throw new MalformedEventException(RejectReason.INVALID_ENVELOPE,
                    what + " should be a JSON object but is " + typeOf(node), pointer, null);
        }
        return node;
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
