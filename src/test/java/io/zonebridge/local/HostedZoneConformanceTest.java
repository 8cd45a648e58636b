package io.zonebridge.local;

import io.zonebridge.app.Eventually;
import java.time.Duration;
import io.zonebridge.testpeers.EmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.HostedZoneType;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPC;
import software.amazon.awssdk.services.route53.model.VPCRegion;

import java.util.List;
import java.util.UUID;

import static io.zonebridge.local.Route53Fixture.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hosted-zone operations of route53-api.md §3 and GetChange (§7), through the real AWS SDK v2. */
@ExtendWith(EmulatorExtension.class)
class HostedZoneConformanceTest {
    private static LocalAwsServer server;
    private static Route53Client r53;

    @BeforeAll
    static void start(LocalAwsServer emulator) {
        server = emulator;
        r53 = Route53Fixture.client(server, "AKIAHOSTEDZONETESTS01");
    }

    @AfterAll
    static void stop() {
        r53.close();
    }

    @Test
    void createPublicZoneAnswersZoneIdPendingChangeLocationAndFourNameServers() {
        CreateHostedZoneResponse created = r53.createHostedZone(b -> b.name("create.example.org")
                .callerReference(UUID.randomUUID().toString()));
        String id = created.hostedZone().id();
        assertTrue(id.matches("Z0[A-Z0-9]{19}"), id);
        assertEquals("https://route53.amazonaws.com/2013-04-01/hostedzone/" + id, created.location());
        assertEquals(ChangeStatus.PENDING, created.changeInfo().status());
        assertTrue(created.changeInfo().id().matches("C0[A-Z0-9]{19}"));
        List<String> ns = created.delegationSet().nameServers();
        assertEquals(4, ns.size());
        assertTrue(ns.stream().allMatch(n -> n.matches("ns-\\d{1,4}\\.awsdns-\\d{2}\\.(com|net|org|co\\.uk)")), ns::toString);
        assertFalse(created.hostedZone().config().privateZone());
        assertNull(created.hostedZone().config().comment());
    }

    @Test
    void createPublicZoneMakesApexNsWithTtl172800AndSoaWithTtl900() {
        CreateHostedZoneResponse created = r53.createHostedZone(b -> b.name("apex.example.org")
                .callerReference(UUID.randomUUID().toString()));
        assertEquals(2L, created.hostedZone().resourceRecordSetCount());
        List<ResourceRecordSet> sets = r53.listResourceRecordSets(b -> b.hostedZoneId(created.hostedZone().id()))
                .resourceRecordSets();
        assertEquals(List.of("NS", "SOA"), sets.stream().map(ResourceRecordSet::typeAsString).toList());
        assertEquals(172800L, sets.get(0).ttl());
        List<String> nsValues = sets.get(0).resourceRecords().stream().map(ResourceRecord::value).toList();
        assertEquals(created.delegationSet().nameServers().stream().map(n -> n + ".").toList(), nsValues);
        assertEquals(900L, sets.get(1).ttl());
        assertEquals(nsValues.get(0) + " awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
                sets.get(1).resourceRecords().get(0).value());
    }

    @Test
    void createPrivateZoneUsesFixedPrivateNameServersAndEchoesVpc() {
        CreateHostedZoneResponse created = Route53Fixture.privateZone(r53, "corp.internal", "vpc-0a1b2c3d");
        assertTrue(created.hostedZone().config().privateZone());
        assertEquals("vpc-0a1b2c3d", created.vpc().vpcId());
        List<ResourceRecordSet> sets = r53.listResourceRecordSets(b -> b.hostedZoneId(created.hostedZone().id()))
                .resourceRecordSets();
        assertEquals(List.of("ns-1536.awsdns-00.co.uk.", "ns-0.awsdns-00.com.", "ns-1024.awsdns-00.org.",
                "ns-512.awsdns-00.net."), sets.get(0).resourceRecords().stream().map(ResourceRecord::value).toList());
        assertEquals("ns-1536.awsdns-00.co.uk. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
                sets.get(1).resourceRecords().get(0).value());
    }

    @Test
    void zoneNameIsStoredLowerCaseWithTrailingDotAndCommentKept() {
        HostedZone zone = r53.createHostedZone(b -> b.name("MiXeD.Example.NET").callerReference(UUID.randomUUID()
                .toString()).hostedZoneConfig(c -> c.comment("team zone"))).hostedZone();
        assertEquals("mixed.example.net.", zone.name());
        assertEquals("team zone", zone.config().comment());
    }

