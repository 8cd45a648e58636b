package io.zonebridge.doctor;

import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.RecordNameCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * Every Route 53 read doctor makes: the private zones associated with a VPC (ListHostedZonesByVPC), the private
 * zones of the account whose name is an ancestor of the query name (ListHostedZonesByName), and the record sets
 * at one name of a zone (ListResourceRecordSets).
 */
public final class HostedZoneReads {

    private final Route53Client route53;

    /** Reads through {@code route53} (the caller closes it). */
    public HostedZoneReads(Route53Client route53) {
        this.route53 = route53;
    }

    /** Ids of the private zones (of any account) associated with the VPC. */
    public Map<String, String> zonesOfVpc(String vpcId, String region) {
        Map<String, String> zones = new TreeMap<>();
        String next = null;
        do {
            String token = next;
            var page = route53.listHostedZonesByVPC(r -> r.vpcId(vpcId).vpcRegion(VPCRegion.fromValue(region))
                    .nextToken(token));
            page.hostedZoneSummaries().forEach(z -> zones.put(HostedZoneRef.bareId(z.hostedZoneId()),
                    RecordNameCodec.canonical(z.name())));
            next = page.nextToken();
        } while (next != null);
        return zones;
    }

    /** The account's private zones named {@code name} or one of its ancestors (most specific first). */
    public List<HostedZoneRef> privateZonesCovering(Name name) {
        List<HostedZoneRef> zones = new ArrayList<>();
        for (int strip = 0; strip < name.labels() - 1; strip++) {
            String domain = RecordNameCodec.canonical(new Name(name, strip));
            ListHostedZonesByNameResponse page = route53.listHostedZonesByName(r -> r.dnsName(domain).maxItems("100"));
            for (HostedZone zone : page.hostedZones()) {
                if (!RecordNameCodec.canonical(zone.name()).equals(domain)) {
                    break;
                }
                if (zone.config() != null && Boolean.TRUE.equals(zone.config().privateZone())) {
                    zones.add(new HostedZoneRef(HostedZoneRef.bareId(zone.id()), domain, true,
                            zone.resourceRecordSetCount() == null ? 0 : zone.resourceRecordSetCount()));
                }
            }
        }
        return zones;
    }

    /** The record sets named {@code name} in the zone, all types (Route 53's own value texts). */
    public List<ResourceRecordSet> recordsAt(String zoneId, Name name) {
        String wanted = RecordNameCodec.canonical(name);
        List<ResourceRecordSet> found = new ArrayList<>();
        for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)
                .startRecordName(wanted).maxItems("300")).resourceRecordSets()) {
            if (!RecordNameCodec.canonical(set.name()).equals(wanted)) {
                break;
            }
            found.add(set);
        }
        return found;
    }
}
