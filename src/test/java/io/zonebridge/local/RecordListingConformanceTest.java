package io.zonebridge.local;

import io.zonebridge.testpeers.EmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

import java.util.ArrayList;
import java.util.List;

import static io.zonebridge.local.Route53Fixture.assertAwsError;
import static io.zonebridge.local.Route53Fixture.create;
import static io.zonebridge.local.Route53Fixture.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ListResourceRecordSets (route53-api.md §5): order, start points and paging through the real AWS SDK v2. */
@ExtendWith(EmulatorExtension.class)
class RecordListingConformanceTest {
    private static LocalAwsServer server;
    private static Route53Client r53;

    @BeforeAll
    static void start(LocalAwsServer emulator) {
        server = emulator;
        r53 = Route53Fixture.client(server, "AKIALISTINGTESTS0001");
    }

    @AfterAll
    static void stop() {
        r53.close();
    }

    private static List<String> names(List<ResourceRecordSet> sets) {
        return sets.stream().map(s -> s.name() + " " + s.typeAsString()
                + (s.setIdentifier() == null ? "" : " " + s.setIdentifier())).toList();
    }

    @Test
    void orderIsReversedLabelsWithTrailingDotThenType() {
        String id = Route53Fixture.publicZone(r53, "x.com");
        create(r53, id, set("api.x.com", "A", 60, "192.0.2.1"), set("api-v2.x.com", "A", 60, "192.0.2.2"),
                set("a.x.com", "A", 60, "192.0.2.3"), set("*.x.com", "A", 60, "192.0.2.4"),
                set("x.com", "A", 60, "192.0.2.5"), set("a.x.com", "TXT", 60, "\"t\""),
                set("a.a.x.com", "A", 60, "192.0.2.6"));
        assertEquals(List.of("x.com. A", "x.com. NS", "x.com. SOA", "\\052.x.com. A", "a.x.com. A", "a.x.com. TXT",
                        "a.a.x.com. A", "api-v2.x.com. A", "api.x.com. A"),
                names(r53.listResourceRecordSets(b -> b.hostedZoneId(id)).resourceRecordSets()));
    }

    @Test
    void paginatorWalksAllSetsInPagesOfAtMost300() {
        String id = Route53Fixture.publicZone(r53, "paging.example.org");
        for (int batch = 0; batch < 7; batch++) {
            List<ResourceRecordSet> sets = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sets.add(set("h" + (batch * 100 + i) + ".paging.example.org", "A", 60, "10.1." + batch + "." + i));
            }
            create(r53, id, sets.toArray(ResourceRecordSet[]::new));
        }
        long before = server.counters().requests("ListResourceRecordSets");
        List<ResourceRecordSet> all = r53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(id))
                .resourceRecordSets().stream().toList();
        assertEquals(702, all.size());
        assertEquals(3, server.counters().requests("ListResourceRecordSets") - before);
        ListResourceRecordSetsResponse first = r53.listResourceRecordSets(b -> b.hostedZoneId(id).maxItems("1000"));
        assertEquals(300, first.resourceRecordSets().size());
        assertEquals("300", first.maxItems());
        assertTrue(first.isTruncated());
        assertEquals(all.get(300).name(), first.nextRecordName());
        assertEquals("A", first.nextRecordTypeAsString());
    }

    @Test
    void startNameNeedNotExistAndTypeOrdersWithinName() {
        String id = Route53Fixture.publicZone(r53, "start.example.org");
        create(r53, id, set("b.start.example.org", "A", 60, "192.0.2.1"),
                set("b.start.example.org", "TXT", 60, "\"x\""), set("d.start.example.org", "A", 60, "192.0.2.2"));
        assertEquals(List.of("d.start.example.org. A"), names(r53.listResourceRecordSets(b -> b.hostedZoneId(id)
                .startRecordName("C.start.example.org")).resourceRecordSets()));
        assertEquals(List.of("b.start.example.org. TXT", "d.start.example.org. A"),
                names(r53.listResourceRecordSets(b -> b.hostedZoneId(id).startRecordName("b.start.example.org")
                        .startRecordType(RRType.MX)).resourceRecordSets()));
    }

    @Test
    void nextRecordIdentifierIsGivenWhenTheNextSetHasOne() {
        String id = Route53Fixture.publicZone(r53, "ident.example.org");
        for (String identifier : List.of("w1", "w2", "w3")) {
            create(r53, id, set(b -> b.name("www.ident.example.org").type("A").ttl(60L).setIdentifier(identifier)
                    .weight(10L).resourceRecords(ResourceRecord.builder().value("192.0.2.1").build())));
        }
        ListResourceRecordSetsResponse page = r53.listResourceRecordSets(b -> b.hostedZoneId(id).maxItems("3"));
        assertEquals(List.of("ident.example.org. NS", "ident.example.org. SOA", "www.ident.example.org. A w1"),
                names(page.resourceRecordSets()));
        assertEquals("w2", page.nextRecordIdentifier());
        ListResourceRecordSetsResponse next = r53.listResourceRecordSets(b -> b.hostedZoneId(id)
                .startRecordName(page.nextRecordName()).startRecordType(page.nextRecordType())
                .startRecordIdentifier(page.nextRecordIdentifier()).maxItems("3"));
        assertEquals(List.of("www.ident.example.org. A w2", "www.ident.example.org. A w3"),
                names(next.resourceRecordSets()));
        assertFalse(next.isTruncated());
        assertNull(next.nextRecordName());
        assertEquals(10L, next.resourceRecordSets().get(0).weight());
    }

    @Test
    void startTypeWithoutStartNameIsInvalidInput() {
        String id = Route53Fixture.publicZone(r53, "notype.example.org");
        assertAwsError(400, "InvalidInput", "The input is not valid: StartRecordType requires StartRecordName.",
                () -> r53.listResourceRecordSets(b -> b.hostedZoneId(id).startRecordType(RRType.A)));
    }

    @Test
    void invalidStartNameIsInvalidInputFatalProblem() {
        String id = Route53Fixture.publicZone(r53, "badstart.example.org");
        assertAwsError(400, "InvalidInput", "FATAL problem: DomainLabelEmpty (Domain label is empty) encountered "
                        + "with 'example.org..'",
                () -> r53.listResourceRecordSets(b -> b.hostedZoneId(id).startRecordName("example.org..")));
    }

    @Test
    void listOfUnknownZoneIsNoSuchHostedZone() {
        assertAwsError(404, "NoSuchHostedZone", "No hosted zone found with ID: ZNOSUCHZONE",
                () -> r53.listResourceRecordSets(b -> b.hostedZoneId("ZNOSUCHZONE")));
    }
}
