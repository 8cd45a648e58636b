package io.zonebridge.local;

import java.time.Instant;

/** Writes the shared pieces of Route 53 responses: HostedZone, ChangeInfo, DelegationSet, ResourceRecordSet. */
public final class Route53Xml {
    private Route53Xml() {
    }

    /** {@code <HostedZone>} with the prefixed id. */
    public static void hostedZone(XmlWriter w, HostedZoneData zone) {
        w.start("HostedZone").element("Id", "/hostedzone/" + zone.id()).element("Name", zone.name())
                .element("CallerReference", zone.callerReference())
                .start("Config").element("Comment", zone.comment()).element("PrivateZone", zone.privateZone()).end()
                .element("ResourceRecordSetCount", zone.records().size()).end();
    }

    /** {@code <ChangeInfo>} of a change just submitted: always PENDING, as Route 53 answers mutations. */
    public static void submittedChange(XmlWriter w, ChangeData change) {
        changeInfo(w, change, "PENDING");
    }

    /** {@code <ChangeInfo>} with the prefixed id and {@code status}. */
    public static void changeInfo(XmlWriter w, ChangeData change, String status) {
        w.start("ChangeInfo").element("Id", "/change/" + change.id()).element("Status", status)
                .element("SubmittedAt", Instant.ofEpochMilli(change.submittedMillis()).toString())
                .element("Comment", change.comment()).end();
    }

    /** {@code <DelegationSet>} of a public zone. */
    public static void delegationSet(XmlWriter w, HostedZoneData zone) {
        w.start("DelegationSet").start("NameServers");
        zone.nameServers().forEach(ns -> w.element("NameServer", ns));
        w.end().end();
    }

    /** {@code <VPC>} element. */
    public static void vpc(XmlWriter w, HostedZoneData.Vpc vpc) {
        w.start("VPC").element("VPCRegion", vpc.region()).element("VPCId", vpc.id()).end();
    }

    /** {@code <ResourceRecordSet>} in the model's element order. */
    public static void recordSet(XmlWriter w, RecordSetData set) {
        w.start("ResourceRecordSet").element("Name", set.name()).element("Type", set.type())
                .element("SetIdentifier", set.setIdentifier()).element("Weight", set.weight())
                .element("Region", set.region());
        if (set.geoLocation() != null) {
            w.start("GeoLocation").element("ContinentCode", set.geoLocation().continentCode())
                    .element("CountryCode", set.geoLocation().countryCode())
                    .element("SubdivisionCode", set.geoLocation().subdivisionCode()).end();
        }
        w.element("Failover", set.failover()).element("MultiValueAnswer", set.multiValueAnswer())
                .element("TTL", set.ttl());
        if (set.values() != null) {
            w.start("ResourceRecords");
            set.values().forEach(value -> w.start("ResourceRecord").element("Value", value).end());
            w.end();
        }
        if (set.aliasTarget() != null) {
            w.start("AliasTarget").element("HostedZoneId", set.aliasTarget().hostedZoneId())
                    .element("DNSName", set.aliasTarget().dnsName())
                    .element("EvaluateTargetHealth", set.aliasTarget().evaluateTargetHealth()).end();
        }
        w.element("HealthCheckId", set.healthCheckId())
                .element("TrafficPolicyInstanceId", set.trafficPolicyInstanceId());
        if (set.cidrRouting() != null) {
            w.start("CidrRoutingConfig").element("CollectionId", set.cidrRouting().collectionId())
                    .element("LocationName", set.cidrRouting().locationName()).end();
        }
        w.end();
    }
}
