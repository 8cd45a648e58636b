package io.zonebridge.reverse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.zonebridge.reverse.AwsEventFixtures.JSON;
import static io.zonebridge.reverse.AwsEventFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Level-triggering: forward A/AAAA record sets change over time; each change emits a CloudTrail event
 * that is delivered late, out of order and possibly twice (directly or SNS-wrapped). Each delivered
 * event goes through the real parser, filter and {@link AffectedNames}, and its names are planned
 * ({@link PtrPlanner#planNames}) against the forward state of the moment and applied. Whatever the
 * delivery order, the reverse zones end where a full reconcile of the final forward state puts them
 * (the full plan then has nothing to do), foreign PTRs are never touched under OWNED_ONLY, and two
 * different delivery orders end in the same reverse zones.
 */
class LevelTriggeredPtrPropertiesTest {

    private static final String ZONE24 = "1.0.10.in-addr.arpa.";
    private static final String ZONE_PARENT = "2.0.10.in-addr.arpa.";
    private static final String ZONE_CLASSLESS = "0\\05725.2.0.10.in-addr.arpa.";
    private static final String ZONE6 = "8.b.d.0.1.0.0.2.ip6.arpa.";
    private static final List<String> ZONES = List.of(ZONE24, ZONE_PARENT, ZONE_CLASSLESS, ZONE6);
    private static final ReverseZoneIndex INDEX = ReverseZoneIndex.of(ZONES.stream()
            .map(zone -> new ReverseZone(zone, "Z" + zone.length(), true, "222222222222")).toList(), Map.of());

    private static final List<String> NAMES = List.of("a.x.example.com.", "bb.x.example.com.",
            "ccc.y.example.com.", "d.y.example.com.", "ee.x.example.com.", "fff.y.example.com.");
    private static final List<String> IPV4 = List.of("10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.2.5",
            "10.0.2.100", "192.168.0.1");
    private static final List<String> IPV6 = List.of("2001:db8::1", "2001:db8::2", "2001:db8:ffff::3");
    private static final String FOREIGN_TARGET = "foreign.example.org.";
    private static final String EVENT_TEMPLATE = read("route53/r53_a_create_two_values_private_zone.json");
    private static final RecordSet SOA_TEMPLATE = RecordSet.of("x.", "SOA", 900, "ns. host. 1 2 3 4 5");

    /** One ChangeResourceRecordSets call: set (name, set id, family) to these addresses, none = delete. */
    record Op(int name, int setId, boolean ipv6, List<String> addresses) {
        RecordKey key() {
            return new RecordKey(NAMES.get(name), ipv6 ? "AAAA" : "A", name < 3 ? null : (setId == 0 ? "blue" : "green"));
        }
    }

    /** When each op's event is delivered (delay after the op) and whether a duplicate follows. */
    record Delivery(int delay, int duplicateDelay, boolean duplicated, boolean snsWrapped) {
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.MIXIN)
    void eventsInAnyOrderConvergeToTheFullReconcile(@ForAll("ops") List<Op> initial,
                                                    @ForAll("ops") List<Op> history,
                                                    @ForAll("deliveries") List<Delivery> first,
                                                    @ForAll("deliveries") List<Delivery> second,
                                                    @ForAll PtrConflictRule rule,
                                                    @ForAll boolean sync,
                                                    @ForAll("foreign") Set<String> foreignAddresses) {
        Map<String, Map<RecordKey, RecordSet>> one = run(initial, history, first, rule, sync, foreignAddresses);
        Map<String, Map<RecordKey, RecordSet>> two = run(initial, history, second, rule, sync, foreignAddresses);
        assertEquals(one, two, "two delivery orders ended in different reverse zones");
    }

    private Map<String, Map<RecordKey, RecordSet>> run(List<Op> initial, List<Op> history, List<Delivery> deliveries,
                                                       PtrConflictRule rule, boolean sync, Set<String> foreign) {
        Map<RecordKey, RecordSet> forward = new TreeMap<>();
        initial.forEach(op -> applyToForward(forward, op));
        Set<String> registry = new HashSet<>();
        OwnershipPolicy ownership = sync ? OwnershipPolicy.sync()
                : OwnershipPolicy.ownedOnly((zone, name) -> registry.contains(zone + " " + name));
        PtrPlanner planner = new PtrPlanner(INDEX, new PtrOptions(300, rule, ownership));

        Map<String, Map<RecordKey, RecordSet>> reverse = new TreeMap<>();
        for (String zone : ZONES) {
            reverse.put(zone, new HashMap<>(Map.of(RecordKey.of(zone, "SOA"),
                    new RecordSet(RecordKey.of(zone, "SOA"), 900L, SOA_TEMPLATE.values(), null, Routing.SIMPLE))));
        }
        Map<RecordKey, RecordSet> foreignPtrs = new HashMap<>();
        if (!sync) {
            for (String address : foreign) {
                PtrLocation location = INDEX.locate(address).orElseThrow();
                RecordSet ptr = RecordSet.of(location.ptrName(), "PTR", 86400, FOREIGN_TARGET);
                reverse.get(location.zoneName()).put(ptr.key(), ptr);
                foreignPtrs.put(ptr.key(), ptr);
            }
        }
        apply(planner.plan(forward.values(), snapshots(reverse)), reverse, registry, sync);

        CloudTrailEventParser parser = new CloudTrailEventParser();
        EventFilter filter = new EventFilter(OwnChangeRules.NONE);
        Map<Integer, List<String>> inbox = new TreeMap<>();
        int eventNumber = 0;
        int end = history.size() + 12;
        for (int t = 0; t < end; t++) {
            if (t < history.size()) {
                Op op = history.get(t);
                String body = eventBody(forward.get(op.key()), op, eventNumber++, deliveries.get(t).snsWrapped());
                applyToForward(forward, op);
                if (body != null) {
                    Delivery delivery = deliveries.get(t);
                    inbox.computeIfAbsent(t + delivery.delay(), k -> new ArrayList<>()).add(body);
                    if (delivery.duplicated()) {
                        inbox.computeIfAbsent(t + delivery.duplicateDelay(), k -> new ArrayList<>()).add(body);
                    }
                }
            }
            for (String body : inbox.getOrDefault(t, List.of())) {
                FilterDecision decision = filter.decide(parser.parse(body));
                if (decision instanceof FilterDecision.Accepted accepted) {
                    ReverseWork work = AffectedNames.of(accepted);
                    apply(planner.planNames(work.names(), forward.values(), snapshots(reverse)), reverse, registry, sync);
                }
            }
        }

        PtrPlan full = planner.plan(forward.values(), snapshots(reverse));
        assertTrue(full.isSettled(), () -> "the events left work for a full reconcile: "
                + full.zoneNames().stream().map(z -> z + " write " + full.toWrite(z) + " delete " + full.stale(z)).toList());
        foreignPtrs.forEach((key, ptr) -> assertEquals(ptr, reverse.values().stream()
                .map(zone -> zone.get(key)).filter(java.util.Objects::nonNull).findFirst().orElse(null),
                "a foreign PTR was changed under OWNED_ONLY"));
        return reverse;
    }

    /** What the Planner and the gateway do with a PtrPlan: delete stale managed PTRs, write the rest. */
    private static void apply(PtrPlan plan, Map<String, Map<RecordKey, RecordSet>> reverse, Set<String> registry,
                              boolean sync) {
        for (String zone : plan.zoneNames()) {
            Map<RecordKey, RecordSet> records = reverse.get(zone);
            for (RecordSet stale : plan.stale(zone)) {
                assertTrue(sync || registry.contains(zone + " " + stale.name()), "deleting an unowned PTR " + stale);
                records.remove(stale.key());
                registry.remove(zone + " " + stale.name());
            }
            for (RecordSet write : plan.toWrite(zone)) {
                RecordSet before = records.put(write.key(), write);
                assertTrue(sync || before == null || registry.contains(zone + " " + write.name()),
                        "overwriting an unowned PTR " + before);
                registry.add(zone + " " + write.name());
            }
        }
    }

    private static Map<String, ZoneSnapshot> snapshots(Map<String, Map<RecordKey, RecordSet>> reverse) {
        Map<String, ZoneSnapshot> out = new HashMap<>();
        reverse.forEach((zone, records) -> out.put(zone, new ZoneSnapshot(zone, records)));
        return out;
    }

    private static void applyToForward(Map<RecordKey, RecordSet> forward, Op op) {
        if (op.addresses().isEmpty()) {
            forward.remove(op.key());
        } else {
            Routing routing = op.key().setIdentifier() == null ? Routing.SIMPLE : Routing.weighted(10);
            forward.put(op.key(), new RecordSet(op.key(), 60L, op.addresses(), null, routing));
        }
    }

    /** The CloudTrail event (from the real fixture's shape) for an op, or null when the op changes nothing. */
    private static String eventBody(RecordSet before, Op op, int number, boolean snsWrapped) {
        String action;
        List<String> values;
        if (op.addresses().isEmpty()) {
            if (before == null) {
                return null;
            }
            action = "DELETE";
            values = before.values();
        } else {
            action = before == null ? "CREATE" : "UPSERT";
            values = op.addresses();
        }
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(EVENT_TEMPLATE);
            ObjectNode detail = (ObjectNode) event.get("detail");
            detail.put("eventID", "00000000-0000-0000-0000-" + String.format("%012d", number));
            ArrayNode changes = ((ObjectNode) detail.at("/requestParameters/changeBatch")).putArray("changes");
            ObjectNode set = changes.addObject().put("action", action).putObject("resourceRecordSet");
            set.put("type", op.key().type()).put("tTL", 60);
            if (op.key().setIdentifier() != null) {
                set.put("setIdentifier", op.key().setIdentifier()).put("weight", 10);
            }
            ArrayNode records = set.putArray("resourceRecords");
            values.forEach(value -> records.addObject().put("value", value));
            String name = op.key().name();
            set.put("name", number % 2 == 0 ? name : name.substring(0, name.length() - 1));
            if (!snsWrapped) {
                return JSON.writeValueAsString(event);
            }
            ObjectNode sns = JSON.createObjectNode().put("Type", "Notification")
                    .put("MessageId", "m-" + number).put("Message", JSON.writeValueAsString(event));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sns);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> ipv4 = Combinators.combine(Arbitraries.integers().between(0, NAMES.size() - 1),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.subsetOf(IPV4).ofMaxSize(3))
                .as((name, setId, addresses) -> new Op(name, setId, false, List.copyOf(addresses)));
        Arbitrary<Op> ipv6 = Combinators.combine(Arbitraries.integers().between(0, NAMES.size() - 1),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.subsetOf(IPV6).ofMaxSize(2))
                .as((name, setId, addresses) -> new Op(name, setId, true, List.copyOf(addresses)));
        return Arbitraries.frequencyOf(Tuple.of(3, ipv4), Tuple.of(1, ipv6)).list().ofMaxSize(16);
    }

    @Provide
    Arbitrary<List<Delivery>> deliveries() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 10),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Delivery::new).list().ofSize(16);
    }

    @Provide
    Arbitrary<Set<String>> foreign() {
        return Arbitraries.subsetOf(List.of("10.0.1.3", "10.0.2.100", "2001:db8::2"));
    }
}
