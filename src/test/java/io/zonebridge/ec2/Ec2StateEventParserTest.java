package io.zonebridge.ec2;

import io.zonebridge.intake.MalformedEventException;
import io.zonebridge.intake.RejectReason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ec2StateEventParserTest {

    private final Ec2StateEventParser parser = new Ec2StateEventParser();

    @ParameterizedTest
    @CsvSource({
            "pending,       PENDING,       2024-05-14T12:58:41Z",
            "running,       RUNNING,       2024-05-14T12:58:57Z",
            "stopping,      STOPPING,      ",
            "stopped,       STOPPED,       ",
            "shutting-down, SHUTTING_DOWN, ",
            "terminated,    TERMINATED,    2024-05-14T18:31:12Z"})
    void everyStateFixtureParses(String file, InstanceState state, String time) {
        InstanceStateEvent e = (InstanceStateEvent) parser.parse(Fixtures.read("aws-events/ec2/ec2_state_" + file + ".json"))
                .orElseThrow();
        assertEquals("i-0abc1234def567890", e.instanceId());
        assertEquals(state, e.state());
        assertEquals("123456789012", e.account());
        assertEquals("us-east-1", e.region());
        assertTrue(e.eventId().length() > 10);
        if (time != null) {
            assertEquals(Instant.parse(time), e.time());
        }
    }

    @Test
    void snsWrappedEventIsUnwrapped() {
        Ec2Event wrapped = parser.parse(Fixtures.read("aws-events/ec2_sns/ec2_state_running_sns_wrapped.json")).orElseThrow();
        Ec2Event direct = parser.parse(Fixtures.read("aws-events/ec2/ec2_state_running.json")).orElseThrow();
        assertEquals(direct, wrapped);
    }

    @Test
    void createTagsGivesTheTaggedInstancesOnly() {
        InstanceTagsEvent e = (InstanceTagsEvent) parser.parse(
                Fixtures.read("aws-events/ec2_cloudtrail/ec2_createtags_instance.json")).orElseThrow();
        assertEquals(List.of("i-0abc1234def567890"), e.instanceIds());
        assertEquals(Map.of("ZONE", "internal.example.com.", "CNAME", "web.internal.example.com."), e.tags());
        assertEquals(Instant.parse("2024-05-14T12:59:20Z"), e.time());
        assertEquals("9e8d7c6b-5a49-4838-a726-150f4e3d2c1b", e.eventId());
    }

    @Test
    void deleteTagsGivesTheInstancesWithoutTags() {
        String body = Fixtures.read("aws-events/ec2_cloudtrail/ec2_createtags_instance.json")
                .replace("\"CreateTags\"", "\"DeleteTags\"");
        InstanceTagsEvent e = (InstanceTagsEvent) parser.parse(body).orElseThrow();
        assertEquals(List.of("i-0abc1234def567890"), e.instanceIds());
        assertEquals(Map.of("ZONE", "", "CNAME", ""), e.tags());
    }

    @Test
    void failedOrNonInstanceCreateTagsAndOtherEventsAreNotForUs() {
        String tags = Fixtures.read("aws-events/ec2_cloudtrail/ec2_createtags_instance.json");
        assertTrue(parser.parse(tags.replace("\"eventCategory\"",
                "\"errorCode\": \"Client.UnauthorizedOperation\", \"eventCategory\"")).isEmpty());
        assertTrue(parser.parse(tags.replace("\"i-0abc1234def567890\"", "\"sg-0abc1234def567890\"")).isEmpty());
        assertTrue(parser.parse(tags.replace("\"CreateTags\"", "\"RunInstances\"")).isEmpty());
        assertTrue(parser.parse("{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{}}").isEmpty());
    }

    @Test
    void malformedBodiesNameWhatIsWrong() {
        String running = Fixtures.read("aws-events/ec2/ec2_state_running.json");
        assertMessage("message body is not valid JSON", "{\"detail-type\": ");
        assertMessage("message body is empty", "  ");
        assertMessage("message body should be a JSON object but is array", "[1,2]");
        assertMessage("event: field 'detail-type' is missing", "{\"source\":\"aws.ec2\"}");
        assertMessage("field 'instance-id' is missing", running.replace("\"instance-id\"", "\"instance_id\""));
        assertMessage("field 'detail.state': unknown EC2 instance state 'rebooting'",
                running.replace("\"running\"", "\"rebooting\""));
        assertMessage("field 'time' is not an ISO-8601 instant: '14/05/2024'",
                running.replace("2024-05-14T12:58:57Z", "14/05/2024"));
        assertMessage("SNS notification field /Message is not valid JSON",
                "{\"Type\":\"Notification\",\"Message\":\"{oops\"}");
        String tags = Fixtures.read("aws-events/ec2_cloudtrail/ec2_createtags_instance.json");
        assertMessage("CreateTags event 9e8d7c6b-5a49-4838-a726-150f4e3d2c1b: field 'requestParameters.tagSet.items'",
                tags.replace("\"tagSet\"", "\"tags\""));
    }

    @Test
    void malformedBodiesSayWhichKindOfProblem() {
        String running = Fixtures.read("aws-events/ec2/ec2_state_running.json");
        assertReason(RejectReason.INVALID_JSON, "{\"detail-type\": ");
        assertReason(RejectReason.INVALID_JSON, "");
        assertReason(RejectReason.INVALID_ENVELOPE, "[1,2]");
        assertReason(RejectReason.INVALID_ENVELOPE, "{\"source\":\"aws.ec2\"}");
        assertReason(RejectReason.INVALID_ENVELOPE, running.replace("\"account\"", "\"acct\""));
        assertReason(RejectReason.INVALID_FIELD, running.replace("\"running\"", "\"rebooting\""));
        assertReason(RejectReason.INVALID_FIELD, running.replace("\"instance-id\"", "\"instance_id\""));
    }

    private void assertReason(RejectReason expected, String body) {
        assertEquals(expected, assertThrows(MalformedEventException.class, () -> parser.parse(body)).reason());
    }

    private void assertMessage(String expected, String body) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> parser.parse(body));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
