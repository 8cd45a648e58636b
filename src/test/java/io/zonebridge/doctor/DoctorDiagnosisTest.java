package io.zonebridge.doctor;

import static io.zonebridge.doctor.DoctorWorld.egress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.ForwardingBind;
import io.zonebridge.testpeers.BindPrimaryExtension;
import io.zonebridge.testpeers.RegisteredPeer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * Each failure mode of AWS's guide to reverse DNS with Resolver, built for real (Route 53, Resolver and EC2 in the
 * project's emulator, answers from real DNS servers on loopback: the emulator's DNS port, BIND
 * as the servers a resolver ends up asking, a BIND forwarder for SERVFAIL, a silent socket for a timeout), and the
 * diagnosis doctor gives.
 */
class DoctorDiagnosisTest {
    /** What BIND serves: Resolver's autodefined answers for 10.0.0.5 and 10.1.0.7, an on-premises PTR for 10.0.3.9. */
    private static final String HEADER = "$TTL 300\n@ IN SOA ns.test. admin.test. 1 3600 600 86400 300\n@ IN NS ns.test.\n";
    @RegisterExtension
    @Order(1)
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones().withZones(BindPrimary.zones(
            "0.10.in-addr.arpa", HEADER + "5.0 IN PTR ip-10-0-0-5.ec2.internal.\n",
            "1.10.in-addr.arpa", HEADER + "7.0 IN PTR ip-10-1-0-7.ec2.internal.\n",
            "3.0.10.in-addr.arpa", HEADER + "9 IN PTR onprem.corp.example.\n"));
    @RegisterExtension
    @Order(2)
    static final RegisteredPeer<ForwardingBind> FORWARDER = BIND.forwarder("0.10.in-addr.arpa");
    private static DatagramSocket silent;
    private DoctorWorld world;

    @BeforeAll
    static void openSilentSocket() throws Exception {
        silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void closeSilentSocket() {
        silent.close();
    }

    @BeforeEach
    void newWorld() {
        world = new DoctorWorld();
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    private static InetSocketAddress bindDns() {
        return new InetSocketAddress("127.0.0.1", BIND.get().port());
    }

    @Test
    void ptrInTheAssociatedZoneAnsweredIsHealthy() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String zone = world.privateZone("10.in-addr.arpa", vpc);
        world.record(zone, "5.0.0.10.in-addr.arpa", RRType.PTR, "web.corp.example.");

        DoctorReport report = world.diagnose("10.0.0.5", vpc, world.zoneDns());

        assertEquals("5.0.0.10.in-addr.arpa.", report.query().name());
        assertEquals("PTR", report.query().type());
        assertEquals(SourceKind.PRIVATE_ZONE, report.winner().kind());
        assertEquals(zone, report.winner().id());
        assertEquals(List.of("web.corp.example."), report.expected().values());
        assertEquals(Outcome.MATCH, report.outcome());
        assertTrue(report.findings().isEmpty(), report.findings().toString());
        assertTrue(report.healthy());
        assertEquals(0, report.exitCode());
        assertTrue(report.sources().stream().anyMatch(s -> s.kind() == SourceKind.AUTODEFINED_REVERSE
                && !s.inEffect() && s.whyNot().contains("DISABLED")), report.sources().toString());
    }

    @Test
    void zoneOfAnotherAccountAnswersThoughItsRecordsCannotBeRead() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String zone = world.privateZoneOfAnotherAccount("10.in-addr.arpa", vpc, "5.0.0.10.in-addr.arpa", RRType.PTR,
                "shared.corp.example.");

        DoctorReport report = world.diagnose("10.0.0.5", vpc, world.zoneDns());

        assertEquals(SourceKind.PRIVATE_ZONE, report.winner().kind());
        assertEquals(zone, report.winner().id());
        assertNull(report.expected().rcode(), "another account's records are not readable here");
        assertTrue(report.expected().text().contains("not readable with these credentials"), report.expected().text());
        assertEquals(Outcome.ANSWERED, report.outcome());
        assertEquals(0, report.exitCode(), () -> ReportText.render(report));
    }

