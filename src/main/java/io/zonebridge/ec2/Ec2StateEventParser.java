package io.zonebridge.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonebridge.intake.EventEnvelope;
import io.zonebridge.intake.MalformedEventException;
import io.zonebridge.intake.RejectReason;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SQS message bodies carrying EC2 events, as EventBridge delivers them directly or SNS-wrapped (see
 * {@link EventEnvelope}).
 *
 * <ul>
 *   <li>{@code detail-type "EC2 Instance State-change Notification"} → {@link InstanceStateEvent};</li>
 *   <li>{@code detail-type "AWS API Call via CloudTrail"} with {@code eventSource ec2.amazonaws.com} and
 *       {@code eventName CreateTags} → {@link InstanceTagsEvent} for the {@code i-} resources tagged
 *       ({@code requestParameters.resourcesSet.items[].resourceId}, {@code tagSet.items[].key/value});
 *       {@code DeleteTags} → the same with each deleted key mapped to {@code ""}, which reads as no tag.</li>
 * </ul>
 * Any other well-formed event, a failed call ({@code errorCode} present) or one tagging no
 * instance gives an empty result. A body that is not JSON, or an EC2 event missing a field it needs,
 * raises {@link MalformedEventException} naming the field.
 */
public final class Ec2StateEventParser {

    /** EventBridge detail-type of instance state changes. */
    public static final String STATE_CHANGE = "EC2 Instance State-change Notification";
    /** EventBridge detail-type of CloudTrail-delivered API calls. */
    public static final String API_CALL = "AWS API Call via CloudTrail";

    /**
     * The EC2 event in {@code body} (read by {@link EventEnvelope}'s rules), or empty when the body is a
     * well-formed event of another kind.
     */
    public Optional<Ec2Event> parse(String body) {
        JsonNode event = EventEnvelope.read(body).event();
        String detailType = text(event, "detail-type", "event", RejectReason.INVALID_ENVELOPE);
        if (STATE_CHANGE.equals(detailType)) {
            return Optional.of(stateEvent(event));
        }
        if (API_CALL.equals(detailType)) {
            return tagsEvent(event).map(Ec2Event.class::cast);
        }
        return Optional.empty();
    }

    private InstanceStateEvent stateEvent(JsonNode event) {
        JsonNode detail = object(event, "detail", "state-change event", RejectReason.INVALID_ENVELOPE);
        String instanceId = text(detail, "instance-id", "state-change event detail", RejectReason.INVALID_FIELD);
        String stateText = text(detail, "state", "state-change event detail", RejectReason.INVALID_FIELD);
        InstanceState state;
        try {
            state = InstanceState.fromEventName(stateText);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(RejectReason.INVALID_FIELD,
                    "state-change event for " + instanceId + ": field 'detail.state': " + e.getMessage(), "/detail/state", e);
        }
        String where = "state-change event";
        return new InstanceStateEvent(text(event, "account", where, RejectReason.INVALID_ENVELOPE),
                text(event, "region", where, RejectReason.INVALID_ENVELOPE), instanceId, state,
                instant(event, "time", where, RejectReason.INVALID_ENVELOPE),
                text(event, "id", where, RejectReason.INVALID_ENVELOPE));
    }

    private Optional<InstanceTagsEvent> tagsEvent(JsonNode event) {
        JsonNode detail = object(event, "detail", "CloudTrail event", RejectReason.INVALID_ENVELOPE);
        String call = detail.path("eventName").asText();
        if (!"ec2.amazonaws.com".equals(detail.path("eventSource").asText())
                || !("CreateTags".equals(call) || "DeleteTags".equals(call))
                || detail.hasNonNull("errorCode")) {
            return Optional.empty();
        }
        String where = call + " event " + detail.path("eventID").asText("?");
        JsonNode params = object(detail, "requestParameters", where, RejectReason.INVALID_FIELD);
        List<String> instances = new ArrayList<>();
        for (JsonNode item : items(params, "resourcesSet", where)) {
            String id = text(item, "resourceId", where + " requestParameters.resourcesSet.items[]",
                    RejectReason.INVALID_FIELD);
            if (id.startsWith("i-")) {
                instances.add(id);
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        boolean deleted = "DeleteTags".equals(call);
        for (JsonNode item : items(params, "tagSet", where)) {
            String key = text(item, "key", where + " requestParameters.tagSet.items[]", RejectReason.INVALID_FIELD);
            tags.put(key, deleted ? "" : item.path("value").asText(""));
        }
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        String account = detail.hasNonNull("recipientAccountId") ? detail.get("recipientAccountId").asText()
                : text(event, "account", where, RejectReason.INVALID_ENVELOPE);
        String region = detail.hasNonNull("awsRegion") ? detail.get("awsRegion").asText()
                : text(event, "region", where, RejectReason.INVALID_ENVELOPE);
        return Optional.of(new InstanceTagsEvent(account, region, instances, tags,
                instant(detail, "eventTime", where, RejectReason.INVALID_FIELD),
                text(detail, "eventID", where, RejectReason.INVALID_FIELD)));
    }

    private static List<JsonNode> items(JsonNode params, String set, String where) {
        JsonNode items = params.path(set).path("items");
        if (!items.isArray()) {
            throw new MalformedEventException(RejectReason.INVALID_FIELD,
                    where + ": field 'requestParameters." + set + ".items' is missing or not an array");
        }
        List<JsonNode> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }

    private static JsonNode object(JsonNode node, String field, String where, RejectReason reason) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new MalformedEventException(reason, where + ": field '" + field + "' is missing or not an object");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where, RejectReason reason) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException(reason,
                    where + ": field '" + field + "' is missing or not a non-empty string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field, String where, RejectReason reason) {
        String value = text(node, field, where, reason);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(reason,
                    where + ": field '" + field + "' is not an ISO-8601 instant: '" + value + "'", "", e);
        }
    }
}
