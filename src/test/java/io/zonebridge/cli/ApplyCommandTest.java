package io.zonebridge.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code zonebridge plan --zone} and {@code apply} against the local Route 53 over HTTP, through the real SDK. */
class ApplyCommandTest {

    private static final String DESIRED = "src/test/resources/cli/desired.zone";

    private LocalRoute53 route53;
    private Route53Client client;

    @BeforeEach
    void start() {
        route53 = new LocalRoute53();
        client = route53.client;
    }

    @AfterEach
    void stop() {
        route53.close();
    }

    private String createZone(String name, boolean privateZone) {
        return route53.createZone(name, privateZone);
    }

    private CommandRun run(String... args) {
        return route53.run(args);
    }

    private List<ResourceRecordSet> records(String zoneId) {
        return route53.records(zoneId);
    }

    @Test
    void applyMakesTheHostedZoneEqualToTheFileAndASecondRunHasNothingToDo() {
        String id = createZone("corp.example", false);
        CommandRun first = run("apply", "--from", DESIRED, "--zone", "corp.example");
        assertEquals(0, first.exitCode(), first.err() + first.out());
        assertTrue(first.out().contains("5 to create, 0 to update, 0 to delete in 1 batch"), first.out());
        assertTrue(first.out().contains("Applied 5 changes to " + id + " in 1 request"), first.out());
        assertTrue(first.out().contains("ChangeResourceRecordSets=1"), first.out());
        assertEquals(7, records(id).size(), "SOA, NS and the 5 record sets of the file");

        CommandRun second = run("plan", "--from", DESIRED, "--zone", id);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("No changes: the zone is in step."), second.out());
    }

    @Test
    void sameNamedPublicAndPrivateZonesMustBeToldApart() {
        String publicId = createZone("corp.example", false);
        String privateId = createZone("corp.example", true);
        CommandRun ambiguous = run("plan", "--from", DESIRED, "--zone", "corp.example");
        assertEquals(2, ambiguous.exitCode());
        assertTrue(ambiguous.err().contains("2 hosted zones are named corp.example.: "), ambiguous.err());
        assertTrue(ambiguous.err().contains("say --private or --public"), ambiguous.err());

        CommandRun applied = run("apply", "--from", DESIRED, "--zone", "corp.example", "--private");
        assertEquals(0, applied.exitCode(), applied.err());
        assertEquals(7, records(privateId).size());
        assertEquals(2, records(publicId).size(), "the public zone is untouched");

        CommandRun byVpc = run("plan", "--from", DESIRED, "--zone", "corp.example", "--vpc", "vpc-0abc1234def567890");
        assertEquals(0, byVpc.exitCode(), byVpc.err());
        assertTrue(byVpc.err().contains("hosted zone " + privateId + " (private)"), byVpc.err());
    }

    @Test
    void aPlanOverTheSafetyLimitIsRefusedUnlessForced(@TempDir Path dir) throws Exception {
        String id = createZone("big.example", false);
        Path full = dir.resolve("full.zone");
        Path half = dir.resolve("half.zone");
        Files.writeString(full, zoneWithHosts(20));
        Files.writeString(half, zoneWithHosts(10));
        assertEquals(0, run("apply", "--from", full.toString(), "--zone", id).exitCode());

        CommandRun refused = run("apply", "--from", half.toString(), "--zone", id);
        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().startsWith("refused: "), refused.err());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(22, records(id).size(), "nothing applied");

        CommandRun forced = run("apply", "--from", half.toString(), "--zone", id, "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(12, records(id).size());
    }

    private static String zoneWithHosts(int hosts) {
        StringBuilder zone = new StringBuilder("$ORIGIN big.example.\n$TTL 300\n"
                + "@ IN SOA ns1.big.example. hostmaster.big.example. 1 7200 900 1209600 300\n");
        for (int i = 1; i <= hosts; i++) {
            zone.append("host").append(i).append(" IN A 192.0.2.").append(i).append('\n');
        }
        return zone.toString();
    }

    @Test
    void aGroupRoute53RefusesIsReportedWhileTheRestIsApplied() {
        String id = createZone("corp.example", false);
        CommandRun run = run("apply", "--from", "src/test/resources/cli/conflict.zone", "--zone", id);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("failed: clash.corp.example. (2 changes): "), run.err());
        assertTrue(run.err().contains("CNAME"), "Route 53's own message: " + run.err());
        List<String> names = records(id).stream().map(ResourceRecordSet::name).toList();
        assertTrue(names.contains("www.corp.example.") && names.contains("new.corp.example."), names.toString());
        assertFalse(names.contains("clash.corp.example."), names.toString());
    }

    @Test
    void aRecordStoredInAnotherSpellingIsStillDeletedExactly() {
        String id = createZone("corp.example", false);
        client.changeResourceRecordSets(r -> r.hostedZoneId(id).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.CREATE)
                .resourceRecordSet(s -> s.name("sec.corp.example.").type(RRType.DS).ttl(300L)
                        .resourceRecords(v -> v.value("60485 5 1 2bb183af5f22588179a53b0a98631fad1a292118"))))));
        CommandRun run = run("apply", "--from", DESIRED, "--zone", id);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("to delete"), run.out());
        assertFalse(records(id).stream().anyMatch(s -> s.name().equals("sec.corp.example.")),
                "the DS stored with lower-case hex was deleted with its stored text");
    }
}
