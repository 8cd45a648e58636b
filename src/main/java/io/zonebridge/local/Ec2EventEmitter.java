package io.zonebridge.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Puts what EC2 sends EventBridge on the default bus of the instance's account and region: an
 * "EC2 Instance State-change Notification" (source {@code aws.ec2}) for every state an instance enters, and the
 * CloudTrail "AWS API Call via CloudTrail" events of accepted CreateTags and DeleteTags calls.
 */
public final class Ec2EventEmitter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final EventRouter router;
    private final EmulatorState state;
    private final LongSupplier clock;

    /** An emitter publishing through {@code router}. */
    public Ec2EventEmitter(EventRouter router, EmulatorState state, LongSupplier clock) {
        this.router = router;
        this.state = state;
        this.clock = clock;
    }

    /** The instance entered {@code newState}. */
    void stateChanged(String account, String region, String instanceId, Ec2InstanceState newState) {
        ObjectNode event = envelope("EC2 Instance State-change Notification", account, region);
        event.putArray("resources").add("arn:aws:ec2:" + region + ":" + account + ":instance/" + instanceId);
        event.putObject("detail").put("instance-id", instanceId).put("state", newState.wireName());
        router.publish(account, region, "default", event);
    }

    /**
     * An accepted CreateTags or DeleteTags call.
     *
     * @param eventName {@code CreateTags} or {@code DeleteTags}
     * @param tags      key → value as sent (null value: a DeleteTags key without a value)
     */
    void tagsCall(Caller caller, String region, String eventName, List<String> resources, Map<String, String> tags,
                  String requestId, String sourceIp, String userAgent) {
        String account = caller.account();
        ObjectNode event = envelope("AWS API Call via CloudTrail", account, region);
        event.putArray("resources");
        ObjectNode detail = event.putObject("detail").put("eventVersion", "1.09");
        detail.set("userIdentity", CallerIdentity.of(caller, state).toCloudTrail());
        detail.put("eventTime", event.get("time").asText()).put("eventSource", "ec2.amazonaws.com")
                .put("eventName", eventName).put("awsRegion", region).put("sourceIPAddress", sourceIp)
                .put("userAgent", userAgent);
        ObjectNode parameters = detail.putObject("requestParameters");
        ArrayNode resourceItems = parameters.putObject("resourcesSet").putArray("items");
        resources.forEach(id -> resourceItems.addObject().put("resourceId", id));
        ArrayNode tagItems = parameters.putObject("tagSet").putArray("items");
        tags.forEach((key, value) -> {
            ObjectNode tag = tagItems.addObject().put("key", key);
            if (value != null) {
                tag.put("value", value);
            }
        });
        detail.putObject("responseElements").put("requestId", requestId).put("_return", true);
        detail.put("requestID", requestId).put("eventID", UUID.randomUUID().toString()).put("readOnly", false)
                .put("eventType", "AwsApiCall").put("managementEvent", true).put("recipientAccountId", account)
                .put("eventCategory", "Management");
        router.publish(account, region, "default", event);
    }

    private ObjectNode envelope(String detailType, String account, String region) {
        Instant now = Instant.ofEpochMilli(clock.getAsLong()).truncatedTo(ChronoUnit.SECONDS);
        return JSON.objectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", detailType).put("source", "aws.ec2").put("account", account)
                .put("time", now.toString()).put("region", region);
    }
}
