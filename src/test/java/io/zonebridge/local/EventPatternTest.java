package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EventBridge pattern matching, against the real CloudTrail-via-EventBridge fixture. */
class EventPatternTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode fixture() throws IOException {
        try (InputStream in = EventPatternTest.class.getResourceAsStream(
                "/aws-events/sqs/body_eventbridge_direct_r53_a_create.json")) {
            return JSON.readTree(in);
        }
    }

    private static boolean matches(String pattern) throws IOException {
        return EventPattern.parse(pattern).matches(fixture());
    }

    @Test
    void exactValuesNestedObjectsAndArraysAsOr() throws IOException {
        assertTrue(matches("{\"source\":[\"aws.route53\"],\"detail\":{\"eventName\":[\"ChangeResourceRecordSets\"]}}"));
        assertTrue(matches("{\"source\":[\"aws.ec2\",\"aws.route53\"]}"));
        assertFalse(matches("{\"source\":[\"aws.ec2\"]}"));
        assertFalse(matches("{\"detail\":{\"eventName\":[\"CreateHostedZone\"]}}"));
        assertTrue(matches("{\"detail\":{\"readOnly\":[false],\"managementEvent\":[true]}}"));
        assertTrue(matches("{\"detail\":{\"requestParameters\":{\"changeBatch\":{\"changes\":{\"action\":"
                + "[\"CREATE\"]}}}}}"), "a field of array elements matches when any element does");
        assertTrue(matches("{\"detail\":{\"requestParameters\":{\"changeBatch\":{\"changes\":{\"resourceRecordSet\":"
                + "{\"resourceRecords\":{\"value\":[\"10.0.1.26\"]}}}}}}}"));
        assertFalse(matches("{\"detail\":{\"nosuch\":{\"field\":[\"x\"]}}}"));
    }

    @Test
    void operators() throws IOException {
        assertTrue(matches("{\"detail\":{\"userAgent\":[{\"prefix\":\"aws-cli/\"}]}}"));
        assertFalse(matches("{\"detail\":{\"userAgent\":[{\"prefix\":\"Boto3\"}]}}"));
        assertTrue(matches("{\"detail\":{\"eventSource\":[{\"suffix\":\".amazonaws.com\"}]}}"));
        assertTrue(matches("{\"detail-type\":[{\"equals-ignore-case\":\"aws api call via cloudtrail\"}]}"));
        assertTrue(matches("{\"detail\":{\"eventName\":[{\"wildcard\":\"Change*Sets\"}]}}"));
        assertTrue(matches("{\"detail\":{\"eventName\":[{\"anything-but\":[\"DeleteHostedZone\",\"GetChange\"]}]}}"));
        assertFalse(matches("{\"detail\":{\"eventName\":[{\"anything-but\":\"ChangeResourceRecordSets\"}]}}"));
        assertFalse(matches("{\"detail\":{\"userAgent\":[{\"anything-but\":{\"prefix\":\"aws-cli\"}}]}}"));
        assertTrue(matches("{\"detail\":{\"errorCode\":[{\"exists\":false}]}}"));
        assertFalse(matches("{\"detail\":{\"errorCode\":[{\"exists\":true}]}}"));
        assertTrue(matches("{\"detail\":{\"eventID\":[{\"exists\":true}]}}"));
        assertFalse(matches("{\"detail\":{\"errorCode\":[{\"anything-but\":\"x\"}]}}"),
                "anything-but never matches a missing field");
        assertTrue(matches("{\"detail\":{\"requestParameters\":{\"changeBatch\":{\"changes\":{\"resourceRecordSet\":"
                + "{\"tTL\":[{\"numeric\":[\">\",60,\"<=\",300]}]}}}}}}"));
        assertFalse(matches("{\"detail\":{\"requestParameters\":{\"changeBatch\":{\"changes\":{\"resourceRecordSet\":"
                + "{\"tTL\":[{\"numeric\":[\"<\",300]}]}}}}}}"));
        assertTrue(matches("{\"detail\":{\"requestParameters\":{\"changeBatch\":{\"changes\":{\"resourceRecordSet\":"
                + "{\"tTL\":[300.0]}}}}}}"), "numbers compare by value");
        assertTrue(matches("{\"detail\":{\"sourceIPAddress\":[{\"cidr\":\"198.51.100.0/24\"}]}}"));
        assertFalse(matches("{\"detail\":{\"sourceIPAddress\":[{\"cidr\":\"10.0.0.0/8\"}]}}"));
    }

    @Test
    void invalidPatternsAreRefusedWithTheReason() {
        for (String bad : new String[]{"[]", "{}", "{\"source\":\"aws.route53\"}", "{\"source\":[{\"bogus\":1}]}",
                "{\"source\":[{\"numeric\":[\"~\",1]}]}", "{\"source\":[{\"exists\":\"yes\"}]}", "not json"}) {
            ServiceException e = assertThrows(ServiceException.class, () -> EventPattern.parse(bad), bad);
            assertEquals("InvalidEventPatternException", e.code());
            assertTrue(e.getMessage().startsWith("Event pattern is not valid. Reason: "), e.getMessage());
        }
    }
}