    @Test
    void reusedCallerReferenceIsHostedZoneAlreadyExists409EvenAfterDelete() {
        String reference = UUID.randomUUID().toString();
        String id = r53.createHostedZone(b -> b.name("ref.example.org").callerReference(reference)).hostedZone().id();
        r53.deleteHostedZone(b -> b.id(id));
        assertAwsError(409, "HostedZoneAlreadyExists",
                "A hosted zone has already been created with the specified caller reference.",
                () -> r53.createHostedZone(b -> b.name("other.example.org").callerReference(reference)));
    }

    @Test
    void publicZoneUnderExampleComIsReservedByAws() {
        assertAwsError(400, "InvalidDomainName", "payments-dev.example.com is reserved by AWS!",
                () -> Route53Fixture.publicZone(r53, "payments-dev.example.com"));
    }

    @Test
    void privateZoneMayUseReservedNameAndSingleLabel() {
        assertTrue(Route53Fixture.privateZone(r53, "example.com", "vpc-0abc1").hostedZone().config().privateZone());
        assertEquals("local.", Route53Fixture.privateZone(r53, "local", "vpc-0abc1").hostedZone().name());
    }

    @Test
    void sameNameTwiceIsAllowedForPublicZones() {
        String first = Route53Fixture.publicZone(r53, "twice.example.org");
        String second = Route53Fixture.publicZone(r53, "twice.example.org");
        assertFalse(first.equals(second));
    }

    @Test
    void getUnknownZoneIsNoSuchHostedZone404WithIdAsSent() {
        assertAwsError(404, "NoSuchHostedZone", "No hosted zone found with ID: Z2ES8B9AZ6SHAE",
                () -> r53.getHostedZone(b -> b.id("Z2ES8B9AZ6SHAE")));
    }

    @Test
    void prefixedZoneIdLongerThan32IsInvalidInputLengthConstraint() {
        String id = Route53Fixture.publicZone(r53, "prefixed.example.org");
        assertAwsError(400, "InvalidInput", "1 validation error detected: Value '/hostedzone/" + id
                        + "' at 'id' failed to satisfy constraint: Member must have length less than or equal to 32",
                () -> r53.getHostedZone(b -> b.id("/hostedzone/" + id)));
    }

    @Test
    void getPublicZoneHasDelegationSetAndPrivateZoneHasVpcs() {
        String publicId = Route53Fixture.publicZone(r53, "get.example.org");
        GetHostedZoneResponse pub = r53.getHostedZone(b -> b.id(publicId));
        assertEquals(4, pub.delegationSet().nameServers().size());
        assertTrue(pub.vpCs().isEmpty());
        String privateId = Route53Fixture.privateZone(r53, "get.internal", "vpc-0feed").hostedZone().id();
        GetHostedZoneResponse priv = r53.getHostedZone(b -> b.id(privateId));
        assertNull(priv.delegationSet());
        assertEquals(List.of("vpc-0feed"), priv.vpCs().stream().map(VPC::vpcId).toList());
    }

    @Test
    void resourceRecordSetCountFollowsChanges() {
        String id = Route53Fixture.publicZone(r53, "count.example.org");
        Route53Fixture.create(r53, id, Route53Fixture.set("a.count.example.org", "A", 60, "192.0.2.1"),
                Route53Fixture.set("b.count.example.org", "A", 60, "192.0.2.2"));
        assertEquals(4L, r53.getHostedZone(b -> b.id(id)).hostedZone().resourceRecordSetCount());
    }

    @Test
    void deleteZoneWithOtherRecordsIsHostedZoneNotEmpty() {
        String id = Route53Fixture.publicZone(r53, "notempty.example.org");
        Route53Fixture.create(r53, id, Route53Fixture.set("sub.notempty.example.org", "NS", 300, "ns1.example.net."));
        assertAwsError(400, "HostedZoneNotEmpty",
                "The specified hosted zone contains non-required resource record sets and so cannot be deleted.",
                () -> r53.deleteHostedZone(b -> b.id(id)));
    }

    @Test
    void deletedZoneIsGoneAndDeleteAnswersPendingChange() {
        String id = Route53Fixture.publicZone(r53, "gone.example.org");
        assertEquals(ChangeStatus.PENDING, r53.deleteHostedZone(b -> b.id(id)).changeInfo().status());
        assertAwsError(404, "NoSuchHostedZone", "No hosted zone found with ID: " + id,
                () -> r53.listResourceRecordSets(b -> b.hostedZoneId(id)));
    }

