package io.zonebridge.reverse;

import io.zonebridge.intake.MalformedEventException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.intake.RejectReason;
import io.zonebridge.model.AliasTarget;
import io.zonebridge.plan.ChangeAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static io.zonebridge.reverse.AwsEventFixtures.JSON;
import static io.zonebridge.reverse.AwsEventFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudTrailEventParserTest {

    private final CloudTrailEventParser parser = new CloudTrailEventParser();

    private Route53ChangeEvent event(String fixture) {
        return assertInstanceOf(Route53ChangeEvent.class, parser.parse(read(fixture)));
    }

    @Test
    void scheduledEventsAreToldApartPlainOrSnsWrapped() throws Exception {
        String scheduled = AwsEventFixtures.read("events/scheduled_event.json");
        assertTrue(parser.isScheduledEvent(scheduled));
        String wrapped = AwsEventFixtures.JSON.writeValueAsString(java.util.Map.of("Type", "Notification",
                "MessageId", "m-1", "Message", scheduled));
        assertTrue(parser.isScheduledEvent(wrapped));
        assertFalse(parser.isScheduledEvent(AwsEventFixtures.read("route53/r53_a_delete.json")));
        assertFalse(parser.isScheduledEvent(scheduled.replace("\"aws.events\"", "\"aws.route53\"")));
        assertFalse(parser.isScheduledEvent("{not json"), "malformed: left to parse(), which dead-letters it");
        assertFalse(parser.isScheduledEvent(""));
        assertFalse(parser.isScheduledEvent("[1]"));
    }

    @Test
    void createWithTwoValues() {
        Route53ChangeEvent event = event("route53/r53_a_create_two_values_private_zone.json");
        assertEquals("123456789012", event.account());
        assertEquals("us-east-1", event.region());
        assertEquals("a3b06029-5346-433e-95ec-f507f76468bb", event.eventId());
        assertEquals(Instant.parse("2024-05-14T13:05:12Z"), event.time());
        assertEquals("Z0EXAMPLEPRIVFWD00001", event.hostedZoneId());
        assertEquals("Add web pool", event.comment());
        assertNull(event.errorCode());
        assertEquals(new CallerIdentity("AssumedRole",
                "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_NetworkAdmin_0123456789abcdef/jane.doe@example.com",
                "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_NetworkAdmin_0123456789abcdef",
                "jane.doe@example.com"), event.caller());
        assertEquals(List.of(new RecordChange(ChangeAction.CREATE, "web.internal.example.com.", "A", null, 300L,
                List.of("10.0.1.25", "10.0.1.26"), null)), event.changes());
    }

    @Test
    void deleteWithoutTrailingDotAndWithoutComment() {
        Route53ChangeEvent event = event("route53/r53_a_delete.json");
        assertNull(event.comment());
        assertEquals("i-0abc1234def567890", event.caller().sessionName());
        assertEquals("arn:aws:iam::123456789012:role/ops-scripts-instance-role", event.caller().issuerArn());
        assertEquals(List.of(new RecordChange(ChangeAction.DELETE, "old-batch.internal.example.com.", "A", null, 300L,
                List.of("10.0.2.40"), null)), event.changes());
    }

    @Test
    void upsertCarriesOnlyTheNewValue() {
        Route53ChangeEvent event = event("route53/r53_a_upsert_ip_change.json");
        assertEquals(List.of(new RecordChange(ChangeAction.UPSERT, "db.internal.example.com.", "A", null, 300L,
                List.of("10.0.4.16"), null)), event.changes());
    }

    @Test
    void weightedSetKeepsItsSetIdentifier() {
        Route53ChangeEvent event = event("route53/r53_weighted_a_upsert.json");
        assertEquals(List.of(new RecordChange(ChangeAction.UPSERT, "svc.internal.example.com.", "A", "blue", 60L,
                List.of("10.0.3.10"), null)), event.changes());
        assertEquals("IAMUser", event.caller().type());
        assertNull(event.caller().sessionName());
        assertNull(event.caller().issuerArn());
    }

    @Test
    void mixedBatchKeepsEveryChangeInOrder() {
        Route53ChangeEvent event = event("route53/r53_batch_mixed_a_aaaa_cname_txt_alias.json");
        assertEquals(List.of(
                new RecordChange(ChangeAction.CREATE, "api.internal.example.com.", "A", null, 300L,
                        List.of("10.0.1.30"), null),
                new RecordChange(ChangeAction.CREATE, "api.internal.example.com.", "AAAA", null, 300L,
                        List.of("2001:db8:1234:1a00::30"), null),
                new RecordChange(ChangeAction.UPSERT, "www.internal.example.com.", "CNAME", null, 300L,
                        List.of("web.internal.example.com."), null),
                new RecordChange(ChangeAction.CREATE, "_owner.api.internal.example.com.", "TXT", null, 300L,
                        List.of("\"team=platform\"", "\"ticket=OPS-1234\""), null),
                new RecordChange(ChangeAction.CREATE, "app.internal.example.com.", "A", null, null, List.of(),
                        new AliasTarget("Z0EXAMPLEELBCANON0003",
                                "dualstack.internal-app-alb-1234567890.us-east-1.elb.amazonaws.com.", true))),
                event.changes());
    }

    @Test
    void failedCallIsIgnoredWithItsErrorCode() {
        IgnoredMessage ignored = assertInstanceOf(IgnoredMessage.class,
                parser.parse(read("route53/r53_failed_invalid_change_batch.json")));
        assertEquals(IgnoreReason.FAILED_CALL, ignored.reason());
        assertTrue(ignored.detail().contains("InvalidChangeBatch"), ignored.detail());
    }

    @Test
    void failedCallIsIgnoredBeforeItsInvalidChangesAreRead() throws Exception {
        for (String value : List.of("999.1.2.3", "")) {
            ObjectNode event = fixture("route53/r53_failed_invalid_change_batch.json");
            ((ObjectNode) event.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/resourceRecords/0"))
                    .put("value", value);
            ((ObjectNode) event.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet"))
                    .put("name", "a..internal.example.com").put("type", "NOPE");
            ((ObjectNode) event.get("detail")).remove("eventTime");
            assertEquals(IgnoreReason.FAILED_CALL,
                    assertInstanceOf(IgnoredMessage.class, parser.parse(event.toString())).reason());
        }
    }

    @Test
    void invalidValueNameAndTypeSayWhatAndWhere() throws Exception {
        ObjectNode value = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) value.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/resourceRecords/0"))
                .put("value", "999.1.2.3");
        MalformedEventException e = assertMalformed(value.toString(),
                "/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/resourceRecords/0/value",
                "999.1.2.3");
        assertEquals(RejectReason.INVALID_VALUE, e.reason());
        assertTrue(e.getMessage().contains("not an IPv4 address"), e.getMessage());

        ObjectNode name = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) name.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet"))
                .put("name", "x".repeat(70) + ".internal.example.com.");
        assertEquals(RejectReason.INVALID_NAME, assertMalformed(name.toString(),
                "/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/name", "label").reason());

        ObjectNode empty = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) empty.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet"))
                .put("name", "web..internal.example.com.");
        assertEquals(RejectReason.INVALID_NAME, assertMalformed(empty.toString(),
                "/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/name", "empty label").reason());

        ObjectNode type = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) type.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet")).put("type", "AX");
        assertEquals(RejectReason.UNKNOWN_TYPE, assertMalformed(type.toString(),
                "/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/type",
                "not a Route 53 record type").reason());
    }

    @Test
    void selfEchoIsParsedWithItsRoleAndSession() {
        Route53ChangeEvent event = event("route53/r53_self_echo_ptr_reverse_zone.json");
        assertEquals("Z0EXAMPLEPRIVREV00002", event.hostedZoneId());
        assertEquals("r53-automation", event.caller().sessionName());
        assertEquals("arn:aws:iam::123456789012:role/r53-automation-lambda-role", event.caller().issuerArn());
        assertEquals(List.of(new RecordChange(ChangeAction.UPSERT, "25.1.0.10.in-addr.arpa.", "PTR", null, 60L,
                List.of("web.internal.example.com."), null)), event.changes());
    }

    @Test
    void snsWrappedBodyEqualsTheDirectBody() {
        Route53ChangeEvent direct = event("sqs/body_eventbridge_direct_r53_a_create.json");
        Route53ChangeEvent wrapped = event("sqs/body_sns_wrapped_r53_a_create.json");
        assertEquals(direct, wrapped);
        assertEquals(event("route53/r53_a_create_two_values_private_zone.json"), direct);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqs/cli_receive_message_eventbridge_direct_r53_a_create.json",
            "sqs/cli_receive_message_sns_wrapped_r53_a_create.json"})
    void bodiesAsTheCliPrintsThem(String fixture) throws Exception {
        String body = JSON.readTree(read(fixture)).at("/Messages/0/Body").textValue();
        assertEquals(event("route53/r53_a_create_two_values_private_zone.json"), parser.parse(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqs/lambda_sqs_event_eventbridge_direct_r53_a_create.json",
            "sqs/lambda_sqs_event_sns_wrapped_r53_a_create.json"})
    void bodiesAsLambdaReceivesThem(String fixture) throws Exception {
        String body = JSON.readTree(read(fixture)).at("/Records/0/body").textValue();
        assertEquals(event("route53/r53_a_create_two_values_private_zone.json"), parser.parse(body));
    }

    @Test
    void otherEventsAreRecognisedAndIgnored() {
        IgnoredMessage scheduled = assertInstanceOf(IgnoredMessage.class, parser.parse(read("events/scheduled_event.json")));
        assertEquals(IgnoreReason.NOT_ROUTE53, scheduled.reason());
        assertEquals("6aef76c6-cb35-4f6f-baf9-c6e9881c902b", scheduled.eventId());
        IgnoredMessage ec2 = assertInstanceOf(IgnoredMessage.class, parser.parse(read("ec2/ec2_state_running.json")));
        assertEquals(IgnoreReason.NOT_ROUTE53, ec2.reason());
        assertTrue(ec2.detail().contains("EC2 Instance State-change Notification"), ec2.detail());
    }

    @Test
    void otherRoute53CallsAreIgnored() throws Exception {
        ObjectNode event = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) event.get("detail")).put("eventName", "CreateHostedZone");
        IgnoredMessage ignored = assertInstanceOf(IgnoredMessage.class, parser.parse(event.toString()));
        assertEquals(IgnoreReason.NOT_CHANGE_RECORD_SETS, ignored.reason());
        assertTrue(ignored.detail().contains("CreateHostedZone"));
    }

    @Test
    void tolerantSpellingsPrefixedZoneIdAndUpperCaseNames() throws Exception {
        ObjectNode event = fixture("route53/r53_a_create_two_values_private_zone.json");
        ObjectNode request = (ObjectNode) event.at("/detail/requestParameters");
        request.put("hostedZoneId", "/hostedzone/Z0EXAMPLEPRIVFWD00001");
        ObjectNode set = (ObjectNode) request.at("/changeBatch/changes/0/resourceRecordSet");
        set.set("TTL", set.remove("tTL"));
        set.put("name", "WEB.Internal.Example.COM");
        Route53ChangeEvent parsed = assertInstanceOf(Route53ChangeEvent.class, parser.parse(event.toString()));
        assertEquals("Z0EXAMPLEPRIVFWD00001", parsed.hostedZoneId());
        assertEquals(300L, parsed.changes().get(0).ttl());
        assertEquals("web.internal.example.com.", parsed.changes().get(0).name());
    }

    // ---- malformed bodies: clear errors with the pointer, never a NullPointerException ----

    @Test
    void truncatedJson() {
        String body = read("sqs/body_eventbridge_direct_r53_a_create.json");
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> parser.parse(body.substring(0, body.length() / 2)));
        assertTrue(e.getMessage().startsWith("SQS message body is not valid JSON (line 1, column "), e.getMessage());
        assertEquals("", e.pointer());
    }

    @Test
    void truncatedJsonInsideTheSnsMessage() throws Exception {
        ObjectNode sns = fixture("sqs/body_sns_wrapped_r53_a_create.json");
        String message = sns.get("Message").textValue();
        sns.put("Message", message.substring(0, 100));
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> parser.parse(sns.toString()));
        assertEquals("/Message", e.pointer());
        assertTrue(e.getMessage().startsWith("SNS notification field /Message is not valid JSON"), e.getMessage());
    }

    @Test
    void emptyAndNonObjectBodies() {
        assertEquals("SQS message body is empty",
                assertThrows(MalformedEventException.class, () -> parser.parse("  ")).getMessage());
        assertEquals("SQS message body should be a JSON object but is array",
                assertThrows(MalformedEventException.class, () -> parser.parse("[1,2]")).getMessage());
        assertThrows(MalformedEventException.class, () -> parser.parse("{} trailing"));
    }

    @Test
    void missingDetail() throws Exception {
        ObjectNode event = fixture("route53/r53_a_create_two_values_private_zone.json");
        event.remove("detail");
        assertMalformed(event.toString(), "/detail", "is missing");
    }

    @Test
    void missingDetailInsideSnsMessageSaysSo() throws Exception {
        ObjectNode event = fixture("route53/r53_a_create_two_values_private_zone.json");
        event.remove("detail");
        ObjectNode sns = fixture("sqs/body_sns_wrapped_r53_a_create.json");
        sns.put("Message", event.toString());
        MalformedEventException e = assertMalformed(sns.toString(), "/detail", "is missing");
        assertTrue(e.getMessage().contains("inside the SNS notification's Message"), e.getMessage());
    }

    @Test
    void missingDetailType() throws Exception {
        ObjectNode event = fixture("route53/r53_a_create_two_values_private_zone.json");
        event.remove("detail-type");
        assertMalformed(event.toString(), "/detail-type", "is missing");
    }

    @Test
    void missingEventId() throws Exception {
        ObjectNode event = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) event.get("detail")).remove("eventID");
        assertMalformed(event.toString(), "/detail/eventID", "is missing");
    }

    @Test
    void missingRecordName() throws Exception {
        ObjectNode event = fixture("route53/r53_batch_mixed_a_aaaa_cname_txt_alias.json");
        ((ObjectNode) event.at("/detail/requestParameters/changeBatch/changes/1/resourceRecordSet")).remove("name");
        assertMalformed(event.toString(),
                "/detail/requestParameters/changeBatch/changes/1/resourceRecordSet/name", "is missing");
    }

    @Test
    void wrongTypes() throws Exception {
        ObjectNode ttlAsText = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) ttlAsText.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet"))
                .put("tTL", "three hundred");
        assertMalformed(ttlAsText.toString(),
                "/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/tTL",
                "should be an integer but is string");

        ObjectNode changesAsObject = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) changesAsObject.at("/detail/requestParameters/changeBatch")).putObject("changes");
        assertMalformed(changesAsObject.toString(), "/detail/requestParameters/changeBatch/changes",
                "should be an array but is object");

        ObjectNode detailAsString = fixture("route53/r53_a_create_two_values_private_zone.json");
        detailAsString.put("detail", "oops");
        assertMalformed(detailAsString.toString(), "/detail", "should be an object but is string");

        ObjectNode valueAsNumber = fixture("route53/r53_a_create_two_values_private_zone.json");
        ((ObjectNode) valueAsNumber.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/resourceRecords/1"))
                .put("value", 10);
        assertMalformed(valueAsNumber.toString(),
                "/detail/requestParameters/changeBatch/changes/0/resourceRecordSet/resourceRecords/1/value",
                "should be a string but is number");
    }

    @Test
    void unknownActionAndBadTime() throws Exception {
        ObjectNode action = fixture("route53/r53_a_delete.json");
        ((ObjectNode) action.at("/detail/requestParameters/changeBatch/changes/0")).put("action", "REPLACE");
        assertMalformed(action.toString(), "/detail/requestParameters/changeBatch/changes/0/action",
                "expected CREATE, UPSERT or DELETE");

        ObjectNode time = fixture("route53/r53_a_delete.json");
        ((ObjectNode) time.get("detail")).put("eventTime", "May 14, 2024 1:21:47 PM");
        assertMalformed(time.toString(), "/detail/eventTime", "not an ISO-8601 instant");
    }

    @Test
    void missingRequestParametersOfASuccessfulCall() throws Exception {
        ObjectNode event = fixture("route53/r53_a_delete.json");
        ((ObjectNode) event.get("detail")).remove("requestParameters");
        assertMalformed(event.toString(), "/detail/requestParameters", "is missing");
    }

    @Test
    void failedCallWithoutRequestParametersIsIgnoredToo() throws Exception {
        ObjectNode event = fixture("route53/r53_failed_invalid_change_batch.json");
        ((ObjectNode) event.get("detail")).putNull("requestParameters");
        assertEquals(IgnoreReason.FAILED_CALL,
                assertInstanceOf(IgnoredMessage.class, parser.parse(event.toString())).reason());
    }

    @Test
    void recordSetWithoutValuesOrAlias() throws Exception {
        ObjectNode event = fixture("route53/r53_a_delete.json");
        ((ObjectNode) event.at("/detail/requestParameters/changeBatch/changes/0/resourceRecordSet"))
                .remove("resourceRecords");
        assertMalformed(event.toString(), "/detail/requestParameters/changeBatch/changes/0/resourceRecordSet",
                "has neither resourceRecords nor aliasTarget");
    }

    private MalformedEventException assertMalformed(String body, String pointer, String problem) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> parser.parse(body));
        assertEquals(pointer, e.pointer(), e.getMessage());
        assertTrue(e.getMessage().contains(pointer.isEmpty() ? "" : EventNode.path(pointer))
                && e.getMessage().contains(problem), e.getMessage());
        return e;
    }

    private static ObjectNode fixture(String path) throws Exception {
        JsonNode node = JSON.readTree(read(path));
        return (ObjectNode) node;
    }
}
