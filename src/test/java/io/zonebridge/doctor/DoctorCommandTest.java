package io.zonebridge.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonebridge.app.Route53Connection;
import io.zonebridge.cli.ZonebridgeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * {@code zonebridge doctor} on the command line: the text report, the JSON report, exit codes 0 (answers as
 * expected), 1 (problem found), 2 (bad input) and 4 (AWS not readable), against the emulator (Route 53, Resolver and EC2 on one endpoint).
 */
class DoctorCommandTest {
    private static DoctorWorld world;
    private static String vpc;

    @BeforeAll
    static void scenery() throws Exception {
        world = new DoctorWorld(Route53Connection.localCredentials());
        vpc = world.vpc("10.0.0.0/16");
        String zone = world.privateZone("10.in-addr.arpa", vpc);
        world.record(zone, "5.0.0.10.in-addr.arpa", RRType.PTR, "web.corp.example.");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Run doctor(String... options) {
        return doctorAsking("127.0.0.1:" + world.zoneDns().getPort(), options);
    }

    private static Run doctorAsking(String resolver, String... options) {
        List<String> args = new ArrayList<>(List.of("doctor"));
        args.addAll(List.of(options));
        args.addAll(List.of("--endpoint", world.endpoint(), "--resolver", resolver, "--timeout=2"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new ZonebridgeCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void textReportShowsTheShadowingRuleAndTheFix() {
        Run run = doctor("10.0.0.5", "--vpc", vpc);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("zonebridge doctor: 5.0.0.10.in-addr.arpa. PTR (10.0.0.5) in " + vpc), run.out());
        assertTrue(run.out().contains("=> autodefined reverse rule 0.10.in-addr.arpa."), run.out());
        assertTrue(run.out().contains("--autodefined-reverse-flag DISABLE"), run.out());
        assertTrue(run.out().contains("does not apply the VPC's Resolver rules"), run.out());
        assertTrue(run.out().contains("Result: PROBLEM (exit 1)"), run.out());
    }

    @Test
    void jsonReportIsForScripts() throws Exception {
        Run run = doctor("10.0.0.5", "--vpc", vpc, "--json");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals("5.0.0.10.in-addr.arpa.", report.path("query").path("name").asText());
        assertEquals("AUTODEFINED_REVERSE", report.path("winner").path("kind").asText());
        assertEquals("ANSWERED", report.path("outcome").asText(), run.out());
        assertEquals(false, report.path("asExpected").asBoolean(true), "web.corp.example. is not Resolver's own name");
        assertEquals(List.of("web.corp.example."), List.of(report.path("observed").path("values")
                .get(0).asText()));
        assertEquals(1, report.path("exitCode").asInt());
        assertTrue(report.path("findings").get(0).path("fix").asText().contains("DISABLE"), run.out());
    }

    @Test
    void answeringAsExpectedExitsZero() {
        world.disableAutodefinedReverse(vpc);
        try {
            Run run = doctor("10.0.0.5", "--vpc", vpc);
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("Outcome: MATCH"), run.out());
            assertTrue(run.out().contains("Result: OK"), run.out());
        } finally {
            world.resolver.updateResolverConfig(r -> r.resourceId(vpc).autodefinedReverseFlag("ENABLE"));
        }
    }

    @Test
    void badInputExitsTwo() {
        Run notAnAddress = doctor("not..a..name", "--vpc", vpc);
        assertEquals(2, notAnAddress.exitCode());
        assertTrue(notAnAddress.err().contains("neither an IP address nor a domain name"), notAnAddress.err());
        Run unknownVpc = doctor("10.0.0.5", "--vpc", "vpc-0123456789abcdef0");
        assertEquals(2, unknownVpc.exitCode(), unknownVpc.err());
        assertTrue(unknownVpc.err().contains("EC2 knows no VPC vpc-0123456789abcdef0"), unknownVpc.err());
        Run badResolver = doctorAsking("127.0.0.1:x", "10.0.0.5", "--vpc", vpc);
        assertEquals(2, badResolver.exitCode(), badResolver.err());
        assertTrue(badResolver.err().contains("the port is not a number"), badResolver.err());
    }

    @Test
    void unreachableAwsExitsFour() {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new ZonebridgeCommand());
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute("doctor", "10.0.0.5", "--vpc", vpc, "--endpoint", "http://127.0.0.1:9",
                "--ec2-endpoint", "http://127.0.0.1:9", "--resolver", "127.0.0.1:9");
        assertEquals(4, code, err.toString());
        assertTrue(err.toString().contains("cannot read AWS"), err.toString());
    }
}
