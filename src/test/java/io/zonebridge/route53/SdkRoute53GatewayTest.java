package io.zonebridge.route53;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SdkRoute53Gateway} with the real SDK client against a real Route 53 server over HTTP. */
class SdkRoute53GatewayTest {

    private static GatewayTestServer server;
    private static Route53Client client;
    private static ApiCallCounter calls;
    private static SdkRoute53Gateway gateway;

    @BeforeAll
    static void startServer() throws Exception {
        server = GatewayTestServer.start();
        Route53ClientFactory factory = server.clientFactory(new AccountRateLimiter(200));
        client = factory.create();
        calls = factory.callCounter();
        gateway = new SdkRoute53Gateway(client, calls, Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static HostedZoneRef createZone(String name, boolean privateZone) {
        var response = client.createHostedZone(r -> {
            r.name(name).callerReference(UUID.randomUUID().toString());
            if (privateZone) {
                r.vpc(v -> v.vpcId("vpc-0abc1234").vpcRegion("us-east-1"))
                        .hostedZoneConfig(c -> c.privateZone(true));
            }
        });
        return new HostedZoneRef(HostedZoneRef.bareId(response.hostedZone().id()), RecordNameCodec.canonical(name), privateZone, 2);
    }

    private static ChangeBatch batch(List<Change> changes) {
        return new ChangeBatch(changes, changes.size(), 0);
    }

    private static Change create(String name, String type, long ttl, String... values) {
        return new Change.Create(RecordSet.of(name, type, ttl, values));
    }

    @Test
    void listsHostedZonesThroughPagesWithBareIdsAndCanonicalNames() {
        HostedZoneRef pub = createZone("List-Public.example.org", false);
        HostedZoneRef priv = createZone("list-private.internal", true);
        for (int i = 0; i < 100; i++) {
            createZone("filler" + i + ".list.example.org", false);
        }
        ApiCallStats before = gateway.stats();

        List<HostedZoneRef> zones = gateway.listHostedZones();

        assertTrue(zones.size() >= 102, "all zones listed, got " + zones.size());
        HostedZoneRef listedPub = zones.stream().filter(z -> z.id().equals(pub.id())).findFirst().orElseThrow();
        assertEquals("list-public.example.org.", listedPub.name());
        assertFalse(listedPub.id().contains("/"), listedPub.id());
        assertFalse(listedPub.privateZone());
        assertEquals(2, listedPub.recordCount(), "SOA and NS");
        assertTrue(zones.stream().anyMatch(z -> z.id().equals(priv.id()) && z.privateZone()), "private zone flagged");
        long pages = gateway.stats().since(before).requests("ListHostedZones");
        assertEquals((zones.size() + 99) / 100, pages, "one ListHostedZones request per page of 100");
    }

    @Test
    void readsAThousandSetsPageByPageAndAppliesBatches() {
        HostedZoneRef zone = createZone("paging.example.org", false);
        List<Change> first = new ArrayList<>();
        List<Change> second = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            (i < 500 ? first : second).add(create("host" + i + ".paging.example.org.", "A", 300,
                    "10.0." + (i / 250) + "." + (i % 250)));
        }
        ApiCallStats beforeApply = gateway.stats();
        long start = System.nanoTime();

        ApplyResult applied = gateway.apply(zone, List.of(batch(first), batch(second)), false);
        long end = System.nanoTime();

        assertTrue(applied.isComplete(), applied.failures().toString());
        assertEquals(1000, applied.appliedChanges());
        assertEquals(2, applied.changeIds().size());
        assertEquals(2, gateway.stats().since(beforeApply).requests("ChangeResourceRecordSets"));
        long sent = gateway.lastSent("ChangeResourceRecordSets").orElseThrow();
        assertTrue(sent > start && sent < end, "the last batch was sent during the apply");
        assertTrue(gateway.lastSent("NoSuchOperation").isEmpty(), "nothing sent for an operation never called");

        ApiCallStats beforeRead = gateway.stats();
        ZoneSnapshot snapshot = gateway.readZone(zone);

        assertEquals(1002, snapshot.size(), "1,000 sets plus the apex SOA and NS");
        // pages of 300 as Route 53 serves them: 1,002 sets take ceil(1002/300) = 4 pages
        assertEquals((1002 + 299) / 300, gateway.stats().since(beforeRead).requests("ListResourceRecordSets"));
        assertEquals(RecordSet.of("host777.paging.example.org.", "A", 300, "10.0.3.27"),
                snapshot.get(RecordKey.of("host777.paging.example.org.", "A")).orElseThrow());
        assertTrue(snapshot.soa().isPresent());
    }

    @Test
    void roundTripsValuesAliasesAndRoutingFields() {
        HostedZoneRef zone = createZone("routing.example.org", false);
        String o = "routing.example.org.";
        List<RecordSet> sets = List.of(
                RecordSet.of("multi." + o, "TXT", 60, "\"b text\"", "\"a text\""),
                RecordSet.of("mail." + o, "MX", 3600, "10 mx1.example.net.", "20 mx2.example.net."),
                new RecordSet(new RecordKey("w." + o, "A", "blue"), 60L, List.of("192.0.2.1"), null, Routing.weighted(10)),
                new RecordSet(new RecordKey("w." + o, "A", "green"), 60L, List.of("192.0.2.2"), null, Routing.weighted(0)),
                new RecordSet(new RecordKey("geo." + o, "A", "de"), 60L, List.of("192.0.2.3"), null,
                        new Routing(null, null, null, "DE", null, null, null, null)),
                new RecordSet(new RecordKey("geo." + o, "A", "eu"), 60L, List.of("192.0.2.4"), null,
                        new Routing(null, null, "EU", null, null, null, null, null)),
                new RecordSet(new RecordKey("lat." + o, "A", "fra"), 60L, List.of("192.0.2.5"), null,
                        new Routing(null, "eu-central-1", null, null, null, null, null, null)),
                new RecordSet(new RecordKey("fo." + o, "A", "primary"), 60L, List.of("192.0.2.6"), null,
                        new Routing(null, null, null, null, null, "PRIMARY", null, "0f1e2d3c-aaaa-bbbb-cccc-123456789abc")),
                new RecordSet(new RecordKey("mv." + o, "A", "one"), 60L, List.of("192.0.2.7"), null, Routing.multiValue()),
                RecordSet.of("web." + o, "A", 60, "192.0.2.8"),
                new RecordSet(RecordKey.of("www." + o, "A"), null, List.of(),
                        new AliasTarget(zone.id(), "web." + o, true), Routing.SIMPLE));

        ApplyResult result = gateway.apply(zone, List.of(batch(sets.stream().<Change>map(Change.Create::new).toList())), false);

        assertTrue(result.isComplete(), result.failures().toString());
        ZoneSnapshot snapshot = gateway.readZone(zone);
        for (RecordSet sent : sets) {
            assertEquals(sent, snapshot.get(sent.key()).orElse(null), "read back as sent: " + sent.key());
        }
    }

    @Test
    void bisectsARefusedBatchByNameGroupAndReportsOnlyTheBadGroup() {
        HostedZoneRef zone = createZone("bisect.example.org", false);
        String o = "bisect.example.org.";
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (i == 23) {
                changes.add(new Change.Delete(RecordSet.of("gone." + o, "A", 300, "192.0.2.99")));
            } else {
                changes.add(create("n" + i + "." + o, "A", 300, "192.0.2." + i));
                changes.add(create("n" + i + "." + o, "TXT", 300, "\"group " + i + "\""));
            }
        }
        ApiCallStats before = gateway.stats();

        ApplyResult result = gateway.apply(zone, List.of(batch(changes)), false);

        assertEquals(1, result.failures().size(), result.failures().toString());
        ApplyResult.FailedGroup failed = result.failures().get(0);
        assertEquals("gone." + o, failed.name());
        assertEquals(1, failed.changes());
        assertEquals("[Tried to delete resource record set [name='gone." + o + "', type='A'] but it was not found]",
                failed.message(), "Route 53's own message");
        assertEquals(78, result.appliedChanges(), "39 good name groups of 2 changes");
        long requests = gateway.stats().since(before).requests("ChangeResourceRecordSets");
        assertTrue(requests <= 1 + 2 * 6, "bisection needs few requests (40 groups, log2 = 6 levels), sent " + requests);
        assertEquals(result.changeIds().size() + 1 + 6, requests, "accepted requests + refused whole batch + one refused half per level");
        ZoneSnapshot snapshot = gateway.readZone(zone);
        assertEquals(2 + 78, snapshot.size());
        assertTrue(snapshot.get(RecordKey.of("n39." + o, "TXT")).isPresent());
        assertFalse(snapshot.get(RecordKey.of("gone." + o, "A")).isPresent());
    }

