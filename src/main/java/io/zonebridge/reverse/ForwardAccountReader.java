package io.zonebridge.reverse;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.HostedZoneRef;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads one account's forward state: ListHostedZones, then every private zone not under {@code .arpa.} whole, keeping
 * its non-alias A/AAAA record sets. Never throws: what could not be read is a failure of the result.
 */
final class ForwardAccountReader {

    private final AccountRoute53 route53;

    ForwardAccountReader(AccountRoute53 route53) {
        this.route53 = route53;
    }

    /**
     * @param account   the account
     * @param readZone  reads one zone whole (through an engine, keeping its view, or straight through the gateway)
     * @param afterZone called after each zone (a shared read renews its claim)
     * @param listed    receives the account's hosted zones, all of them, once listed
     */
    AccountForward read(String account, Function<HostedZoneRef, ZoneSnapshot> readZone, Runnable afterZone,
                        Consumer<List<HostedZoneRef>> listed) {
        ApiCallStats before = route53.calls(account);
        List<RecordSet> addressSets = new ArrayList<>();
        List<ReconcileFailure> failures = new ArrayList<>();
        List<HostedZoneRef> zones;
        try {
            zones = route53.gateway(account).listHostedZones();
        } catch (RuntimeException e) {
            failures.add(ReconcileFailure.of(account, "list hosted zones", e));
            return new AccountForward(account, 0, false, addressSets, failures,
                    route53.calls(account).since(before));
        }
        listed.accept(zones);
        int zonesRead = 0;
        for (HostedZoneRef zone : zones) {
            if (!zone.privateZone() || zone.name().endsWith(".arpa.") || zone.name().equals("arpa.")) {
                continue;
            }
            try {
                ZoneSnapshot snapshot = readZone.apply(zone);
                zonesRead++;
                for (RecordSet set : snapshot.recordSets().values()) {
                    if (set.isAddress()) {
                        addressSets.add(set);
                    }
                }
            } catch (RuntimeException e) {
                failures.add(ReconcileFailure.of(account, "read zone " + zone.name() + " (" + zone.id() + ")", e));
            }
            afterZone.run();
        }
        return new AccountForward(account, zonesRead, failures.isEmpty(), addressSets, failures,
                route53.calls(account).since(before));
    }
}