    @Test
    void autodefinedReverseRuleShadowsTheLessSpecificPrivateZone() {
        String vpc = world.vpc("10.0.0.0/16");
        String zone = world.privateZone("10.in-addr.arpa", vpc);
        world.record(zone, "5.0.0.10.in-addr.arpa", RRType.PTR, "web.corp.example.");

        DoctorReport report = world.diagnose("10.0.0.5", vpc, bindDns());

        assertEquals(SourceKind.AUTODEFINED_REVERSE, report.winner().kind());
        assertEquals("0.10.in-addr.arpa.", report.winner().domain());
        assertTrue(report.winner().why().contains("most specific"), report.winner().why());
        assertEquals(List.of("ip-10-0-0-5.ec2.internal."), report.observed().values());
        assertTrue(report.asExpected(), "an ip-... answer is the autodefined rule's own");
        assertFinding(report, f -> f.problem().contains("autodefined reverse rule for 0.10.in-addr.arpa.")
                && f.problem().contains(zone) && f.fix().contains("aws route53resolver update-resolver-config "
                + "--resource-id " + vpc + " --autodefined-reverse-flag DISABLE"));
        assertEquals(1, report.exitCode());
    }

    @Test
    void autodefinedRuleOfAPeeredVpcsCidrShadowsTheZone() {
        String vpc = world.vpc("10.0.0.0/16");
        String peer = world.vpc("10.1.0.0/16");
        String pcx = world.peer(vpc, peer);
        String zone = world.privateZone("10.in-addr.arpa", vpc);
        world.record(zone, "7.0.1.10.in-addr.arpa", RRType.PTR, "db.corp.example.");

        DoctorReport report = world.diagnose("10.1.0.7", vpc, bindDns());

        assertEquals(SourceKind.AUTODEFINED_REVERSE, report.winner().kind());
        assertEquals("1.10.in-addr.arpa.", report.winner().domain());
        assertEquals(peer, report.winner().id());
        assertTrue(report.vpc().connected().stream().anyMatch(c -> c.contains(peer) && c.contains(pcx)),
                report.vpc().connected().toString());
        assertFinding(report, f -> f.problem().contains("connected") && f.problem().contains(pcx)
                && f.fix().contains("--autodefined-reverse-flag DISABLE"));
        assertEquals(1, report.exitCode());
    }

    @Test
    void autodefinedRuleOfATransitGatewayConnectedVpcAnswersWithResolversOwnName() {
        String vpc = world.vpc("10.0.0.0/16");
        String other = world.vpc("10.1.0.0/16");
        String gateway = world.transitGateway(vpc, world.subnet(vpc, "10.0.1.0/24"), other,
                world.subnet(other, "10.1.1.0/24"));
        world.privateZone("10.in-addr.arpa", vpc);

        DoctorReport report = world.diagnose("10.1.0.7", vpc, bindDns());

        assertEquals(SourceKind.AUTODEFINED_REVERSE, report.winner().kind());
        assertEquals(other, report.winner().id());
        assertTrue(report.vpc().connected().stream().anyMatch(c -> c.contains(other)
                && c.contains("transit gateway " + gateway)), report.vpc().connected().toString());
        assertEquals(Outcome.ANSWERED, report.outcome());
        assertTrue(report.asExpected(), "Resolver's ip-... name is the autodefined rule's answer");
        assertTrue(report.findings().isEmpty(), "no zone holds another PTR: nothing to fix");
        assertEquals(0, report.exitCode());
    }

    @Test
    void forwardingRuleMoreSpecificThanThePrivateZoneWins() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String zone = world.privateZone("10.in-addr.arpa", vpc);
        world.record(zone, "9.3.0.10.in-addr.arpa", RRType.PTR, "app.corp.example.");
        String endpoint = healthyEndpoint(vpc);
        String rule = world.forwardRule("3.0.10.in-addr.arpa", endpoint, "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.0.3.9", vpc, bindDns());

