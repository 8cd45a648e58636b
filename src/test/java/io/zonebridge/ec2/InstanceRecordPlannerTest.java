package io.zonebridge.ec2;

import io.zonebridge.model.RecordSet;
import io.zonebridge.route53.HostedZoneRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstanceRecordPlannerTest {

    private static final String VPC = "vpc-0abc1234def567890";
    private static final CandidateZone PRIVATE = new CandidateZone(
            new HostedZoneRef("Z0PRIVATE", "internal.example.com.", true, 2), List.of(new VpcAssociation(VPC, "us-east-1")));
    private static final CandidateZone OTHER_PRIVATE = new CandidateZone(
            new HostedZoneRef("Z0OTHERPRIVATE", "internal.example.com.", true, 2),
            List.of(new VpcAssociation("vpc-0other", "us-east-1")));
    private static final CandidateZone PUBLIC = new CandidateZone(
            new HostedZoneRef("Z0PUBLIC", "internal.example.com.", false, 2), List.of());
    private static final CandidateZone CORP = new CandidateZone(
            new HostedZoneRef("Z0CORP", "corp.example.com.", true, 2), List.of(new VpcAssociation(VPC, "us-east-1")));
    private static final VpcDescription GOOD_VPC = new VpcDescription(VPC, true, true, List.of());

    private final InstanceRecordPlanner planner = new InstanceRecordPlanner(Ec2DnsSettings.DEFAULTS);

    /** The instance of the shared describe_instances_running fixture. */
    private static InstanceDescription web01(Map<String, String> tags) {
        return new InstanceDescription("i-0abc1234def567890", InstanceState.RUNNING, VPC, "subnet-0abc1234def567890",
                List.of("10.0.1.25"), "203.0.113.25", List.of("2001:db8:1234:1a00::25"), "ip-10-0-1-25.ec2.internal", tags);
    }

    @Test
    void samenamePrivateAndPublicZonesGetTheirOwnAddresses() {
        InstanceRecordPlan plan = planner.plan(web01(Map.of("Name", "web-01", "ZONE", "internal.example.com.")),
                GOOD_VPC, List.of(OTHER_PRIVATE, PUBLIC, PRIVATE));
        assertEquals(List.of(
                new OwnedRecord("Z0PRIVATE", RecordSet.of("web-01.internal.example.com.", "A", 300, "10.0.1.25")),
                new OwnedRecord("Z0PRIVATE", RecordSet.of("web-01.internal.example.com.", "AAAA", 300, "2001:db8:1234:1a00::25")),
                new OwnedRecord("Z0PUBLIC", RecordSet.of("web-01.internal.example.com.", "A", 300, "203.0.113.25")),
                new OwnedRecord("Z0PUBLIC", RecordSet.of("web-01.internal.example.com.", "AAAA", 300, "2001:db8:1234:1a00::25"))),
                plan.records().records());
        assertEquals(List.of(new AddressName("10.0.1.25", "web-01.internal.example.com."),
                new AddressName("2001:db8:1234:1a00::25", "web-01.internal.example.com.")), plan.records().addresses());
        assertEquals(List.of(), plan.warnings());
        assertEquals(List.of(), plan.associationsNeeded());
    }

    @Test
    void cnameTagPointsAtTheInstanceInThePrivateAndPublicZone() {
        InstanceRecordPlan plan = planner.plan(web01(Map.of("Name", "web-01", "ZONE", "internal.example.com",
                "CNAME", "WWW.internal.example.com.")), GOOD_VPC, List.of(PRIVATE, PUBLIC));
        List<OwnedRecord> cnames = plan.records().records().stream().filter(r -> r.recordSet().type().equals("CNAME")).toList();
        assertEquals(List.of(
                new OwnedRecord("Z0PRIVATE", RecordSet.of("www.internal.example.com.", "CNAME", 300, "web-01.internal.example.com.")),
                new OwnedRecord("Z0PUBLIC", RecordSet.of("www.internal.example.com.", "CNAME", 300, "web-01.internal.example.com."))),
                cnames);
    }

    @Test
    void cnameWithoutZoneTagPointsAtEc2PrivateName() {
        InstanceRecordPlan plan = planner.plan(web01(Map.of("CNAME", "app.corp.example.com")), GOOD_VPC, List.of(CORP, PUBLIC));
        assertEquals(List.of(new OwnedRecord("Z0CORP",
                        RecordSet.of("app.corp.example.com.", "CNAME", 300, "ip-10-0-1-25.ec2.internal."))),
                plan.records().records());
        assertEquals(List.of(), plan.records().addresses());
    }

    @Test
    void noZoneTagUsesTheVpcDhcpDomainWithAPrivateZoneOnly() {
        VpcDescription vpc = new VpcDescription(VPC, true, true, List.of("ec2.internal.", "corp.example.com."));
        InstanceDescription noName = web01(Map.of());
        InstanceRecordPlan plan = planner.plan(noName, vpc, List.of(PUBLIC, CORP,
                new CandidateZone(new HostedZoneRef("Z0CORPPUB", "corp.example.com.", false, 2), List.of())));
        assertEquals(List.of(
                new OwnedRecord("Z0CORP", RecordSet.of("ip-10-0-1-25.corp.example.com.", "A", 300, "10.0.1.25")),
                new OwnedRecord("Z0CORP", RecordSet.of("ip-10-0-1-25.corp.example.com.", "AAAA", 300, "2001:db8:1234:1a00::25")),
                new OwnedRecord("Z0CORPPUB", RecordSet.of("ip-10-0-1-25.corp.example.com.", "A", 300, "203.0.113.25")),
                new OwnedRecord("Z0CORPPUB", RecordSet.of("ip-10-0-1-25.corp.example.com.", "AAAA", 300, "2001:db8:1234:1a00::25"))),
                plan.records().records());
    }

    @Test
    void noZoneTagAndNoMatchingDhcpDomainGivesNothing() {
        VpcDescription vpc = new VpcDescription(VPC, true, true, List.of("ec2.internal."));
        InstanceRecordPlan plan = planner.plan(web01(Map.of("Name", "x")), vpc, List.of(PRIVATE, PUBLIC, CORP));
        assertEquals(InstanceRecords.none("i-0abc1234def567890"), plan.records());
    }

    @Test
    void privateZoneNotAssociatedWithTheVpcIsUsedAndNamedForAssociation() {
        InstanceRecordPlan plan = planner.plan(web01(Map.of("Name", "web-01", "ZONE", "internal.example.com.")),
                GOOD_VPC, List.of(OTHER_PRIVATE));
        assertEquals(List.of(new AssociationNeeded("Z0OTHERPRIVATE", VPC)), plan.associationsNeeded());
        assertTrue(plan.records().records().stream().allMatch(r -> r.hostedZoneId().equals("Z0OTHERPRIVATE")));
        assertEquals(2, plan.records().records().size());
    }

    @Test
    void twoUnassociatedPrivateZonesOfOneNameAreAmbiguous() {
        CandidateZone third = new CandidateZone(new HostedZoneRef("Z0THIRD", "internal.example.com.", true, 2), List.of());
        InstanceDescription noPublic = new InstanceDescription("i-1", InstanceState.RUNNING, VPC, null,
                List.of("10.0.1.9"), null, List.of(), null, Map.of("ZONE", "internal.example.com."));
        InstanceRecordPlan plan = planner.plan(noPublic, GOOD_VPC, List.of(OTHER_PRIVATE, third));
        assertEquals(List.of(), plan.records().records());
        assertTrue(plan.warnings().stream().anyMatch(w -> w.message().contains("2 private zones named internal.example.com.")),
                plan.warnings()::toString);
    }

    @Test
    void vpcWithDnsOffIsNamedInWarnings() {
        InstanceRecordPlan plan = planner.plan(web01(Map.of("ZONE", "internal.example.com.")),
                new VpcDescription(VPC, false, false, List.of()), List.of(PRIVATE));
        assertEquals(2, plan.warnings().size());
        assertTrue(plan.warnings().stream().allMatch(w -> w.resourceId().equals(VPC) && w.message().contains("VPC " + VPC)));
        assertTrue(plan.warnings().get(0).message().contains("enableDnsSupport"));
        assertTrue(plan.warnings().get(1).message().contains("enableDnsHostnames"));
    }

    @Test
    void ttlTagKeysAndHostNamePatternAreConfigurable() {
        Ec2DnsSettings settings = new Ec2DnsSettings("dns-zone", "dns-alias", 60,
                new HostNamePattern(List.of("{tag:Role}-{d}", "{instance-id}")));
        InstanceRecordPlanner custom = new InstanceRecordPlanner(settings);
        InstanceRecordPlan plan = custom.plan(web01(Map.of("dns-zone", "internal.example.com.", "Role", "Web Server",
                "ZONE", "corp.example.com.")), GOOD_VPC, List.of(PRIVATE, CORP));
        assertEquals(RecordSet.of("web-server-25.internal.example.com.", "A", 60, "10.0.1.25"),
                plan.records().records().get(0).recordSet());
        InstanceRecordPlan fallback = custom.plan(web01(Map.of("dns-zone", "internal.example.com.")), GOOD_VPC, List.of(PRIVATE));
        assertEquals("i-0abc1234def567890.internal.example.com.", fallback.records().records().get(0).recordSet().name());
    }

    @Test
    void defaultHostNameFallsBackToTheEc2Style() {
        InstanceRecordPlan plan = planner.plan(web01(Map.of("Name", "  ", "ZONE", "internal.example.com.")),
                GOOD_VPC, List.of(PRIVATE));
        assertEquals("ip-10-0-1-25.internal.example.com.", plan.records().records().get(0).recordSet().name());
    }

    @Test
    void badTagsAndPatternsAreReportedNotThrown() {
        InstanceRecordPlan plan = planner.plan(web01(Map.of("ZONE", "bad..zone")), GOOD_VPC, List.of(PRIVATE));
        assertEquals(List.of(), plan.records().records());
        assertTrue(plan.warnings().get(0).message().contains("tag ZONE='bad..zone' is not a domain name"),
                plan.warnings()::toString);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HostNamePattern(List.of("{tag:Name}", "{ip}")));
        assertTrue(e.getMessage().contains("unknown placeholder {ip}"));
        assertThrows(IllegalArgumentException.class, () -> Ec2DnsSettings.DEFAULTS.withTtl(-1));
    }
}
