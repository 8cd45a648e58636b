package io.zonebridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code zonebridge plan --from FILE --against FILE}: a table or JSON of the plan between two zone files. */
class PlanCommandFileTest {

    private static final String DESIRED = "src/test/resources/cli/desired.zone";
    private static final String CURRENT = "src/test/resources/cli/current.zone";

    @Test
    void printsATableWithEveryChangeAndTheBatchCount() {
        CommandRun run = CommandRun.of("plan", "--from", DESIRED, "--against", CURRENT);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Plan for corp.example. (5 managed record sets now)"), run.out());
        assertTrue(run.out().matches("(?s).*CREATE\\s+new\\.corp\\.example\\.\\s+A .*"), run.out());
        assertTrue(run.out().matches("(?s).*DELETE\\s+old\\.corp\\.example\\.\\s+A .*"), run.out());
        assertTrue(run.out().matches("(?s).*UPDATE\\s+www\\.corp\\.example\\.\\s+A .*192\\.0\\.2\\.1 -> .*192\\.0\\.2\\.1, 192\\.0\\.2\\.2.*"), run.out());
        assertTrue(run.out().matches("(?s).*UPDATE\\s+txt\\.corp\\.example\\.\\s+TXT .*"), run.out());
        assertTrue(run.out().contains("1 to create, 2 to update, 1 to delete in 1 batch"), run.out());
        assertTrue(!run.out().contains("mail.corp.example."), "MX differing only in case is no change: " + run.out());
        assertTrue(!run.out().contains(" SOA "), "apex SOA is never planned: " + run.out());
    }

    @Test
    void ignoreTtlLeavesTtlOnlyChangesAlone() {
        CommandRun run = CommandRun.of("plan", "--from", DESIRED, "--against", CURRENT, "--ignore-ttl");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 to create, 1 to update, 1 to delete"), run.out());
    }

    @Test
    void leaveAloneTakesNamesInAnySpelling() {
        CommandRun run = CommandRun.of("plan", "--from", DESIRED, "--against", CURRENT, "--leave-alone", "OLD.corp.example,*.Corp.Example");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("No changes: the zone is in step."), "every name lies below corp.example.: " + run.out());
        CommandRun one = CommandRun.of("plan", "--from", DESIRED, "--against", CURRENT, "--leave-alone", "OLD.corp.example");
        assertTrue(one.out().contains("1 to create, 2 to update, 0 to delete"), one.out());
    }

    @Test
    void upsertOnlyNeverDeletes() {
        CommandRun run = CommandRun.of("plan", "--from", DESIRED, "--against", CURRENT, "--policy", "upsert-only");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 to create, 2 to update, 0 to delete"), run.out());
    }

    @Test
    void printsJson() throws Exception {
        CommandRun run = CommandRun.of("plan", "--from", DESIRED, "--against", CURRENT, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("corp.example.", json.get("zone").asText());
        assertEquals(1, json.get("creates").asInt());
        assertEquals(2, json.get("updates").asInt());
        assertEquals(1, json.get("deletes").asInt());
        assertEquals(1, json.get("batches").asInt());
        JsonNode delete = json.get("changes").get(1);
        assertEquals("DELETE", delete.get("action").asText());
        assertEquals("old.corp.example.", delete.get("name").asText());
        assertEquals("192.0.2.9", delete.get("values").get(0).asText());
    }

    @Test
    void aZoneFileThatDoesNotParseIsRejectedWithFileLineAndReason() {
        CommandRun run = CommandRun.of("plan", "--from", "src/test/resources/cli/broken.zone", "--against", CURRENT);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("broken.zone:5:"), run.err());
        assertTrue(run.err().contains("192.0.2.999"), run.err());
        assertEquals("", run.out(), "nothing is planned");
    }

    @Test
    void needsEitherAgainstOrZone() {
        CommandRun run = CommandRun.of("plan", "--from", DESIRED);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("give exactly one of --against FILE or --zone NAME|ID"), run.err());
    }
}
