package io.zonebridge.route53;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.ChangeBatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test double of {@link Route53Gateway} holding hosted zones in memory, for unit tests of the
 * pipelines above the gateway (it lives in {@code src/main} so every package's tests can use it; it is
 * not for production). It behaves like Route 53 where that matters to a planner: each batch is all or
 * nothing; CREATE of an existing set, DELETE of a missing set, DELETE whose TTL, values, alias or
 * routing differ from the current set, deleting the apex SOA or NS, names outside the zone and CNAME
 * conflicts are refused with Route 53's messages; refused batches are bisected by name group exactly as
 * {@link SdkRoute53Gateway} does. New zones get Route 53's apex NS and SOA. Thread-safe.
 */
public final class InMemoryRoute53Gateway implements Route53Gateway {

    private static final List<String> NAME_SERVERS =
            List.of("ns-1536.awsdns-00.co.uk.", "ns-0.awsdns-00.com.", "ns-1024.awsdns-00.org.", "ns-512.awsdns-00.net.");

    private final Map<String, Zone> zones = new LinkedHashMap<>();
    private int nextZone = 1;
    private int nextChange = 1;
    private int changeRequests;
    private int zoneReads;
    private int nameReads;

    /** Creates a hosted zone (with apex NS and SOA, as Route 53 does) and returns it. */
    public synchronized HostedZoneRef createZone(String name, boolean privateZone) {
        String origin = RecordNameCodec.canonical(name);
        String id = String.format("Z%020d", nextZone++);
        Zone zone = new Zone(id, origin, privateZone);
        zone.sets.put(RecordKey.of(origin, "NS"), new RecordSet(RecordKey.of(origin, "NS"), 172800L, NAME_SERVERS, null, null));
        zone.sets.put(RecordKey.of(origin, "SOA"), RecordSet.of(origin, "SOA", 900,
                NAME_SERVERS.get(0) + " awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"));
        zones.put(id, zone);
        return zone.ref();
    }

    /** Associates a private zone with a VPC (test setup). */
    public synchronized void associate(HostedZoneRef zone, String vpcId) {
        zone(zone).vpcs.add(vpcId);
    }

    @Override
    public synchronized Set<String> privateZoneIdsOfVpc(String vpcId, String vpcRegion) {
        Set<String> ids = new TreeSet<>();
        zones.values().stream().filter(z -> z.vpcs.contains(vpcId)).forEach(z -> ids.add(z.id));
        return ids;
    }

    /** Puts record sets into a zone directly, without a change (test setup); replaces sets of the same identity. */
    public synchronized void seed(HostedZoneRef zone, RecordSet... sets) {
        Zone z = zone(zone);
        for (RecordSet set : sets) {
            z.sets.put(set.key(), set);
        }
    }

    /** ChangeResourceRecordSets requests received so far, refused ones included. */
    public synchronized int changeRequests() {
        return changeRequests;
    }

    /** What the zone holds now, without counting a read (for test assertions). */
    public synchronized ZoneSnapshot contents(HostedZoneRef zone) {
        Zone z = zone(zone);
        return ZoneSnapshot.of(z.origin, z.sets.values());
    }

    /** Whole-zone reads ({@link #readZone}) so far. */
    public synchronized int zoneReads() {
        return zoneReads;
    }

    /** Reads of one name ({@link #readName}) so far. */
    public synchronized int nameReads() {
        return nameReads;
    }

    /** Changes the zone as someone else would (the console, another tool): puts or, with no values, removes a set. */
    public synchronized void editByHand(HostedZoneRef zone, RecordKey key, RecordSet replacement) {
        Zone z = zone(zone);
        if (replacement == null) {
            z.sets.remove(key);
        } else {
            z.sets.put(key, replacement);
        }
    }

    @Override
    public synchronized List<HostedZoneRef> listHostedZones() {
        return zones.values().stream().map(Zone::ref).toList();
    }

    @Override
    public synchronized ZoneSnapshot readZone(HostedZoneRef zone) {
        zoneReads++;
        Zone z = zone(zone);
        return ZoneSnapshot.of(z.origin, z.sets.values());
    }

