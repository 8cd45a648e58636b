package io.zonebridge.route53;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import software.amazon.awssdk.services.route53.model.GeoLocation;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the SDK's {@link ResourceRecordSet} and zonebridge's {@link RecordSet}: names and
 * alias targets through {@link RecordNameCodec}, values through {@link RecordValueCodec}, hosted zone
 * ids bare. Record sets using features zonebridge does not model (CIDR routing, geoproximity,
 * traffic policies) are refused with an error naming them, so they are never half-understood and
 * later deleted by an incomplete DELETE.
 */
public final class RecordSetMapper {

    private RecordSetMapper() {
    }

    /** A record set as Route 53 returned it → the canonical model. */
    public static RecordSet toModel(ResourceRecordSet sdk) {
        String name = RecordNameCodec.canonical(sdk.name());
        String type = sdk.typeAsString();
        RecordKey key = new RecordKey(name, type, sdk.setIdentifier());
        refuseUnmodelled(sdk, key);
        Routing routing = routing(sdk);
        if (sdk.aliasTarget() != null) {
            software.amazon.awssdk.services.route53.model.AliasTarget a = sdk.aliasTarget();
            AliasTarget alias = new AliasTarget(HostedZoneRef.bareId(a.hostedZoneId()), RecordNameCodec.canonical(a.dnsName()),
                    Boolean.TRUE.equals(a.evaluateTargetHealth()));
            return new RecordSet(key, null, List.of(), alias, routing);
        }
        List<String> values = new ArrayList<>(sdk.resourceRecords().size());
        for (ResourceRecord rr : sdk.resourceRecords()) {
            values.add(RecordValueCodec.canonical(type, rr.value()));
        }
        return new RecordSet(key, sdk.ttl(), values, null, routing);
    }

    /** A model record set → the SDK shape sent in a change (every field, so a DELETE matches exactly). */
    public static ResourceRecordSet toSdk(RecordSet set) {
        RecordKey key = set.key();
        Routing r = set.routing();
        ResourceRecordSet.Builder b = ResourceRecordSet.builder()
                .name(key.name())
                .type(key.type())
                .setIdentifier(key.setIdentifier())
                .weight(r.weight())
                .region(r.region())
                .failover(r.failover())
                .multiValueAnswer(r.multiValueAnswer())
                .healthCheckId(r.healthCheckId());
        if (r.geoContinent() != null || r.geoCountry() != null || r.geoSubdivision() != null) {
            b.geoLocation(GeoLocation.builder().continentCode(r.geoContinent()).countryCode(r.geoCountry())
                    .subdivisionCode(r.geoSubdivision()).build());
        }
        if (set.isAlias()) {
            AliasTarget a = set.alias();
            b.aliasTarget(software.amazon.awssdk.services.route53.model.AliasTarget.builder()
                    .hostedZoneId(a.hostedZoneId()).dnsName(a.dnsName())
                    .evaluateTargetHealth(a.evaluateTargetHealth()).build());
        } else {
            b.ttl(set.ttl()).resourceRecords(set.values().stream()
                    .map(v -> ResourceRecord.builder().value(v).build()).toList());
        }
        return b.build();
    }

    private static Routing routing(ResourceRecordSet sdk) {
        if (sdk.setIdentifier() == null && sdk.multiValueAnswer() == null && sdk.healthCheckId() == null) {
            return Routing.SIMPLE;   // the common case: no routing policy, no allocation per record
        }
        GeoLocation geo = sdk.geoLocation();
        return new Routing(sdk.weight(), sdk.regionAsString(),
                geo == null ? null : geo.continentCode(),
                geo == null ? null : geo.countryCode(),
                geo == null ? null : geo.subdivisionCode(),
                sdk.failoverAsString(), sdk.multiValueAnswer(), HostedZoneRef.bareId(sdk.healthCheckId()));
    }

    private static void refuseUnmodelled(ResourceRecordSet sdk, RecordKey key) {
        String feature = sdk.cidrRoutingConfig() != null ? "CidrRoutingConfig"
                : sdk.geoProximityLocation() != null ? "GeoProximityLocation"
                : sdk.trafficPolicyInstanceId() != null ? "TrafficPolicyInstanceId"
                : null;
        if (feature != null) {
            throw new IllegalArgumentException("record set " + key + " uses " + feature
                    + ", which zonebridge does not model; manage it outside zonebridge");
        }
    }
}
