package io.zonebridge.route53;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.CidrRoutingConfig;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversions between the SDK's ResourceRecordSet and the model's RecordSet. */
class RecordSetMapperTest {

    @Test
    void canonicalisesWhatRoute53Returns() {
        ResourceRecordSet sdk = ResourceRecordSet.builder().name("WWW.Example.org").type("A").ttl(60L)
                .resourceRecords(ResourceRecord.builder().value("192.0.2.2").build(),
                        ResourceRecord.builder().value("192.0.2.1").build())
                .build();

        RecordSet model = RecordSetMapper.toModel(sdk);

        assertEquals(RecordSet.of("www.example.org.", "A", 60, "192.0.2.1", "192.0.2.2"), model);
    }

    @Test
    void aliasTargetHasABareZoneIdAndCanonicalName() {
        ResourceRecordSet sdk = ResourceRecordSet.builder().name("example.org.").type("A")
                .aliasTarget(a -> a.hostedZoneId("/hostedzone/Z2FDTNDATAQYW2").dnsName("D111.CloudFront.net").evaluateTargetHealth(false))
                .build();

        RecordSet model = RecordSetMapper.toModel(sdk);

        assertEquals(RecordSet.alias("example.org.", "A", new AliasTarget("Z2FDTNDATAQYW2", "d111.cloudfront.net.", false)), model);
        assertNull(model.ttl());
    }

    @Test
    void everyRoutingFieldSurvivesTheRoundTrip() {
        List<RecordSet> sets = List.of(
                new RecordSet(new RecordKey("w.example.org.", "A", "a"), 60L, List.of("192.0.2.1"), null, Routing.weighted(7)),
                new RecordSet(new RecordKey("g.example.org.", "A", "us-ca"), 60L, List.of("192.0.2.1"), null,
                        new Routing(null, null, null, "US", "CA", null, null, "hc-1")),
                new RecordSet(new RecordKey("l.example.org.", "AAAA", "x"), 60L, List.of("2001:db8::1"), null,
                        new Routing(null, "eu-west-1", null, null, null, null, null, null)),
                new RecordSet(new RecordKey("f.example.org.", "A", "s"), null, List.of(),
                        new AliasTarget("Z1", "p.example.org.", true), new Routing(null, null, null, null, null, "SECONDARY", null, null)),
                new RecordSet(new RecordKey("m.example.org.", "A", "m1"), 60L, List.of("192.0.2.1"), null, Routing.multiValue()));
        for (RecordSet set : sets) {
            ResourceRecordSet sdk = RecordSetMapper.toSdk(set);
            assertEquals(set, RecordSetMapper.toModel(sdk), set.key().toString());
        }
        ResourceRecordSet weighted = RecordSetMapper.toSdk(sets.get(0));
        assertEquals(7L, weighted.weight());
        assertEquals("a", weighted.setIdentifier());
        assertNull(weighted.geoLocation());
        assertTrue(RecordSetMapper.toSdk(sets.get(3)).resourceRecords().isEmpty(), "alias sends no records");
        assertNull(RecordSetMapper.toSdk(sets.get(3)).ttl(), "alias sends no TTL");
    }

    @Test
    void refusesRecordSetsUsingFeaturesNotModelled() {
        ResourceRecordSet cidr = ResourceRecordSet.builder().name("c.example.org.").type("A").setIdentifier("c").ttl(60L)
                .resourceRecords(ResourceRecord.builder().value("192.0.2.1").build())
                .cidrRoutingConfig(CidrRoutingConfig.builder().collectionId("col").locationName("loc").build())
                .build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordSetMapper.toModel(cidr));

        assertEquals("record set c.example.org. A [c] uses CidrRoutingConfig, which zonebridge does not model;"
                + " manage it outside zonebridge", e.getMessage());
    }
}