    @Override
    public synchronized List<RecordSet> readName(HostedZoneRef zone, String name) {
        nameReads++;
        return zone(zone).sets.values().stream().filter(s -> s.name().equals(name)).toList();
    }

    @Override
    public ApplyResult apply(HostedZoneRef zone, List<ChangeBatch> batches, boolean waitForInsync) {
        return NameGroupBisection.apply(batches, changes -> submit(zone, changes));
    }

    @Override
    public synchronized String submit(HostedZoneRef zone, List<Change> changes) throws BatchRefusedException {
        changeRequests++;
        Zone z = zone(zone);
        Map<RecordKey, RecordSet> next = new TreeMap<>(z.sets);
        for (Change change : changes) {
            String refusal = applyOne(z.origin, next, change);
            if (refusal != null) {
                throw new BatchRefusedException("[" + refusal + "]");
            }
        }
        z.sets.clear();
        z.sets.putAll(next);
        return String.format("C%020d", nextChange++);
    }

    /** Applies one change to {@code sets}; returns Route 53's refusal text, or null when accepted. */
    private static String applyOne(String origin, Map<RecordKey, RecordSet> sets, Change change) {
        RecordSet set = change.recordSet();
        RecordKey key = set.key();
        if (!key.isAtOrBelow(origin)) {
            return "RRSet with DNS name " + key.name() + " is not permitted in zone " + origin;
        }
        RecordSet current = sets.get(key);
        switch (change.action()) {
            case DELETE -> {
                if (current == null) {
                    return "Tried to delete resource record set " + describe(key) + " but it was not found";
                }
                if (!current.equals(set)) {
                    return "Tried to delete resource record set " + describe(key) + " but the values provided do not match the current values";
                }
                if (key.isApexOf(origin) && key.type().equals("SOA")) {
                    return "A HostedZone must contain exactly one SOA record.";
                }
                if (key.isApexOf(origin) && key.type().equals("NS")) {
                    return "A HostedZone must contain at least one NS record for the zone itself.";
                }
                sets.remove(key);
            }
            case CREATE, UPSERT -> {
                if (change.action() == ChangeAction.CREATE && current != null) {
                    return "Tried to create resource record set " + describe(key) + " but it already exists";
                }
                String conflict = cnameConflict(origin, sets, key);
                if (conflict != null) {
                    return conflict;
                }
                sets.put(key, set);
            }
        }
        return null;
    }

    private static String cnameConflict(String origin, Map<RecordKey, RecordSet> sets, RecordKey key) {
        boolean cname = key.type().equals("CNAME");
        if (cname && key.isApexOf(origin)) {
            return "RRSet of type CNAME with DNS name " + key.name() + " is not permitted at apex in zone " + origin;
        }
        for (RecordKey other : sets.keySet()) {
            if (!other.name().equals(key.name()) || other.type().equals(key.type())) {
                continue;
            }
            if (cname) {
                return "RRSet of type CNAME with DNS name " + key.name()
                        + " is not permitted as it conflicts with other records with the same DNS name in zone " + origin;
            }
            if (other.type().equals("CNAME")) {
                return "RRSet of type " + key.type() + " with DNS name " + key.name()
                        + " is not permitted because a conflicting RRSet of type  CNAME with the same DNS name already exists in zone " + origin;
            }
        }
        return null;
    }

    private static String describe(RecordKey key) {
        return key.setIdentifier() == null
                ? "[name='" + key.name() + "', type='" + key.type() + "']"
                : "[name='" + key.name() + "', type='" + key.type() + "', set-identifier='" + key.setIdentifier() + "']";
    }

    private Zone zone(HostedZoneRef ref) {
        Zone z = zones.get(ref.id());
        if (z == null) {
            throw new IllegalArgumentException("No hosted zone found with ID: " + ref.id());
        }
        return z;
    }

    private static final class Zone {
        final String id;
        final String origin;
        final boolean privateZone;
        final Map<RecordKey, RecordSet> sets = new TreeMap<>();
        final Set<String> vpcs = new TreeSet<>();

        Zone(String id, String origin, boolean privateZone) {
            this.id = id;
            this.origin = origin;
            this.privateZone = privateZone;
        }

        HostedZoneRef ref() {
            return new HostedZoneRef(id, origin, privateZone, sets.size());
        }
    }
}
