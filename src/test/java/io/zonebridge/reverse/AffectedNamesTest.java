package io.zonebridge.reverse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static io.zonebridge.reverse.AwsEventFixtures.JSON;
import static io.zonebridge.reverse.AwsEventFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AffectedNamesTest {

    private final CloudTrailEventParser parser = new CloudTrailEventParser();
    private final EventFilter filter = new EventFilter(OwnChangeRules.NONE);

    private ReverseWork work(String fixture) {
        return AffectedNames.of(assertInstanceOf(FilterDecision.Accepted.class,
                filter.decide(parser.parse(read(fixture)))));
    }

    @Test
    void createGivesTheNameAndItsAddresses() {
        assertEquals(new ReverseWork("123456789012", "Z0EXAMPLEPRIVFWD00001", List.of("web.internal.example.com."),
                        List.of("10.0.1.25", "10.0.1.26")),
                work("route53/r53_a_create_two_values_private_zone.json"));
    }

    @Test
    void upsertAndDeleteGiveTheName() {
        assertEquals(List.of("db.internal.example.com."), work("route53/r53_a_upsert_ip_change.json").names());
        assertEquals(List.of("old-batch.internal.example.com."), work("route53/r53_a_delete.json").names());
        assertEquals(List.of("svc.internal.example.com."), work("route53/r53_weighted_a_upsert.json").names());
    }

    @Test
    void mixedBatchGivesOnlyAddressNamesOnce() {
        ReverseWork work = work("route53/r53_batch_mixed_a_aaaa_cname_txt_alias.json");
        assertEquals(List.of("api.internal.example.com."), work.names());
        assertEquals(List.of("10.0.1.30", "2001:db8:1234:1a00::30"), work.addressHints());
    }

    @Test
    void workOfOneZoneMerges() {
        ReverseWork merged = work("route53/r53_a_upsert_ip_change.json").merge(work("route53/r53_a_delete.json"))
                .merge(work("route53/r53_a_upsert_ip_change.json"));
        assertEquals(List.of("db.internal.example.com.", "old-batch.internal.example.com."), merged.names());
        assertEquals(List.of("10.0.2.40", "10.0.4.16"), merged.addressHints());
        ReverseWork otherZone = new ReverseWork("123456789012", "ZOTHER", List.of("x.example."), List.of());
        assertThrows(IllegalArgumentException.class, () -> merged.merge(otherZone));
    }

    @Test
    void workTravelsAsJsonAndAsJavaSerialisation() throws Exception {
        ReverseWork work = work("route53/r53_batch_mixed_a_aaaa_cname_txt_alias.json");
        assertEquals(work, JSON.readValue(JSON.writeValueAsString(work), ReverseWork.class));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(work);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(work, in.readObject());
        }
    }
}