        assertEquals(SourceKind.FORWARD_RULE, report.winner().kind());
        assertEquals(rule, report.winner().id());
        assertEquals(List.of("onprem.corp.example."), report.observed().values());
        assertEquals(Outcome.ANSWERED, report.outcome());
        assertFinding(report, f -> f.problem().contains(rule) && f.problem().contains("is more specific than")
                && f.problem().contains(zone) && f.fix().contains("disassociate-resolver-rule --resolver-rule-id "
                + rule + " --vpc-id " + vpc));
        assertTrue(report.endpointChecks().stream().allMatch(EndpointCheck::ok), report.endpointChecks().toString());
        assertEquals(1, report.exitCode());
    }

    @Test
    void forwardingRuleForTheZonesOwnDomainTakesPrecedenceOverTheZone() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String zone = world.privateZone("10.in-addr.arpa", vpc);
        world.record(zone, "9.3.0.10.in-addr.arpa", RRType.PTR, "app.corp.example.");
        String rule = world.forwardRule("10.in-addr.arpa", healthyEndpoint(vpc), "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.0.3.9", vpc, bindDns());

        assertEquals(SourceKind.FORWARD_RULE, report.winner().kind());
        assertTrue(report.winner().why().contains("takes precedence over a private hosted zone"),
                report.winner().why());
        assertFinding(report, f -> f.problem().contains(rule) && f.problem().contains("same domain"));
        assertEquals(1, report.exitCode());
    }

    @Test
    void systemRuleUnderAForwardingRuleHandsTheQueryBackToThePrivateZone() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String zone = world.privateZone("0.10.in-addr.arpa", vpc);
        world.record(zone, "5.0.0.10.in-addr.arpa", RRType.PTR, "web.corp.example.");
        world.forwardRule("in-addr.arpa", healthyEndpoint(vpc), "192.0.2.10", vpc);
        String system = world.systemRule("0.10.in-addr.arpa", vpc);

        DoctorReport report = world.diagnose("10.0.0.5", vpc, world.zoneDns());

        assertEquals(SourceKind.SYSTEM_RULE, report.winner().kind());
        assertEquals(system, report.winner().id());
        assertEquals(SourceKind.PRIVATE_ZONE, report.winner().answeredByKind());
        assertEquals(zone, report.winner().answeredById());
        assertTrue(report.winner().why().contains("SYSTEM rule makes Resolver answer locally"), report.winner().why());
        assertTrue(report.endpointChecks().isEmpty(), "the forwarding rule does not answer: no endpoint checks");
        assertEquals(Outcome.MATCH, report.outcome());
        assertEquals(0, report.exitCode(), () -> ReportText.render(report));
    }

    @Test
    void healthyForwardingPathAnsweredByTheTargetsIsHealthy() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String rule = world.forwardRule("3.0.10.in-addr.arpa", healthyEndpoint(vpc), "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.0.3.9", vpc, bindDns());

        assertEquals(rule, report.winner().id());
        assertEquals(Outcome.ANSWERED, report.outcome());
        assertTrue(report.endpointChecks().size() >= 11, report.endpointChecks().toString());
        assertTrue(report.findings().isEmpty(), report.findings().toString());
        assertEquals(0, report.exitCode());
    }

    @Test
    void forwardingPathRoutedThroughATransitGatewayPassesTheRouteCheck() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String a = world.subnet(vpc, "10.0.1.0/24");
        String b = world.subnet(vpc, "10.0.2.0/24");
        String group = world.securityGroup(vpc, List.of(egress("udp", 53, "192.0.2.0/24"),
                egress("tcp", 53, "192.0.2.0/24")));
        String hub = world.vpc("10.9.0.0/16");
        String gateway = world.transitGateway(vpc, a, hub, world.subnet(hub, "10.9.1.0/24"));
        world.routeThroughTransitGateway(vpc, "192.0.2.0/24", gateway);
        world.forwardRule("3.0.10.in-addr.arpa", world.outboundEndpoint(group, a, "10.0.1.10", b, "10.0.2.10"),
                "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.0.3.9", vpc, bindDns());

        assertEquals(SourceKind.FORWARD_RULE, report.winner().kind());
        assertTrue(report.endpointChecks().stream().filter(c -> c.check().contains("route to 192.0.2.10"))
                .allMatch(c -> c.ok() && c.detail().equals("192.0.2.0/24 via " + gateway)),
                report.endpointChecks().toString());
        assertTrue(report.endpointChecks().stream().allMatch(EndpointCheck::ok), report.endpointChecks().toString());
        assertEquals(0, report.exitCode(), () -> ReportText.render(report));
    }

    @Test
    void ruleNotAssociatedWithTheVpcIsNamedWithItsAssociation() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String rule = world.forwardRule("0.10.in-addr.arpa", healthyEndpoint(vpc), "192.0.2.10", null);

        DoctorReport report = world.diagnose("10.0.0.6", vpc, bindDns());

        assertEquals(SourceKind.INTERNET, report.winner().kind());
        assertEquals(Outcome.NXDOMAIN, report.outcome());
        assertTrue(report.sources().stream().anyMatch(s -> s.id().equals(rule) && !s.inEffect()
                && s.whyNot().equals("not associated with " + vpc)), report.sources().toString());
        assertFinding(report, f -> f.problem().contains(rule) && f.fix().equals(
                "aws route53resolver associate-resolver-rule --resolver-rule-id " + rule + " --vpc-id " + vpc));
        assertEquals(1, report.exitCode());
    }

    @Test
    void privateZoneNotAssociatedWithTheVpcIsNamedWithItsAssociation() {
        String vpc = world.vpc("10.0.0.0/16");
        String other = world.vpc("172.16.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String zone = world.privateZone("10.in-addr.arpa", other);
        world.record(zone, "6.0.0.10.in-addr.arpa", RRType.PTR, "batch.corp.example.");

        DoctorReport report = world.diagnose("10.0.0.6", vpc, bindDns());

        assertEquals(SourceKind.INTERNET, report.winner().kind());
        assertFinding(report, f -> f.problem().contains(zone) && f.problem().contains("not associated")
                && f.fix().equals("aws route53 associate-vpc-with-hosted-zone --hosted-zone-id " + zone
                + " --vpc VPCRegion=us-east-1,VPCId=" + vpc));
        assertEquals(1, report.exitCode());
    }

    @Test
    void recordMissingFromTheAnsweringZoneIsExpectedNxdomain() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String zone = world.privateZone("10.in-addr.arpa", vpc);
        world.record(zone, "5.0.0.10.in-addr.arpa", RRType.PTR, "web.corp.example.");

        DoctorReport report = world.diagnose("10.0.0.8", vpc, world.zoneDns());

        assertEquals(SourceKind.PRIVATE_ZONE, report.winner().kind());
        assertEquals("NXDOMAIN", report.expected().rcode());
        assertEquals(Outcome.NXDOMAIN, report.outcome());
        assertTrue(report.asExpected());
        assertFinding(report, f -> f.problem().contains("has no PTR record for 8.0.0.10.in-addr.arpa.")
                && f.fix().startsWith("create the record in " + zone));
        assertEquals(1, report.exitCode());
    }

    @Test
    void securityGroupWithoutUdpEgressToTheTargetFails() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String a = world.subnet(vpc, "10.0.1.0/24");
        String b = world.subnet(vpc, "10.0.2.0/24");
        String group = world.securityGroup(vpc, List.of(egress("tcp", 53, "192.0.2.0/24")));
        world.routeThroughGateway(vpc, "192.0.2.0/24");
        String endpoint = world.outboundEndpoint(group, a, "10.0.1.10", b, "10.0.2.10");
        world.forwardRule("3.0.10.in-addr.arpa", endpoint, "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.0.3.9", vpc, new InetSocketAddress("127.0.0.1",
                silent.getLocalPort()));

        assertEquals(Outcome.TIMEOUT, report.outcome());
        assertCheck(report, "security group egress udp/53 to 192.0.2.10", false);
        assertCheck(report, "security group egress tcp/53 to 192.0.2.10", true);
        assertFinding(report, f -> f.problem().startsWith("security group egress udp/53 to 192.0.2.10")
                && f.fix().contains("authorize-security-group-egress --group-id " + group)
                && f.fix().contains("IpProtocol=udp"));
        assertFinding(report, f -> f.problem().contains("timeout"));
        assertEquals(1, report.exitCode());
    }

    @Test
    void securityGroupWithoutTcpEgressToTheTargetFails() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String a = world.subnet(vpc, "10.0.1.0/24");
        String b = world.subnet(vpc, "10.0.2.0/24");
        String group = world.securityGroup(vpc, List.of(egress("udp", 53, "192.0.2.0/24")));
        world.routeThroughGateway(vpc, "192.0.2.0/24");
        world.forwardRule("3.0.10.in-addr.arpa", world.outboundEndpoint(group, a, "10.0.1.10", b, "10.0.2.10"),
                "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.0.3.9", vpc, bindDns());

        assertCheck(report, "security group egress udp/53 to 192.0.2.10", true);
        assertCheck(report, "security group egress tcp/53 to 192.0.2.10", false);
        assertEquals(1, report.exitCode());
    }

    @Test
    void networkAclWithoutInboundEphemeralPortsDropsTheReplies() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String a = world.subnet(vpc, "10.0.1.0/24");
        String b = world.subnet(vpc, "10.0.2.0/24");
        String group = world.securityGroup(vpc, List.of(egress("udp", 53, "192.0.2.0/24"),
                egress("tcp", 53, "192.0.2.0/24")));
        world.routeThroughGateway(vpc, "192.0.2.0/24");
        String acl = world.networkAcl(vpc, List.of(a, b), "192.0.2.0/24", List.of(
                new DoctorWorld.AclEntry("17", 53, 53, true), new DoctorWorld.AclEntry("6", 53, 53, true),
                new DoctorWorld.AclEntry("17", 53, 53, false), new DoctorWorld.AclEntry("6", 53, 53, false)));
        world.forwardRule("3.0.10.in-addr.arpa", world.outboundEndpoint(group, a, "10.0.1.10", b, "10.0.2.10"),
                "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.0.3.9", vpc, bindDns());

        assertCheck(report, "network ACL " + acl + " (" + a + ") outbound udp/53 to 192.0.2.10", true);
        assertCheck(report, "network ACL " + acl + " (" + a + ") inbound udp/1024-65535 from 192.0.2.10 (replies)",
                false);
        assertCheck(report, "network ACL " + acl + " (" + b + ") inbound tcp/1024-65535 from 192.0.2.10 (replies)",
                false);
        assertFinding(report, f -> f.problem().contains("inbound udp/1024-65535") && f.fix().contains(
                "create-network-acl-entry --network-acl-id " + acl + " --ingress") && f.fix().contains(
                "From=1024,To=65535"));
        assertEquals(1, report.exitCode());
    }

    @Test
    void noRouteToTheTargetFails() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String a = world.subnet(vpc, "10.0.1.0/24");
        String b = world.subnet(vpc, "10.0.2.0/24");
        String group = world.securityGroup(vpc, List.of(egress("-1", 0, "0.0.0.0/0")));
        world.forwardRule("3.0.10.in-addr.arpa", world.outboundEndpoint(group, a, "10.0.1.10", b, "10.0.2.10"),
                "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.0.3.9", vpc, FORWARDER.get().address());

        assertTrue(report.endpointChecks().stream().filter(c -> c.check().contains("route to 192.0.2.10"))
                .allMatch(c -> !c.ok() && c.detail().equals("no route covers 192.0.2.10")),
                report.endpointChecks().toString());
        assertFinding(report, f -> f.problem().contains("route to 192.0.2.10") && f.fix().contains("create-route"));
        assertEquals(1, report.exitCode());
    }

    @Test
    void resolverServfailIsClassifiedWithItsLikelyCause() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        world.forwardRule("42.10.in-addr.arpa", healthyEndpoint(vpc), "192.0.2.10", vpc);

        DoctorReport report = world.diagnose("10.42.0.1", vpc, FORWARDER.get().address());

        assertEquals("SERVFAIL", report.observed().rcode());
        assertEquals(Outcome.SERVFAIL, report.outcome());
        assertFinding(report, f -> f.problem().contains("SERVFAIL") && f.problem().contains("192.0.2.10:53")
                && f.problem().contains("the targets themselves fail"));
        assertEquals(1, report.exitCode());
    }

    @Test
    void resolverThatDoesNotAnswerIsATimeout() {
        String vpc = world.vpc("10.0.0.0/16");
        world.disableAutodefinedReverse(vpc);
        String zone = world.privateZone("10.in-addr.arpa", vpc);
        world.record(zone, "5.0.0.10.in-addr.arpa", RRType.PTR, "web.corp.example.");

        DoctorReport report = world.diagnose("10.0.0.5", vpc, new InetSocketAddress("127.0.0.1",
                silent.getLocalPort()));

        assertEquals(Outcome.TIMEOUT, report.outcome());
        assertFalse(report.asExpected());
        assertFinding(report, f -> f.problem().contains("no answer from 127.0.0.1:" + silent.getLocalPort())
                && f.fix().contains("inside the VPC"));
        assertEquals(1, report.exitCode());
    }

    /** Two subnets, a group allowing DNS to 192.0.2.0/24, a route there, the default ACL: every check passes. */
    private String healthyEndpoint(String vpc) {
        String a = world.subnet(vpc, "10.0.1.0/24");
        String b = world.subnet(vpc, "10.0.2.0/24");
        String group = world.securityGroup(vpc, List.of(egress("udp", 53, "192.0.2.0/24"),
                egress("tcp", 53, "192.0.2.0/24")));
        world.routeThroughGateway(vpc, "192.0.2.0/24");
        return world.outboundEndpoint(group, a, "10.0.1.10", b, "10.0.2.10");
    }

    private static void assertFinding(DoctorReport report, Predicate<Finding> expected) {
        assertTrue(report.findings().stream().anyMatch(expected), () -> ReportText.render(report));
    }

    private static void assertCheck(DoctorReport report, String check, boolean ok) {
        assertTrue(report.endpointChecks().stream().anyMatch(c -> c.check().equals(check) && c.ok() == ok),
                () -> check + " " + ok + " not in\n" + ReportText.render(report));
    }
}
