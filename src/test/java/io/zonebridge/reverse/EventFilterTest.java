package io.zonebridge.reverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.zonebridge.reverse.AwsEventFixtures.JSON;
import static io.zonebridge.reverse.AwsEventFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EventFilterTest {

    private static final OwnChangeRules AUTOMATION = new OwnChangeRules(
            List.of("arn:aws:iam::*:role/r53-automation-*"), Set.of(), "zonebridge:");

    private final CloudTrailEventParser parser = new CloudTrailEventParser();

    private FilterDecision decide(EventFilter filter, String body) {
        return filter.decide(parser.parse(body));
    }

    private FilterDecision.Ignored ignored(EventFilter filter, String fixture) {
        return assertInstanceOf(FilterDecision.Ignored.class, decide(filter, read(fixture)));
    }

    @Test
    void successfulAddressChangesAreAccepted() {
        EventFilter filter = new EventFilter(AUTOMATION);
        for (String fixture : List.of("route53/r53_a_create_two_values_private_zone.json", "route53/r53_a_delete.json",
                "route53/r53_a_upsert_ip_change.json", "route53/r53_weighted_a_upsert.json",
                "sqs/body_sns_wrapped_r53_a_create.json")) {
            FilterDecision.Accepted accepted = assertInstanceOf(FilterDecision.Accepted.class,
                    decide(filter, read(fixture)), fixture);
            assertEquals(1, accepted.addressChanges().size(), fixture);
            assertEquals(0, accepted.aliasChangesSkipped());
        }
        assertEquals(0L, filter.counts().snapshot().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void mixedBatchKeepsAandAaaaAndCountsTheAlias() {
        EventFilter filter = new EventFilter(AUTOMATION);
        FilterDecision.Accepted accepted = assertInstanceOf(FilterDecision.Accepted.class,
                decide(filter, read("route53/r53_batch_mixed_a_aaaa_cname_txt_alias.json")));
        assertEquals(List.of("A", "AAAA"), accepted.addressChanges().stream().map(RecordChange::type).toList());
        assertEquals(1, accepted.aliasChangesSkipped());
        assertEquals(1, filter.counts().aliasChangesSkipped());
    }

    @Test
    void failedCallIsIgnored() {
        EventFilter filter = new EventFilter(AUTOMATION);
        FilterDecision.Ignored ignored = ignored(filter, "route53/r53_failed_invalid_change_batch.json");
        assertEquals(IgnoreReason.FAILED_CALL, ignored.reason());
        assertEquals("111c3be7-0f79-4224-890d-7ba7d6df2544", ignored.eventId());
        assertEquals(1, filter.counts().count(IgnoreReason.FAILED_CALL));
    }

    @Test
    void ownEchoIsRecognisedByTheRoleArn() {
        EventFilter filter = new EventFilter(AUTOMATION);
        assertEquals(IgnoreReason.OWN_CHANGE, ignored(filter, "route53/r53_self_echo_ptr_reverse_zone.json").reason());
        assertEquals(1, filter.counts().count(IgnoreReason.OWN_CHANGE));
    }

    @Test
    void ownEchoIsRecognisedByTheSessionName() {
        EventFilter filter = new EventFilter(new OwnChangeRules(List.of(), Set.of("r53-automation"), null));
        assertEquals(IgnoreReason.OWN_CHANGE, ignored(filter, "route53/r53_self_echo_ptr_reverse_zone.json").reason());
        // the SSO user's session is not ours
        assertInstanceOf(FilterDecision.Accepted.class,
                decide(filter, read("route53/r53_a_create_two_values_private_zone.json")));
    }

    @Test
    void ownChangeIsRecognisedByTheCommentMarker() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(read("route53/r53_a_upsert_ip_change.json"));
        ((ObjectNode) event.at("/detail/requestParameters/changeBatch")).put("comment", "zonebridge: reverse sync");
        EventFilter filter = new EventFilter(AUTOMATION);
        assertEquals(IgnoreReason.OWN_CHANGE,
                assertInstanceOf(FilterDecision.Ignored.class, decide(filter, event.toString())).reason());
        ((ObjectNode) event.at("/detail/requestParameters/changeBatch")).put("comment", "not zonebridge: manual");
        assertInstanceOf(FilterDecision.Accepted.class, decide(filter, event.toString()));
    }

    @Test
    void withoutOwnRulesTheEchoIsStillIgnoredForItsPtrOnlyBatch() {
        EventFilter filter = new EventFilter(OwnChangeRules.NONE);
        assertEquals(IgnoreReason.NO_ADDRESS_RECORDS,
                ignored(filter, "route53/r53_self_echo_ptr_reverse_zone.json").reason());
    }

    @Test
    void aliasOnlyBatchIsIgnoredWithACount() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(read("route53/r53_batch_mixed_a_aaaa_cname_txt_alias.json"));
        com.fasterxml.jackson.databind.node.ArrayNode changes =
                (com.fasterxml.jackson.databind.node.ArrayNode) event.at("/detail/requestParameters/changeBatch/changes");
        for (int i = 3; i >= 0; i--) {
            changes.remove(i);
        }
        EventFilter filter = new EventFilter(AUTOMATION);
        assertEquals(IgnoreReason.ALIAS_ONLY,
                assertInstanceOf(FilterDecision.Ignored.class, decide(filter, event.toString())).reason());
        assertEquals(1, filter.counts().count(IgnoreReason.ALIAS_ONLY));
        assertEquals(1, filter.counts().aliasChangesSkipped());
    }

    @Test
    void nonRoute53EventsAreCounted() {
        EventFilter filter = new EventFilter(AUTOMATION);
        assertEquals(IgnoreReason.NOT_ROUTE53, ignored(filter, "events/scheduled_event.json").reason());
        assertEquals(IgnoreReason.NOT_ROUTE53, ignored(filter, "ec2/ec2_state_running.json").reason());
        assertEquals(2, filter.counts().count(IgnoreReason.NOT_ROUTE53));
    }

    @Test
    void failureWinsOverOwnChange() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(read("route53/r53_self_echo_ptr_reverse_zone.json"));
        ((ObjectNode) event.get("detail")).put("errorCode", "Throttling");
        EventFilter filter = new EventFilter(AUTOMATION);
        assertEquals(IgnoreReason.FAILED_CALL,
                assertInstanceOf(FilterDecision.Ignored.class, decide(filter, event.toString())).reason());
    }

    @Test
    void principalGlobsMatchWholeArns() {
        Route53ChangeEvent echo = (Route53ChangeEvent) parser.parse(read("route53/r53_self_echo_ptr_reverse_zone.json"));
        assertEquals(true, new OwnChangeRules(List.of("*:role/r53-automation-lambda-role"), Set.of(), null).matches(echo));
        assertEquals(true, new OwnChangeRules(List.of("arn:aws:sts::123456789012:assumed-role/*/r53-automation"),
                Set.of(), null).matches(echo));
        assertEquals(false, new OwnChangeRules(List.of("arn:aws:iam::999999999999:role/*"), Set.of(), null).matches(echo));
        assertEquals(false, new OwnChangeRules(List.of("r53-automation-lambda-role"), Set.of(), null).matches(echo),
                "a glob without * must match the whole ARN");
        assertEquals(false, new OwnChangeRules(List.of("arn:aws:iam::123456789012:role/r53.automation-lambda-role"),
                Set.of(), null).matches(echo), "glob characters other than * are literal");
    }
}
