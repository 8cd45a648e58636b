package io.zonebridge.local;

import io.zonebridge.testpeers.EmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.zonebridge.local.Route53Fixture.apply;
import static io.zonebridge.local.Route53Fixture.assertAwsError;
import static io.zonebridge.local.Route53Fixture.change;
import static io.zonebridge.local.Route53Fixture.create;
import static io.zonebridge.local.Route53Fixture.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** ChangeResourceRecordSets (route53-api.md §4 and §6) through the real AWS SDK v2, one behaviour per test. */
@ExtendWith(EmulatorExtension.class)
class ChangeBatchConformanceTest {
    private static final String ZONE = "batch.example.org.";
    private static LocalAwsServer server;
    private static Route53Client r53;
    private String zoneId;

    @BeforeAll
    static void start(LocalAwsServer emulator) {
        server = emulator;
        r53 = Route53Fixture.client(server, "AKIACHANGEBATCHTESTS");
    }

    @AfterAll
    static void stop() {
        r53.close();
    }

    @BeforeEach
    void zone() {
        zoneId = Route53Fixture.publicZone(r53, "batch.example.org");
    }

    private List<ResourceRecordSet> sets() {
        return r53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId)).resourceRecordSets().stream().toList();
    }

    private ResourceRecordSet find(String name, String type) {
        return sets().stream().filter(s -> s.name().equals(name) && s.typeAsString().equals(type)).findFirst()
                .orElse(null);
    }

    private void batchFails(String message, Change... changes) {
        List<ResourceRecordSet> before = sets();
        assertAwsError(400, "InvalidChangeBatch", message, () -> apply(r53, zoneId, changes));
        assertEquals(before, sets(), "a failed batch must change nothing");
    }

    private void inputFails(String message, Change... changes) {
        List<ResourceRecordSet> before = sets();
        assertAwsError(400, "InvalidInput", message, () -> apply(r53, zoneId, changes));
        assertEquals(before, sets());
    }

    @Test
    void createdSetIsListedWithValuesVerbatim() {
        create(r53, zoneId, set("www.batch.example.org", "CNAME", 300, "Foo.CfApps.io"));
        assertEquals("Foo.CfApps.io", find("www." + ZONE, "CNAME").resourceRecords().get(0).value());
    }

    @Test
    void createOfExistingSetIsAlreadyExists() {
        create(r53, zoneId, set("a.batch.example.org", "A", 60, "192.0.2.1"));
        batchFails("[Tried to create resource record set [name='a.batch.example.org.', type='A'] but it already "
                + "exists]", change("CREATE", set("a.batch.example.org", "A", 60, "192.0.2.2")));
    }

    @Test
    void createOfExistingSetWithIdentifierNamesTheIdentifier() {
        ResourceRecordSet weighted = set(b -> b.name("w.batch.example.org").type("A").ttl(60L).setIdentifier("one")
                .weight(10L).resourceRecords(ResourceRecord.builder().value("192.0.2.1").build()));
        create(r53, zoneId, weighted);
        batchFails("[Tried to create resource record set [name='w.batch.example.org.', type='A', "
                + "set-identifier='one'] but it already exists]", change("CREATE", weighted));
    }

    @Test
    void deleteOfMissingSetIsNotFound() {
        batchFails("[Tried to delete resource record set [name='k.batch.example.org.', type='A'] but it was not "
                + "found]", change("DELETE", set("k.batch.example.org", "A", 60, "192.0.2.1")));
    }

    @Test
    void deleteWithDifferentTtlDoesNotMatch() {
        create(r53, zoneId, set("d.batch.example.org", "A", 60, "192.0.2.1"));
        batchFails("[Tried to delete resource record set [name='d.batch.example.org.', type='A'] but the values "
                + "provided do not match the current values]", change("DELETE", set("d.batch.example.org", "A", 61,
                "192.0.2.1")));
    }

    @Test
    void deleteOfOneOfTwoValuesDoesNotMatch() {
        create(r53, zoneId, set("two.batch.example.org", "A", 60, "192.0.2.1", "192.0.2.2"));
        batchFails("[Tried to delete resource record set [name='two.batch.example.org.', type='A'] but the values "
                + "provided do not match the current values]", change("DELETE", set("two.batch.example.org", "A", 60,
                "192.0.2.1")));
    }

    @Test
    void exactDeleteMatchesValuesInAnyOrder() {
        create(r53, zoneId, set("two.batch.example.org", "A", 60, "192.0.2.1", "192.0.2.2"));
        apply(r53, zoneId, change("DELETE", set("two.batch.example.org", "A", 60, "192.0.2.2", "192.0.2.1")));
        assertNull(find("two." + ZONE, "A"));
    }

    @Test
    void upsertReplacesTheWholeSet() {
        create(r53, zoneId, set("u.batch.example.org", "A", 60, "192.0.2.1", "192.0.2.2"));
        apply(r53, zoneId, change("UPSERT", set("u.batch.example.org", "A", 120, "192.0.2.3")));
        ResourceRecordSet after = find("u." + ZONE, "A");
        assertEquals(120L, after.ttl());
        assertEquals(List.of("192.0.2.3"), after.resourceRecords().stream().map(ResourceRecord::value).toList());
    }

    @Test
    void cnameWhereOtherTypesExistConflicts() {
        create(r53, zoneId, set("c.batch.example.org", "A", 60, "192.0.2.1"));
        batchFails("[RRSet of type CNAME with DNS name c.batch.example.org. is not permitted as it conflicts with "
                + "other records with the same DNS name in zone batch.example.org.]",
                change("CREATE", set("c.batch.example.org", "CNAME", 60, "target.example.net")));
    }

    @Test
    void otherTypeWhereCnameExistsConflictsWithTwoSpacesBeforeCname() {
        create(r53, zoneId, set("c.batch.example.org", "CNAME", 60, "target.example.net"));
        batchFails("[RRSet of type TXT with DNS name c.batch.example.org. is not permitted because a conflicting "
                + "RRSet of type  CNAME with the same DNS name already exists in zone batch.example.org.]",
                change("UPSERT", set("c.batch.example.org", "TXT", 60, "\"hello\"")));
    }

    @Test
    void cnameAtApexIsNotPermitted() {
        batchFails("[RRSet of type CNAME with DNS name batch.example.org. is not permitted at apex in zone "
                + "batch.example.org.]", change("CREATE", set("batch.example.org", "CNAME", 60, "x.example.net")));
    }

    @Test
    void deletingApexSoaIsRefused() {
        ResourceRecordSet soa = find(ZONE, "SOA");
        batchFails("[A HostedZone must contain exactly one SOA record.]", change("DELETE", soa));
    }

    @Test
    void deletingApexNsIsRefused() {
        ResourceRecordSet ns = find(ZONE, "NS");
        batchFails("[A HostedZone must contain at least one NS record for the zone itself.]", change("DELETE", ns));
    }

    @Test
    void upsertOfApexSoaIsAllowed() {
        ResourceRecordSet soa = find(ZONE, "SOA");
        String value = soa.resourceRecords().get(0).value().replace(" 1 7200 ", " 2 7200 ");
        apply(r53, zoneId, change("UPSERT", set(ZONE, "SOA", 900, value)));
        assertEquals(value, find(ZONE, "SOA").resourceRecords().get(0).value());
    }

    @Test
    void deletingDelegationNsBelowApexIsAllowed() {
        create(r53, zoneId, set("sub.batch.example.org", "NS", 300, "ns1.example.net."));
        apply(r53, zoneId, change("DELETE", set("sub.batch.example.org", "NS", 300, "ns1.example.net.")));
        assertNull(find("sub." + ZONE, "NS"));
    }

    @Test
    void nameOutsideZoneIsNotPermitted() {
        batchFails("[RRSet with DNS name www.other.org. is not permitted in zone batch.example.org.]",
                change("CREATE", set("www.other.org", "A", 60, "192.0.2.1")));
    }

    @Test
    void allMessagesOfABatchAreCollectedAndNothingIsApplied() {
        batchFails("[Tried to delete resource record set [name='gone.batch.example.org.', type='A'] but it was not "
                        + "found, RRSet with DNS name x.other.org. is not permitted in zone batch.example.org.]",
                change("CREATE", set("fine.batch.example.org", "A", 60, "192.0.2.1")),
                change("DELETE", set("gone.batch.example.org", "A", 60, "192.0.2.1")),
                change("CREATE", set("x.other.org", "A", 60, "192.0.2.1")));
        assertNull(find("fine." + ZONE, "A"));
    }

    @Test
    void laterChangesSeeTheStateEarlierChangesLeave() {
        create(r53, zoneId, set("www.batch.example.org", "CNAME", 60, "old.example.net"),
                set("target.batch.example.org", "A", 60, "192.0.2.7"));
        ResourceRecordSet alias = set(b -> b.name("www.batch.example.org").type("A").aliasTarget(AliasTarget.builder()
                .hostedZoneId(zoneId).dnsName("Target.batch.example.org").evaluateTargetHealth(false).build()));
        apply(r53, zoneId, change("DELETE", set("www.batch.example.org", "CNAME", 60, "old.example.net")),
                change("CREATE", alias));
        ResourceRecordSet stored = find("www." + ZONE, "A");
        assertEquals("target.batch.example.org.", stored.aliasTarget().dnsName());
        assertNull(stored.ttl());
        assertNull(find("www." + ZONE, "CNAME"));
    }

    @Test
    void deletingTheSameSetTwiceInOneBatchFails() {
        create(r53, zoneId, set("twice.batch.example.org", "A", 60, "192.0.2.1"));
        Change delete = change("DELETE", set("twice.batch.example.org", "A", 60, "192.0.2.1"));
        batchFails("[Tried to delete resource record set [name='twice.batch.example.org.', type='A'] but it was "
                + "not found]", delete, delete);
    }

    @Test
    void recordsWithoutTtlAreInvalidInputFoundNone() {
        inputFails("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or "
                        + "TrafficPolicyInstanceId], but found none in Change with [Action=CREATE, "
                        + "Name=test.batch.example.org, Type=TXT, SetIdentifier=null]",
                change("CREATE", set(b -> b.name("test.batch.example.org").type("TXT")
                        .resourceRecords(ResourceRecord.builder().value("\"x\"").build()))));
    }

    @Test
    void aliasWithTtlIsInvalidInputFoundMoreThanOne() {
        inputFails("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or "
                        + "TrafficPolicyInstanceId], but found more than one in Change with [Action=CREATE, "
                        + "Name=app.batch.example.org., Type=A, SetIdentifier=null]",
                change("CREATE", set(b -> b.name("app.batch.example.org.").type("A").ttl(60L)
                        .aliasTarget(a -> a.hostedZoneId("Z2FDTNDATAQYW2").dnsName("d1.cloudfront.net")
                                .evaluateTargetHealth(false)))));
    }

    @Test
    void routingFieldWithoutSetIdentifierIsMissingField() {
        inputFails("Invalid request: Missing field 'SetIdentifier' in Change with [Action=UPSERT, "
                        + "Name=foo.batch.example.org., Type=A, SetIdentifier=null]",
                change("UPSERT", set(b -> b.name("foo.batch.example.org.").type("A").ttl(60L).weight(5L)
                        .resourceRecords(ResourceRecord.builder().value("192.0.2.1").build()))));
    }

    @Test
    void setIdentifierWithoutRoutingFieldIsInvalidInput() {
        inputFails("Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, or "
                        + "MultiValueAnswer], but found none in Change with [Action=DELETE, Name=xyz.batch.example.org, "
                        + "Type=A, SetIdentifier=xyz]",
                change("DELETE", set(b -> b.name("xyz.batch.example.org").type("A").ttl(60L).setIdentifier("xyz")
                        .resourceRecords(ResourceRecord.builder().value("192.0.2.1").build()))));
    }

    @Test
    void moreThan1000RecordElementsWithUpsertCountedTwiceIsRefused() {
        List<String> values = IntStream.range(0, 300).mapToObj(i -> "10.0." + (i / 250) + "." + (i % 250)).toList();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            changes.add(change("UPSERT", set("big" + i + ".batch.example.org", "A", 60, values.toArray(String[]::new))));
        }
        batchFails("[Number of records limit of 1000 exceeded.]", changes.toArray(Change[]::new));
        changes.set(1, change("CREATE", set("big1.batch.example.org", "A", 60, values.toArray(String[]::new))));
        apply(r53, zoneId, changes.toArray(Change[]::new));
        assertEquals(300, find("big1." + ZONE, "A").resourceRecords().size());
    }

    @Test
    void moreThan32000ValueCharactersIsRefused() {
        String txt = "\"" + "x".repeat(250) + "\"";
        String[] values = IntStream.range(0, 65).mapToObj(i -> txt.replace("xx", String.format("%02d", i)))
                .toArray(String[]::new);
        batchFails("[RDATA character limit of 32000 exceeded.]",
                change("UPSERT", set("txt.batch.example.org", "TXT", 60, values)));
    }

    @Test
    void invalidIpv4ValueIsInvalidResourceRecord() {
        batchFails("[Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 "
                + "address) encountered with '300.1.2.3'']", change("CREATE", set("ip.batch.example.org", "A", 60,
                "300.1.2.3")));
    }

    @Test
    void unquotedTxtValueIsInvalidCharacterString() {
        batchFails("[Invalid Resource Record: 'FATAL problem: InvalidCharacterString (Value should be enclosed in "
                + "quotation marks) encountered with 'hello world'']", change("CREATE", set("t.batch.example.org",
                "TXT", 60, "hello world")));
    }

    @Test
    void txtStringLongerThan255IsCharacterStringTooLong() {
        String value = "\"" + "a".repeat(256) + "\"";
        batchFails("[Invalid Resource Record: 'FATAL problem: CharacterStringTooLong (Value is too long) encountered "
                + "with '" + value + "'']", change("CREATE", set("t.batch.example.org", "TXT", 60, value)));
    }

    @Test
    void sameValueTwiceIsDuplicateResourceRecord() {
        batchFails("[Duplicate Resource Record: '192.0.2.1']", change("CREATE", set("dup.batch.example.org", "A", 60,
                "192.0.2.1", "192.0.2.1")));
    }

    @Test
    void wildcardIsReturnedOctalEscapedAndEscapedInputAddressesTheSameSet() {
        create(r53, zoneId, set("*.batch.example.org", "A", 60, "192.0.2.1"));
        assertEquals(60L, find("\\052." + ZONE, "A").ttl());
        apply(r53, zoneId, change("DELETE", set("\\052.batch.example.org", "A", 60, "192.0.2.1")));
        assertNull(find("\\052." + ZONE, "A"));
    }

    @Test
    void namesAreStoredLowerCaseAndOctalEscapesDecoded() {
        create(r53, zoneId, set("WWW.Batch.Example.ORG", "A", 60, "192.0.2.1"),
                set("\\101pp.batch.example.org", "A", 60, "192.0.2.2"));
        assertEquals(60L, find("www." + ZONE, "A").ttl());
        assertEquals(60L, find("app." + ZONE, "A").ttl());
    }

    @Test
    void emptyLabelIsDomainLabelEmpty() {
        batchFails("[FATAL problem: DomainLabelEmpty (Domain label is empty) encountered with "
                + "'a..batch.example.org']", change("CREATE", set("a..batch.example.org", "A", 60, "192.0.2.1")));
    }

    @Test
    void rawSpaceInNameIsUnsupportedCharacter() {
        batchFails("[FATAL problem: UnsupportedCharacter (Value contains unsupported characters) encountered with "
                + "' ']", change("CREATE", set("a b.batch.example.org", "A", 60, "192.0.2.1")));
    }

    @Test
    void simpleSetWhereIdentifiedSetsExistIsRefused() {
        create(r53, zoneId, set(b -> b.name("p.batch.example.org").type("A").ttl(60L).setIdentifier("w1").weight(1L)
                .resourceRecords(ResourceRecord.builder().value("192.0.2.1").build())));
        batchFails("[RRSet with DNS name p.batch.example.org., type A cannot be created as other RRSets exist with "
                + "the same name and type.]", change("CREATE", set("p.batch.example.org", "A", 60, "192.0.2.2")));
    }

    @Test
    void weightedSetWhereSimpleSetExistsIsRefused() {
        create(r53, zoneId, set("q.batch.example.org", "A", 60, "192.0.2.1"));
        batchFails("[RRSet with DNS name q.batch.example.org., type A, SetIdentifier w1 cannot be created as a "
                        + "non-weighted set exists with the same name and type.]",
                change("UPSERT", set(b -> b.name("q.batch.example.org").type("A").ttl(60L).setIdentifier("w1")
                        .weight(1L).resourceRecords(ResourceRecord.builder().value("192.0.2.2").build()))));
    }

    @Test
    void weightedSetsMustShareTheTtl() {
        create(r53, zoneId, set(b -> b.name("r.batch.example.org").type("A").ttl(60L).setIdentifier("w1").weight(1L)
                .resourceRecords(ResourceRecord.builder().value("192.0.2.1").build())));
        batchFails("[RRSet with DNS name r.batch.example.org. and type A, SetIdentifier w2 cannot be created as "
                        + "weighted sets must contain the same TTL.]",
                change("CREATE", set(b -> b.name("r.batch.example.org").type("A").ttl(300L).setIdentifier("w2")
                        .weight(1L).resourceRecords(ResourceRecord.builder().value("192.0.2.2").build()))));
    }

    @Test
    void secondLatencySetForTheSameRegionIsRefused() {
        create(r53, zoneId, set(b -> b.name("l.batch.example.org").type("A").ttl(60L).setIdentifier("one")
                .region("eu-west-1").resourceRecords(ResourceRecord.builder().value("192.0.2.1").build())));
        batchFails("[RRSet with DNS name l.batch.example.org., type A, SetIdentifier two, and Region "
                        + "Name=eu-west-1 cannot be created because a latency RRSet with the same name, type and region "
                        + "already exists.]",
                change("CREATE", set(b -> b.name("l.batch.example.org").type("A").ttl(60L).setIdentifier("two")
                        .region("eu-west-1").resourceRecords(ResourceRecord.builder().value("192.0.2.2").build()))));
    }

    @Test
    void aliasToMissingTargetInTheSameZoneIsNotFound() {
        batchFails("[Tried to create an alias that targets nothing.batch.example.org., type A in zone " + zoneId
                        + ", but that target was not found]",
                change("CREATE", set(b -> b.name("al.batch.example.org").type("A").aliasTarget(a -> a
                        .hostedZoneId(zoneId).dnsName("nothing.batch.example.org").evaluateTargetHealth(false)))));
    }

    @Test
    void ttlZeroIsAccepted() {
        create(r53, zoneId, set("zero.batch.example.org", "A", 0, "192.0.2.1"));
        assertEquals(0L, find("zero." + ZONE, "A").ttl());
    }

    @Test
    void unknownActionIsInvalidXmlEnumeration() {
        inputFails("Invalid XML ; cvc-enumeration-valid: Value 'INVALID_ACTION' is not facet-valid with respect to "
                        + "enumeration '[CREATE, DELETE, UPSERT]'. It must be a value from the enumeration.",
                change("INVALID_ACTION", set("e.batch.example.org", "A", 60, "192.0.2.1")));
    }

    @Test
    void changeBatchToUnknownZoneIsNoSuchHostedZone() {
        assertAwsError(404, "NoSuchHostedZone", "No hosted zone found with ID: Z0000000000000000000X",
                () -> apply(r53, "Z0000000000000000000X", change("CREATE", set("x.example.org", "A", 60, "1.2.3.4"))));
    }

    @Test
    void batchCommentIsEchoedInChangeInfo() {
        var response = r53.changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(cb -> cb.comment("why")
                .changes(change("CREATE", set("cm.batch.example.org", "A", 60, "192.0.2.1")))));
        assertEquals("why", response.changeInfo().comment());
        assertEquals("why", r53.getChange(b -> b.id(response.changeInfo().id())).changeInfo().comment());
    }
}
