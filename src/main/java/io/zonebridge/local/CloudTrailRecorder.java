package io.zonebridge.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Emits what CloudTrail sends EventBridge for every ChangeResourceRecordSets call ("AWS API Call via CloudTrail",
 * source {@code aws.route53}) onto the default bus of the caller's account in us-east-1: accepted calls with
 * {@code responseElements.changeInfo}, refused ones with {@code errorCode}/{@code errorMessage} and
 * {@code responseElements: null}. Request members are recorded as sent (names with or without the dot).
 */
public final class CloudTrailRecorder {
    static final String REGION = "us-east-1";
    private static final DateTimeFormatter SUBMITTED_AT = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a",
            Locale.US).withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final EmulatorState state;
    private final EventRouter router;
    private final LongSupplier clock;

    /** A recorder publishing through {@code router}. */
    public CloudTrailRecorder(EmulatorState state, EventRouter router, LongSupplier clock) {
        this.state = state;
        this.router = router;
        this.clock = clock;
    }

    /**
     * One ChangeResourceRecordSets call as the client made it.
     *
     * @param caller       who called
     * @param hostedZoneId the zone id from the request path
     * @param body         the request body (null if it could not be read)
     * @param userAgent    the User-Agent header
     * @param host         the Host header
     * @param sourceIp     the client address
     * @param requestId    the request id answered
     */
    public record Call(Caller caller, String hostedZoneId, byte[] body, String userAgent, String host,
                       String sourceIp, String requestId) {
    }

    /** Records an accepted call whose response body is {@code responseXml}. */
    public void accepted(Call call, String responseXml) {
        Element info = RequestXml.required(RequestXml.parse(responseXml.getBytes(StandardCharsets.UTF_8),
                "ChangeResourceRecordSetsResponse"), "ChangeInfo");
        ObjectNode changeInfo = JSON.objectNode().put("status", RequestXml.text(info, "Status"))
                .put("id", RequestXml.text(info, "Id"));
        if (RequestXml.text(info, "Comment") != null) {
            changeInfo.put("comment", RequestXml.text(info, "Comment"));
        }
        changeInfo.put("submittedAt", SUBMITTED_AT.format(Instant.parse(RequestXml.text(info, "SubmittedAt"))));
        ObjectNode responseElements = JSON.objectNode();
        responseElements.set("changeInfo", changeInfo);
        publish(call, null, responseElements);
    }

    /** Records a call refused with {@code error}. */
    public void refused(Call call, ServiceException error) {
        publish(call, error, null);
    }

    private void publish(Call call, ServiceException error, ObjectNode responseElements) {
        Instant now = Instant.ofEpochMilli(clock.getAsLong()).truncatedTo(ChronoUnit.SECONDS);
        String account = call.caller().account();
        ObjectNode detail = JSON.objectNode().put("eventVersion", "1.11");
        detail.set("userIdentity", CallerIdentity.of(call.caller(), state).toCloudTrail());
        detail.put("eventTime", now.toString()).put("eventSource", "route53.amazonaws.com")
                .put("eventName", "ChangeResourceRecordSets").put("awsRegion", REGION)
                .put("sourceIPAddress", call.sourceIp()).put("userAgent", call.userAgent());
        if (error != null) {
            detail.put("errorCode", error.code()).put("errorMessage", error.getMessage());
        }
        detail.set("requestParameters", requestParameters(call));
        if (responseElements != null) {
            detail.set("responseElements", responseElements);
            detail.putObject("additionalEventData").put("Note", "Do not use to reconstruct hosted zone");
        } else {
            detail.putNull("responseElements");
        }
        detail.put("requestID", call.requestId()).put("eventID", UUID.randomUUID().toString())
                .put("readOnly", false).put("eventType", "AwsApiCall").put("apiVersion", "2013-04-01")
                .put("managementEvent", true).put("recipientAccountId", account).put("eventCategory", "Management");
        detail.putObject("tlsDetails").put("tlsVersion", "none").put("cipherSuite", "none")
                .put("clientProvidedHostHeader", call.host());
        ObjectNode event = JSON.objectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", "AWS API Call via CloudTrail").put("source", "aws.route53")
                .put("account", account).put("time", now.toString()).put("region", REGION);
        event.putArray("resources");
        event.set("detail", detail);
        router.publish(account, REGION, "default", event);
    }

    private static ObjectNode requestParameters(Call call) {
        ObjectNode parameters = JSON.objectNode().put("hostedZoneId", call.hostedZoneId());
        if (call.body() != null) {
            try {
                Element root = RequestXml.parse(call.body(), "ChangeResourceRecordSetsRequest");
                Element batch = RequestXml.child(root, "ChangeBatch");
                if (batch != null) {
                    parameters.set("changeBatch", CloudTrailJson.convert(batch));
                }
            } catch (ServiceException e) {
                // an unparsable body: CloudTrail keeps what it can, here the zone id
            }
        }
        return parameters;
    }
}