    @Test
    void associateVpcWithPublicZoneIsPublicZoneVpcAssociation() {
        String id = Route53Fixture.publicZone(r53, "assoc.example.org");
        assertAwsError(400, "PublicZoneVPCAssociation", "You're trying to associate a VPC with a public hosted "
                        + "zone. Amazon Route 53 doesn't support associating a VPC with a public hosted zone.",
                () -> r53.associateVPCWithHostedZone(b -> b.hostedZoneId(id)
                        .vpc(VPC.builder().vpcId("vpc-0abc").vpcRegion(VPCRegion.US_EAST_1).build())));
    }

    @Test
    void associatingAVpcTwiceIsConflictingDomainExists() {
        String id = Route53Fixture.privateZone(r53, "dup.internal", "vpc-6705bd01").hostedZone().id();
        VPC second = VPC.builder().vpcId("vpc-0beef").vpcRegion(VPCRegion.EU_WEST_1).build();
        assertEquals(ChangeStatus.PENDING, r53.associateVPCWithHostedZone(b -> b.hostedZoneId(id).vpc(second)
                .comment("second vpc")).changeInfo().status());
        assertAwsError(400, "ConflictingDomainExists", "The VPC that you chose, vpc-0beef in region eu-west-1, is "
                        + "already associated with another private hosted zone that has an overlapping name space, "
                        + "dup.internal..",
                () -> r53.associateVPCWithHostedZone(b -> b.hostedZoneId(id).vpc(second)));
    }

    @Test
    void listHostedZonesByVpcGivesBareIdsAndOwningAccount() {
        String id = Route53Fixture.privateZone(r53, "byvpc.internal", "vpc-0c0ffee").hostedZone().id();
        List<HostedZoneSummary> summaries = r53.listHostedZonesByVPC(b -> b.vpcId("vpc-0c0ffee")
                .vpcRegion(VPCRegion.US_EAST_1)).hostedZoneSummaries();
        assertEquals(1, summaries.size());
        assertEquals(id, summaries.get(0).hostedZoneId());
        assertEquals("byvpc.internal.", summaries.get(0).name());
        assertEquals(AccountIds.fromAccessKey("AKIAHOSTEDZONETESTS01"), summaries.get(0).owner().owningAccount());
        assertTrue(r53.listHostedZonesByVPC(b -> b.vpcId("vpc-0c0ffee").vpcRegion(VPCRegion.EU_WEST_1))
                .hostedZoneSummaries().isEmpty());
    }

    @Test
    void listHostedZonesByVpcWithoutRegionIsInvalidInput() {
        assertAwsError(400, "InvalidInput", "Invalid request: Both VPCId and VPCRegion are required.",
                () -> r53.listHostedZonesByVPC(b -> b.vpcId("vpc-0c0ffee")));
    }

    @Test
    void listHostedZonesByVpcBadNextTokenIsInvalidPaginationToken() {
        assertAwsError(400, "InvalidPaginationToken", "The value of nextToken is not valid.",
                () -> r53.listHostedZonesByVPC(b -> b.vpcId("vpc-0c0ffee").vpcRegion(VPCRegion.US_EAST_1)
                        .nextToken("garbage!")));
    }

    @Test
    void listHostedZonesByNameOrdersByReversedLabelsAndStartsAtDnsName() {
        LocalAwsServer own = new LocalAwsServer();
        own.start(0);
        try (Route53Client client = Route53Fixture.client(own, "AKIABYNAME")) {
            for (String name : List.of("b.zeta.org", "alpha.org", "zeta.org", "a-b.zeta.org", "beta.com")) {
                Route53Fixture.publicZone(client, name);
            }
            assertEquals(List.of("beta.com.", "alpha.org.", "zeta.org.", "a-b.zeta.org.", "b.zeta.org."),
                    client.listHostedZonesByName(b -> { }).hostedZones().stream().map(HostedZone::name).toList());
            ListHostedZonesByNameResponse page = client.listHostedZonesByName(b -> b.dnsName("x.org").maxItems("1"));
            assertEquals(List.of("zeta.org."), page.hostedZones().stream().map(HostedZone::name).toList());
            assertTrue(page.isTruncated());
            assertEquals("a-b.zeta.org.", page.nextDNSName());
            assertEquals("x.org", page.dnsName());
        } finally {
            own.stop();
        }
    }

