package io.zonebridge.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Event bodies for test instances, made from the real-shaped fixtures with the instance, time and id replaced. */
final class EventBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBodies() {
    }

    /** The state-change fixture for {@code state}, for the instance at the time. */
    static String state(String instanceId, String state, Instant time) {
        ObjectNode e = read("aws-events/ec2/ec2_state_" + state + ".json");
        e.put("id", UUID.randomUUID().toString());
        e.put("time", time.toString());
        ((ObjectNode) e.get("detail")).put("instance-id", instanceId);
        ArrayNode resources = e.putArray("resources");
        resources.add("arn:aws:ec2:us-east-1:123456789012:instance/" + instanceId);
        return e.toString();
    }

    /** The CreateTags fixture, tagging the instance with {@code tags} at the time. */
    static String createTags(String instanceId, Map<String, String> tags, Instant time) {
        ObjectNode e = read("aws-events/ec2_cloudtrail/ec2_createtags_instance.json");
        e.put("time", time.toString());
        ObjectNode detail = (ObjectNode) e.get("detail");
        detail.put("eventTime", time.toString());
        detail.put("eventID", UUID.randomUUID().toString());
        ObjectNode params = (ObjectNode) detail.get("requestParameters");
        ((ObjectNode) params.get("resourcesSet").get("items").get(0)).put("resourceId", instanceId);
        ArrayNode items = ((ObjectNode) params.get("tagSet")).putArray("items");
        tags.forEach((k, v) -> items.addObject().put("key", k).put("value", v));
        return e.toString();
    }

    /** A DeleteTags call (the CreateTags fixture renamed) removing the tag keys from the instance at the time. */
    static String deleteTags(String instanceId, List<String> keys, Instant time) {
        Map<String, String> noValues = new LinkedHashMap<>();
        keys.forEach(k -> noValues.put(k, ""));
        ObjectNode e = (ObjectNode) readTree(createTags(instanceId, noValues, time));
        ((ObjectNode) e.get("detail")).put("eventName", "DeleteTags");
        return e.toString();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(String path) {
        try {
            return (ObjectNode) JSON.readTree(Fixtures.read(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