    @Test
    void reportsInvalidChangeBatchWithRoute53sMessage() {
        HostedZoneRef zone = createZone("dup.example.org", false);
        String o = "dup.example.org.";
        Change dup = create("dup." + o, "A", 300, "192.0.2.1");
        assertTrue(gateway.apply(zone, List.of(batch(List.of(dup))), false).isComplete());

        ApplyResult result = gateway.apply(zone,
                List.of(batch(List.of(create("a." + o, "A", 300, "192.0.2.2"), dup, create("z." + o, "A", 300, "192.0.2.3")))), false);

        assertEquals(List.of(new ApplyResult.FailedGroup("dup." + o, 1,
                "[Tried to create resource record set [name='dup." + o + "', type='A'] but it already exists]")), result.failures());
        assertEquals(2, result.appliedChanges());
        Set<String> names = gateway.readZone(zone).recordSets().keySet().stream().map(RecordKey::name).collect(Collectors.toSet());
        assertEquals(Set.of(o, "a." + o, "dup." + o, "z." + o), names);
    }

    @Test
    void upsertsAndDeletesAndWaitsForInsync() {
        HostedZoneRef zone = createZone("insync.example.org", false);
        String o = "insync.example.org.";
        RecordSet v1 = RecordSet.of("app." + o, "A", 60, "192.0.2.1");
        RecordSet v2 = RecordSet.of("app." + o, "A", 120, "192.0.2.1", "192.0.2.2");
        RecordSet other = RecordSet.of("other." + o, "CNAME", 60, "app." + o);
        ApiCallStats before = gateway.stats();

        ApplyResult result = gateway.apply(zone, List.of(
                batch(List.of(new Change.Create(v1), new Change.Create(other))),
                batch(List.of(new Change.Update(v1, v2), new Change.Delete(other)))), true);

        assertTrue(result.isComplete());
        assertEquals(2, result.changeIds().size());
        ApiCallStats delta = gateway.stats().since(before);
        assertTrue(delta.requests("GetChange") >= 2, "polled GetChange for each change: " + delta);
        ZoneSnapshot snapshot = gateway.readZone(zone);
        assertEquals(v2, snapshot.get(v2.key()).orElseThrow());
        assertFalse(snapshot.get(other.key()).isPresent());
        assertEquals(0, delta.retries(), "no retries needed");
    }
}