    @Test
    void listHostedZonesPaginatorWalksCreationOrderWithNextMarker() {
        LocalAwsServer own = new LocalAwsServer();
        own.start(0);
        try (Route53Client client = Route53Fixture.client(own, "AKIALISTZONES")) {
            for (int i = 0; i < 7; i++) {
                Route53Fixture.publicZone(client, "z" + i + ".example.org");
            }
            List<String> names = client.listHostedZonesPaginator(b -> b.maxItems("3")).hostedZones().stream()
                    .map(HostedZone::name).toList();
            assertEquals(List.of("z0.example.org.", "z1.example.org.", "z2.example.org.", "z3.example.org.",
                    "z4.example.org.", "z5.example.org.", "z6.example.org."), names);
            assertEquals(3, own.counters().requests("ListHostedZones"));
            var first = client.listHostedZones(b -> b.maxItems("3"));
            assertTrue(first.isTruncated());
            assertEquals("3", first.maxItems());
        } finally {
            own.stop();
        }
    }

    @Test
    void listHostedZonesByNameStartsAtHostedZoneIdAmongEqualNames() {
        LocalAwsServer own = new LocalAwsServer();
        own.start(0);
        try (Route53Client client = Route53Fixture.client(own, "AKIASAMENAME")) {
            List<String> ids = java.util.stream.Stream.of(1, 2, 3).map(i -> Route53Fixture.publicZone(client,
                    "same.example.org")).sorted().toList();
            List<String> listed = client.listHostedZonesByName(b -> b.dnsName("same.example.org")
                    .hostedZoneId(ids.get(1))).hostedZones().stream().map(HostedZone::id).toList();
            // the SDK strips /hostedzone/ from most responses, but not from ListHostedZonesByName (§1.4)
            assertEquals(ids.subList(1, 3).stream().map(id -> "/hostedzone/" + id).toList(), listed);
            assertAwsError(400, "InvalidInput", "The input is not valid: hostedzoneid requires dnsname.",
                    () -> client.listHostedZonesByName(b -> b.hostedZoneId(ids.get(0))));
        } finally {
            own.stop();
        }
    }

    @Test
    void listHostedZonesFiltersPrivateZonesByHostedZoneType() {
        LocalAwsServer own = new LocalAwsServer();
        own.start(0);
        try (Route53Client client = Route53Fixture.client(own, "AKIAZONETYPE")) {
            Route53Fixture.publicZone(client, "public.example.org");
            Route53Fixture.privateZone(client, "private.internal", "vpc-0123");
            assertEquals(List.of("private.internal."), client.listHostedZones(b -> b.hostedZoneType(
                    HostedZoneType.PRIVATE_HOSTED_ZONE)).hostedZones().stream().map(HostedZone::name).toList());
            assertEquals(2, client.listHostedZones().hostedZones().size());
        } finally {
            own.stop();
        }
    }

    @Test
    void getChangeOfUnknownIdIsNoSuchChange404() {
        assertAwsError(404, "NoSuchChange", "Could not find resource with ID: C15RYMEZ8RZJFM",
                () -> r53.getChange(b -> b.id("C15RYMEZ8RZJFM")));
    }

    @Test
    void changeIsPendingWhenSubmittedAndInsyncAtFirstGetChangeByDefault() {
        String id = Route53Fixture.publicZone(r53, "change.example.org");
        var response = Route53Fixture.apply(r53, id, Route53Fixture.change(ChangeAction.CREATE.toString(),
                Route53Fixture.set("w.change.example.org", "A", 60, "192.0.2.9")));
        assertEquals(ChangeStatus.PENDING, response.changeInfo().status());
        assertEquals(ChangeStatus.INSYNC, r53.getChange(b -> b.id(response.changeInfo().id())).changeInfo().status());
    }

    @Test
    void changeStaysPendingForConfiguredTime() throws InterruptedException {
        LocalAwsServer slow = new LocalAwsServer(LocalRoute53Options.defaults().withPendingMillis(600));
        slow.start(0);
        try (Route53Client client = Route53Fixture.client(slow, "AKIASLOW")) {
            long sent = System.nanoTime();
            String changeId = client.createHostedZone(b -> b.name("slow.example.org").callerReference("s1"))
                    .changeInfo().id();
            assertEquals(ChangeStatus.PENDING, client.getChange(b -> b.id(changeId)).changeInfo().status());
            Eventually.assertWithin(Duration.ofSeconds(10), () -> client.getChange(b -> b.id(changeId)).changeInfo()
                    .status() == ChangeStatus.INSYNC, () -> "the change goes INSYNC");
            assertTrue(System.nanoTime() - sent >= Duration.ofMillis(600).toNanos(), "not before the pending time");
        } finally {
            slow.stop();
        }
    }
}
