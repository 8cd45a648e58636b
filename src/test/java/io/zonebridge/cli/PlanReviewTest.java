package io.zonebridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan} for review ({@code --output}, names as written, the TTL once) and {@code apply --plan} of a saved
 * plan, against the local Route 53 through the real SDK, with someone else changing the zone in between.
 */
class PlanReviewTest {

    private static final String ZONE_FILE = """
            $ORIGIN corp.example.
            $TTL 300
            @      IN SOA ns1.corp.example. hostmaster.corp.example. 2 7200 900 1209600 300
                   IN NS  ns1.corp.example.
            *.dev  60 IN A 192.0.2.7
            www    IN A   192.0.2.1
            """;

    @TempDir
    Path dir;

    private LocalRoute53 route53;
    private String zoneId;
    private Path desired;

    @BeforeEach
    void start() throws Exception {
        route53 = new LocalRoute53();
        zoneId = route53.createZone("corp.example", false);
        route53.upsert(zoneId, "*.dev.corp.example.", RRType.A, 300, "192.0.2.7");
        desired = dir.resolve("corp.zone");
        Files.writeString(desired, ZONE_FILE);
    }

    @AfterEach
    void stop() {
        route53.close();
    }

    @Test
    void planShowsNamesAsWrittenAndTheTtlOnce() {
        CommandRun run = route53.run("plan", "--from", desired.toString(), "--zone", zoneId);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("\\052"), run.out());
        String update = line(run.out(), "UPDATE");
        assertTrue(update.matches("UPDATE\\s+\\*\\.dev\\.corp\\.example\\.\\s+A\\s+-\\s+300 -> 60\\s+192\\.0\\.2\\.7"), update);
        String create = line(run.out(), "CREATE");
        assertTrue(create.matches("CREATE\\s+www\\.corp\\.example\\.\\s+A\\s+-\\s+300\\s+192\\.0\\.2\\.1"), create);
        assertEquals(1, create.split("300", -1).length - 1, "the TTL once: " + create);
        assertTrue(run.out().contains("1 to create, 1 to update, 0 to delete in 1 batch"), run.out());
    }

    @Test
    void markdownIsATableForAPullRequest() {
        CommandRun run = route53.run("plan", "--from", desired.toString(), "--zone", zoneId, "--output", "markdown");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("### Plan for `corp.example.` in hosted zone " + zoneId, lines.get(0));
        assertTrue(lines.contains("| Action | Name | Type | Set id | TTL | Values |"), run.out());
        assertTrue(lines.contains("|---|---|---|---|---|---|"), run.out());
        assertTrue(lines.contains("| UPDATE | `*.dev.corp.example.` | A | - | 300 -> 60 | `192.0.2.7` |"), run.out());
        assertTrue(lines.contains("| CREATE | `www.corp.example.` | A | - | 300 | `192.0.2.1` |"), run.out());
        assertTrue(lines.contains("**1 to create, 1 to update, 0 to delete in 1 batch**"), run.out());
    }

    @Test
    void jsonIsThePlanDocumentAndJsonIsItsAlias() throws Exception {
        CommandRun output = route53.run("plan", "--from", desired.toString(), "--zone", zoneId, "--output", "json");
        CommandRun alias = route53.run("plan", "--from", desired.toString(), "--zone", zoneId, "--json");
        assertEquals(0, output.exitCode(), output.err());
        assertEquals(output.out(), alias.out());
        JsonNode json = new ObjectMapper().readTree(output.out());
        assertEquals(PlanFile.FORMAT, json.get("format").asText());
        assertEquals(zoneId, json.get("hostedZoneId").asText());
        assertTrue(json.get("zoneFingerprint").asText().matches("sha256:[0-9a-f]{64}"), json.toString());
        JsonNode update = json.get("changes").get(0);
        assertEquals("UPDATE", update.get("action").asText());
        assertEquals(60, update.get("ttl").asInt());
        assertEquals(300, update.get("previous").get("ttl").asInt());
    }

    @Test
    void aSavedPlanIsAppliedWhenTheZoneIsUnchanged() {
        Path saved = dir.resolve("reviewed.json");
        CommandRun plan = route53.run("plan", "--from", desired.toString(), "--zone", zoneId, "--save", saved.toString());
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.err().contains("plan saved to " + saved), plan.err());

        CommandRun apply = route53.run("apply", "--plan", saved.toString());
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        assertTrue(apply.out().contains("Applied 3 changes to " + zoneId + " in 1 request"), apply.out());
        ResourceRecordSet wildcard = set("\\052.dev.corp.example.");
        assertEquals(60L, wildcard.ttl());
        assertEquals("192.0.2.1", set("www.corp.example.").resourceRecords().get(0).value());

        CommandRun again = route53.run("plan", "--from", desired.toString(), "--zone", zoneId);
        assertTrue(again.out().contains("No changes: the zone is in step."), again.out());
    }

    @Test
    void aSavedPlanIsRefusedWhenASetItTouchesChangedAndNothingIsApplied() {
        Path saved = save();
        route53.upsert(zoneId, "*.dev.corp.example.", RRType.A, 300, "192.0.2.99");
        List<ResourceRecordSet> before = route53.records(zoneId);

        CommandRun apply = route53.run("apply", "--plan", saved.toString());
        assertEquals(3, apply.exitCode(), apply.out() + apply.err());
        assertTrue(apply.err().startsWith("refused: hosted zone " + zoneId + " (corp.example.) changed since the plan"
                + " was made"), apply.err());
        assertTrue(apply.err().contains("changed since: *.dev.corp.example. A;"), apply.err());
        assertTrue(apply.err().contains("nothing applied; make a new plan"), apply.err());
        assertEquals(before, route53.records(zoneId), "nothing changed");
    }

    @Test
    void aSavedPlanIsRefusedWhenAnyOtherSetOfTheZoneChanged() {
        Path saved = save();
        route53.upsert(zoneId, "other.corp.example.", RRType.TXT, 300, "\"someone else\"");
        List<ResourceRecordSet> before = route53.records(zoneId);

        CommandRun apply = route53.run("apply", "--plan", saved.toString());
        assertEquals(3, apply.exitCode(), apply.out() + apply.err());
        assertTrue(apply.err().contains("no record set the plan touches changed, but others did"), apply.err());
        assertEquals(before, route53.records(zoneId), "nothing changed");
    }

    @Test
    void route53ItselfRefusesTheVerifiedBatchesOfAStalePlan() {
        Path saved = save();
        route53.upsert(zoneId, "*.dev.corp.example.", RRType.A, 300, "192.0.2.99");
        List<ResourceRecordSet> before = route53.records(zoneId);
        Route53ClientFactory factory = new Route53ClientFactory().endpoint(URI.create(route53.endpoint()))
                .rateLimiter(new AccountRateLimiter(5)).credentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalRoute53.ACCOUNT_KEY, "x")));
        try (Route53Client client = factory.create()) {
            SavedPlan.Sent sent = new SavedPlan(PlanFile.read(saved)).send(new SdkRoute53Gateway(client, factory.callCounter()));
            assertFalse(sent.complete());
            assertEquals(1, sent.refusedBatch());
            assertEquals(0, sent.appliedChanges());
            assertTrue(sent.refusal().contains("Tried to delete resource record set"), sent.refusal());
        }
        assertEquals(before, route53.records(zoneId), "nothing changed");
    }

    @Test
    void aPlanFileThatIsNoPlanIsABadInput() throws Exception {
        Path bogus = dir.resolve("bogus.json");
        Files.writeString(bogus, "{\"zone\": \"corp.example.\"}");
        CommandRun run = route53.run("apply", "--plan", bogus.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: " + bogus + ": not a zonebridge plan (format is not " + PlanFile.FORMAT + ")",
                run.err().strip());

        CommandRun both = route53.run("apply", "--plan", bogus.toString(), "--zone", zoneId);
        assertEquals(2, both.exitCode(), both.err());
        assertTrue(both.err().startsWith("error: --plan FILE names its hosted zone and changes"), both.err());

        CommandRun againstFile = CommandRun.of("plan", "--from", desired.toString(), "--against", desired.toString(),
                "--save", dir.resolve("x.json").toString());
        assertEquals(2, againstFile.exitCode(), againstFile.err());
        assertTrue(againstFile.err().startsWith("error: --save needs --zone"), againstFile.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    private Path save() {
        Path saved = dir.resolve("reviewed.json");
        CommandRun plan = route53.run("plan", "--from", desired.toString(), "--zone", zoneId, "--save", saved.toString(),
                "--output", "markdown");
        assertEquals(0, plan.exitCode(), plan.err());
        return saved;
    }

    private ResourceRecordSet set(String name) {
        return route53.records(zoneId).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(out)).strip();
    }
}
