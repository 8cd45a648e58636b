package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * EventBridge PutEvents: each valid entry becomes an event envelope (version, id, detail-type, source, account,
 * time, region, resources, detail) routed on its bus (the caller's, or the bus ARN given) by the
 * {@link EventRouter}; invalid entries are answered per entry, as EventBridge does.
 */
final class PutEventsOperation {
    private final ObjectMapper json = new ObjectMapper();
    private final EventRouter router;
    private final LongSupplier clock;

    PutEventsOperation(EventRouter router, LongSupplier clock) {
        this.router = router;
        this.clock = clock;
    }

    JsonNode putEvents(Caller caller, JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
            throw EventsValidation.validation("1 validation error detected: Value at 'entries' failed to satisfy "
                    + "constraint: Member must have length between 1 and 10");
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = json.createArrayNode();
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            String problem = entryProblem(entry);
            if (problem != null) {
                failed++;
                result.put("ErrorCode", problem.startsWith("Detail") ? "MalformedDetail" : "InvalidArgument")
                        .put("ErrorMessage", problem);
                continue;
            }
            ObjectNode event = envelope(caller, entry);
            result.put("EventId", event.get("id").asText());
            String busName = entry.path("EventBusName").asText("default");
            EventBusArn arn = EventBusArn.parse(busName);
            if (arn != null) {
                router.publish(arn.account(), arn.region(), arn.name(), event);
            } else {
                router.publish(caller.account(), caller.region(), busName, event);
            }
        }
        answer.put("FailedEntryCount", failed).set("Entries", results);
        return answer;
    }

    private String entryProblem(JsonNode entry) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            if (entry.path(field).asText("").isEmpty()) {
                return "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.";
            }
        }
        try {
            JsonNode detail = json.readTree(entry.get("Detail").asText());
            if (detail == null || !detail.isObject()) {
                return "Detail is malformed.";
            }
        } catch (IOException e) {
            return "Detail is malformed.";
        }
        return null;
    }

    private ObjectNode envelope(Caller caller, JsonNode entry) {
        ObjectNode event = json.createObjectNode();
        Instant time = entry.has("Time") ? Instant.ofEpochMilli((long) (entry.get("Time").asDouble() * 1000))
                : Instant.ofEpochMilli(clock.getAsLong());
        event.put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", entry.get("DetailType").asText()).put("source", entry.get("Source").asText())
                .put("account", caller.account()).put("time", time.truncatedTo(ChronoUnit.SECONDS)
                        .toString()).put("region", caller.region());
        ArrayNode resources = event.putArray("resources");
        entry.path("Resources").forEach(resources::add);
        try {
            event.set("detail", json.readTree(entry.get("Detail").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("detail was checked", e);
        }
        return event;
    }
}
