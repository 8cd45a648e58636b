package io.zonebridge.ec2;

import io.zonebridge.testpeers.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.model.RecordSet;
import io.zonebridge.route53.HostedZoneRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole Camel-free EC2 path: event bodies (fixture shapes) → parser → lifecycle, with instances and VPCs in
 * the project's EC2 emulator and state in DynamoDB Local; the returned changes are applied to {@link AppliedZones}.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class InstanceLifecycleTest {

    private static final String ZONE = "internal.example.com.";
    private static final Instant T0 = Instant.parse("2024-05-14T12:58:41Z");

    private static LocalAwsServer emulator;
    private static DynamoDbLocal dynamo;
    private static Ec2Client ec2;
    private static DynamoDbClient dynamoClient;
    private static Ec2Sandbox sandbox;
    private static final AtomicInteger NETWORKS = new AtomicInteger(10);
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final Ec2StateEventParser parser = new Ec2StateEventParser();

    @BeforeAll
    static void start(DynamoDbLocal classDynamo) throws Exception {
        emulator = Ec2TestClients.emulator();
        dynamo = classDynamo;
        ec2 = Ec2TestClients.against(emulator);
        dynamoClient = dynamo.client();
        sandbox = new Ec2Sandbox(ec2);
    }

    @AfterAll
    static void stop() throws Exception {
        ec2.close();
        dynamoClient.close();
        emulator.stop();
    }

    /** One VPC with a subnet, its private zone, a public zone and a private zone of the same name elsewhere. */
    private record Scenery(String vpc, String subnet, String prefix, List<CandidateZone> zones) {
        String privateZone() {
            return zones.get(0).zone().id();
        }

        String publicZone() {
            return zones.get(1).zone().id();
        }

        String otherPrivateZone() {
            return zones.get(2).zone().id();
        }
    }

    private static Scenery scenery() {
        int n = NETWORKS.incrementAndGet();
        String prefix = "10." + n + ".1.";
        String vpc = sandbox.vpc("10." + n + ".0.0/16", null, true, true);
        String subnet = sandbox.subnet(vpc, "10." + n + ".1.0/24");
        List<CandidateZone> zones = List.of(
                new CandidateZone(new HostedZoneRef("Z0PRIV" + n, ZONE, true, 2), List.of(new VpcAssociation(vpc, "us-east-1"))),
                new CandidateZone(new HostedZoneRef("Z0PUB" + n, ZONE, false, 2), List.of()),
                new CandidateZone(new HostedZoneRef("Z0ELSE" + n, ZONE, true, 2),
                        List.of(new VpcAssociation("vpc-0elsewhere" + n, "us-east-1"))));
        return new Scenery(vpc, subnet, prefix, zones);
    }

    private InstanceLifecycle lifecycle(DynamoDbClient client, String table, List<CandidateZone> zones) {
        InstanceRecordStore store = new InstanceRecordStore(client, table);
        store.ensureTable();
        return new InstanceLifecycle(new InstanceDescriber(ec2), new VpcDescriber(ec2),
                new InstanceRecordPlanner(Ec2DnsSettings.DEFAULTS), store, () -> zones);
    }

    private static String newTable() {
        return "zb-ec2-" + TABLES.incrementAndGet();
    }

    private InstanceDnsChanges state(InstanceLifecycle lifecycle, String id, String state, Instant time) {
        return lifecycle.handle(parser.parse(EventBodies.state(id, state, time)).orElseThrow());
    }

    private static String publicIp(String id) {
        return new InstanceDescriber(ec2).describe(id).orElseThrow().publicIpv4();
    }

    @Test
    void everyStateCreatesOrRemovesExactlyInTheRightSameNamedZones() {
        Scenery s = scenery();
        String ip = s.prefix() + "25";
        String id = sandbox.run(s.subnet(), ip, Map.of("Name", "web-01", "ZONE", ZONE, "CNAME", "www." + ZONE));
        InstanceLifecycle lifecycle = lifecycle(dynamoClient, newTable(), s.zones());
        AppliedZones applied = new AppliedZones();

        InstanceDnsChanges pending = state(lifecycle, id, "pending", T0);
        assertTrue(pending.isEmpty() && !pending.staleEvent());

        applied.apply(state(lifecycle, id, "running", T0.plusSeconds(16)));
        String name = "web-01." + ZONE;
        assertEquals(List.of(RecordSet.of(name, "A", 300, ip), RecordSet.of("www." + ZONE, "CNAME", 300, name)),
                applied.all(s.privateZone()));
        assertEquals(List.of(RecordSet.of(name, "A", 300, publicIp(id)), RecordSet.of("www." + ZONE, "CNAME", 300, name)),
                applied.all(s.publicZone()));
        assertEquals(List.of(), applied.all(s.otherPrivateZone()), "a private zone of the same name elsewhere is untouched");
        assertEquals(Map.of(ip, name), applied.ptrs);

        assertTrue(state(lifecycle, id, "stopping", T0.plusSeconds(100)).isEmpty());
        sandbox.stop(id);
        InstanceDnsChanges stopped = state(lifecycle, id, "stopped", T0.plusSeconds(130));
        assertEquals(2, stopped.deletes().get(s.privateZone()).size());
        assertEquals(2, stopped.deletes().get(s.publicZone()).size());
        applied.apply(stopped);
        assertTrue(applied.zones.isEmpty(), applied.zones::toString);
        assertTrue(applied.ptrs.isEmpty());

        sandbox.start(id);
        applied.apply(state(lifecycle, id, "running", T0.plusSeconds(200)));
        assertEquals(RecordSet.of(name, "A", 300, ip), applied.get(s.privateZone(), name, "A"));
        assertEquals(RecordSet.of(name, "A", 300, publicIp(id)), applied.get(s.publicZone(), name, "A"));

        sandbox.terminate(id);
        InstanceDnsChanges shuttingDown = state(lifecycle, id, "shutting-down", T0.plusSeconds(300));
        applied.apply(shuttingDown);
        assertTrue(applied.zones.isEmpty(), applied.zones::toString);
        InstanceDnsChanges terminated = state(lifecycle, id, "terminated", T0.plusSeconds(360));
        assertEquals(shuttingDown.deletes(), terminated.deletes(), "the same records, once more, for the diff to drop");
        applied.apply(terminated);
        assertTrue(applied.zones.isEmpty() && applied.ptrs.isEmpty());
    }

    @Test
    void lateTagsFromCreateTagsArePickedUpAndDeleteTagsDropped() {
        Scenery s = scenery();
        String ip = s.prefix() + "30";
        String id = sandbox.run(s.subnet(), ip, Map.of("Name", "asg-node"));
        InstanceLifecycle lifecycle = lifecycle(dynamoClient, newTable(), s.zones());
        AppliedZones applied = new AppliedZones();

        InstanceDnsChanges running = state(lifecycle, id, "running", T0);
        assertTrue(running.isEmpty(), "no ZONE tag and no DHCP domain: no records yet");

        Map<String, String> tags = Map.of("ZONE", ZONE);
        sandbox.tag(id, tags);
        InstanceDnsChanges tagged = lifecycle.handle(parser.parse(EventBodies.createTags(id, tags, T0.plusSeconds(20))).orElseThrow());
        applied.apply(tagged);
        assertEquals(RecordSet.of("asg-node." + ZONE, "A", 300, ip), applied.get(s.privateZone(), "asg-node." + ZONE, "A"));
        assertEquals(Map.of(ip, "asg-node." + ZONE), applied.ptrs);

        InstanceDnsChanges unrelated = lifecycle.handle(parser.parse(
                EventBodies.createTags(id, Map.of("CostCentre", "42"), T0.plusSeconds(30))).orElseThrow());
        assertTrue(unrelated.isEmpty() && !unrelated.staleEvent(), "a tag the records do not depend on changes nothing");

        sandbox.untag(id, List.of("ZONE"));
        applied.apply(lifecycle.handle(parser.parse(EventBodies.deleteTags(id, List.of("ZONE"), T0.plusSeconds(40))).orElseThrow()));
        assertTrue(applied.zones.isEmpty(), () -> "DeleteTags of ZONE removes the records: " + applied.zones);
        assertTrue(applied.ptrs.isEmpty());

        InstanceDnsChanges old = lifecycle.handle(parser.parse(
                EventBodies.createTags(id, Map.of("CNAME", "old." + ZONE), T0.minusSeconds(5))).orElseThrow());
        assertTrue(old.staleEvent() && old.isEmpty(), "a CreateTags older than the last event applied is ignored");
    }

    @Test
    void terminateAfterRestartRemovesExactlyWhatWasMade() {
        Scenery s = scenery();
        String ip = s.prefix() + "40";
        String id = sandbox.run(s.subnet(), ip, Map.of("Name", "db-01", "ZONE", ZONE, "CNAME", "db." + ZONE));
        String table = newTable();
        AppliedZones applied = new AppliedZones();
        applied.apply(state(lifecycle(dynamoClient, table, s.zones()), id, "running", T0));
        assertEquals(4, applied.zones.values().stream().mapToInt(Map::size).sum());

        sandbox.terminate(id);
        try (DynamoDbClient afterRestart = dynamo.client()) {
            InstanceLifecycle restarted = lifecycle(afterRestart, table, s.zones());
            InstanceDnsChanges terminated = state(restarted, id, "terminated", T0.plusSeconds(3600));
            applied.apply(terminated);
            assertEquals(terminated, state(restarted, id, "terminated", T0.plusSeconds(3600)),
                    "a redelivered event (say, after a failed apply) gives the same deletes again");
            assertTrue(applied.zones.isEmpty(), applied.zones::toString);
            assertTrue(applied.ptrs.isEmpty());
            assertEquals(List.of(new AddressName(ip, "db-01." + ZONE)), terminated.ptrDeletes());
        }
    }

    @Test
    void instancesReusingAnAddressDoNotRemoveEachOthersRecords() {
        Scenery first = scenery();
        // a second VPC with the same addresses, the private zone associated with both
        String otherVpc = sandbox.vpc(first.prefix().replace(".1.", ".0.") + "0/16", null, true, true);
        String otherSubnet = sandbox.subnet(otherVpc, first.prefix() + "0/24");
        CandidateZone shared = new CandidateZone(first.zones().get(0).zone(),
                List.of(new VpcAssociation(first.vpc(), "us-east-1"), new VpcAssociation(otherVpc, "us-east-1")));
        List<CandidateZone> zones = List.of(shared, first.zones().get(1));
        String ip = first.prefix() + "50";
        String a = sandbox.run(first.subnet(), ip, Map.of("ZONE", ZONE));
        String b = sandbox.run(otherSubnet, ip, Map.of("ZONE", ZONE));
        InstanceLifecycle lifecycle = lifecycle(dynamoClient, newTable(), zones);
        AppliedZones applied = new AppliedZones();
        String name = "ip-" + ip.replace('.', '-') + "." + ZONE;

        applied.apply(state(lifecycle, a, "running", T0));
        applied.apply(state(lifecycle, b, "running", T0.plusSeconds(60)));
        assertEquals(RecordSet.of(name, "A", 300, publicIp(b)), applied.get(first.publicZone(), name, "A"));

        sandbox.terminate(a);
        InstanceDnsChanges aGone = state(lifecycle, a, "terminated", T0.plusSeconds(120));
        assertTrue(aGone.isEmpty(), () -> "the records now belong to " + b + ": " + aGone);
        applied.apply(aGone);
        assertEquals(RecordSet.of(name, "A", 300, ip), applied.get(first.privateZone(), name, "A"));
        assertEquals(Map.of(ip, name), applied.ptrs);

        sandbox.terminate(b);
        applied.apply(state(lifecycle, b, "terminated", T0.plusSeconds(180)));
        assertTrue(applied.zones.isEmpty(), applied.zones::toString);
        assertTrue(applied.ptrs.isEmpty());
    }

    @Test
    void pendingAndRunningOfOneSecondCountInLifecycleOrderWhateverTheDelivery() {
        Scenery s = scenery();
        String id = sandbox.run(s.subnet(), s.prefix() + "70", Map.of("Name", "bare-01"));
        // EventBridge times have whole seconds: pending and running of a fast launch share one, in either order
        InstanceDnsChanges batch = lifecycle(dynamoClient, newTable(), s.zones()).handleAll(List.of(
                parser.parse(EventBodies.state(id, "running", T0)).orElseThrow(),
                parser.parse(EventBodies.state(id, "pending", T0)).orElseThrow()));
        assertEquals(List.of(id), batch.withoutRecords(), "running (no DNS tag yet) decides, not pending");

        InstanceLifecycle lifecycle = lifecycle(dynamoClient, newTable(), s.zones());
        assertEquals(List.of(id), state(lifecycle, id, "running", T0).withoutRecords());
        InstanceDnsChanges late = state(lifecycle, id, "pending", T0);
        assertTrue(late.staleEvent() && late.isEmpty(), "pending after running in the same second is stale");
    }

    @Test
    void duplicateAndOutOfOrderEventsConverge() {
        Scenery s = scenery();
        String ip = s.prefix() + "60";
        String id = sandbox.run(s.subnet(), ip, Map.of("Name", "app-01", "ZONE", ZONE));
        // EC2 ends with the instance running (t3); every delivery order must end with its records
        Instant t1 = T0;
        Instant t2 = T0.plusSeconds(60);
        Instant t3 = T0.plusSeconds(120);
        List<List<Object[]>> orders = List.of(
                List.of(ev("running", t1), ev("stopped", t2), ev("running", t3)),
                List.of(ev("running", t3), ev("stopped", t2), ev("running", t1)),
                List.of(ev("stopped", t2), ev("running", t1), ev("running", t3), ev("running", t3)),
                List.of(ev("running", t1), ev("running", t1), ev("running", t3), ev("stopped", t2), ev("stopped", t2)));
        List<Map<String, ?>> outcomes = new ArrayList<>();
        for (List<Object[]> order : orders) {
            InstanceLifecycle lifecycle = lifecycle(dynamoClient, newTable(), s.zones());
            AppliedZones applied = new AppliedZones();
            for (Object[] e : order) {
                applied.apply(state(lifecycle, id, (String) e[0], (Instant) e[1]));
            }
            outcomes.add(Map.of("zones", applied.zones, "ptrs", applied.ptrs));
        }
        for (List<Object[]> order : orders) {
            // the same events as one batch, handled several instances at a time
            InstanceLifecycle lifecycle = lifecycle(dynamoClient, newTable(), s.zones());
            AppliedZones applied = new AppliedZones();
            applied.apply(lifecycle.handleAll(order.stream()
                    .map(e -> parser.parse(EventBodies.state(id, (String) e[0], (Instant) e[1])).orElseThrow()).toList()));
            outcomes.add(Map.of("zones", applied.zones, "ptrs", applied.ptrs));
        }
        assertFalse(((Map<?, ?>) outcomes.get(0).get("zones")).isEmpty());
        for (Map<String, ?> outcome : outcomes) {
            assertEquals(outcomes.get(0), outcome);
        }

        // and once EC2 says terminated, even a late running event converges to no records
        sandbox.terminate(id);
        InstanceLifecycle lifecycle = lifecycle(dynamoClient, newTable(), s.zones());
        AppliedZones applied = new AppliedZones();
        applied.apply(state(lifecycle, id, "running", t1));
        applied.apply(state(lifecycle, id, "terminated", t2));
        assertTrue(state(lifecycle, id, "running", t1).staleEvent());
        assertTrue(applied.zones.isEmpty());
        InstanceDnsChanges late = state(lifecycle(dynamoClient, newTable(), s.zones()), id, "running", t3);
        assertTrue(late.isEmpty(), "a running event for an instance EC2 reports terminated makes nothing");
        assertNull(new InstanceDescriber(ec2).describe(id).map(d -> d.state().createsRecords() ? d : null).orElse(null));
        assertNotEquals(InstanceState.RUNNING, new InstanceDescriber(ec2).describe(id).orElseThrow().state());
    }

    private static Object[] ev(String state, Instant time) {
        return new Object[]{state, time};
    }
}
