package io.zonebridge.sync;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.BatchRefusedException;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.InMemoryRoute53Gateway;
import io.zonebridge.route53.NameGroupBisection;
import io.zonebridge.route53.Route53Gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory Route 53 seen through a recorder: every batch Route 53 accepted, checked against what the zone held
 * just before (each CREATE into absence, each DELETE of exactly the values held, no UPSERT but the apex SOA), and
 * lost responses on demand (the batch is applied, the answer never arrives).
 */
final class RecordingGateway implements Route53Gateway {

    final InMemoryRoute53Gateway route53;
    final List<List<Change>> accepted = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    int refused;
    boolean loseNextResponse;

    RecordingGateway(InMemoryRoute53Gateway route53) {
        this.route53 = route53;
    }

    @Override
    public List<HostedZoneRef> listHostedZones() {
        return route53.listHostedZones();
    }

    @Override
    public Set<String> privateZoneIdsOfVpc(String vpcId, String vpcRegion) {
        return route53.privateZoneIdsOfVpc(vpcId, vpcRegion);
    }

    @Override
    public ZoneSnapshot readZone(HostedZoneRef zone) {
        return route53.contents(zone);
    }

    @Override
    public ZoneSnapshot readZone(HostedZoneRef zone, AccountRateLimiter budget) {
        return route53.contents(zone);
    }

    @Override
    public List<RecordSet> readName(HostedZoneRef zone, String name) {
        return route53.readName(zone, name);
    }

    @Override
    public ApplyResult apply(HostedZoneRef zone, List<ChangeBatch> batches, boolean waitForInsync) {
        // through this gateway's own submit, so every batch is recorded and checked like the engine's
        return NameGroupBisection.apply(batches, changes -> submit(zone, changes));
    }

    @Override
    public synchronized String submit(HostedZoneRef zone, List<Change> changes) throws BatchRefusedException {
        Map<RecordKey, RecordSet> before = new HashMap<>(route53.contents(zone).recordSets());
        String id;
        try {
            id = route53.submit(zone, changes);
        } catch (BatchRefusedException e) {
            refused++;
            throw e;
        }
        check(zone.name(), before, changes);
        accepted.add(changes);
        if (loseNextResponse) {
            loseNextResponse = false;
            throw new IllegalStateException("connection reset: response to ChangeResourceRecordSets lost");
        }
        return id;
    }

    private void check(String origin, Map<RecordKey, RecordSet> held, List<Change> changes) {
        for (Change change : changes) {
            RecordKey key = change.key();
            RecordSet current = held.get(key);
            switch (change.action()) {
                case CREATE -> {
                    if (current != null) {
                        violations.add("CREATE over a held set " + key);
                    }
                    held.put(key, change.recordSet());
                }
                case DELETE -> {
                    if (!change.recordSet().equals(current)) {
                        violations.add("DELETE of values not held " + key);
                    }
                    held.remove(key);
                }
                case UPSERT -> {
                    if (!(key.type().equals("SOA") && key.name().equals(origin))) {
                        violations.add("blind UPSERT of " + key);
                    }
                    held.put(key, change.recordSet());
                }
            }
        }
    }

    long upserts() {
        return accepted.stream().flatMap(List::stream).filter(c -> c.action() == ChangeAction.UPSERT).count();
    }
}
