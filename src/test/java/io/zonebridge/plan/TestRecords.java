package io.zonebridge.plan;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;

import java.util.Arrays;
import java.util.List;

/** Test factory of record sets and zones in {@link #ORIGIN}, names made canonical by the codec. */
final class TestRecords {

    static final String ORIGIN = "example.com.";
    static final String SOA_VALUE = "ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400";

    private TestRecords() {
    }

    /** A canonical name: {@code "www"} becomes {@code www.example.com.}; an absolute name is only canonicalised. */
    static String name(String raw) {
        if (raw.equals("@")) {
            return ORIGIN;
        }
        return RecordNameCodec.canonical(raw.endsWith(".") ? raw : raw + "." + ORIGIN);
    }

    static RecordSet set(String raw, String type, long ttl, String... values) {
        return RecordSet.of(name(raw), type, ttl, values);
    }

    static RecordSet routed(String raw, String type, String setId, Routing routing, long ttl, String... values) {
        return new RecordSet(new RecordKey(name(raw), type, setId), ttl, List.of(values), null, routing);
    }

    static RecordSet alias(String raw, String type, String target) {
        return RecordSet.alias(name(raw), type, new AliasTarget("Z2FDTNDATAQYW2", RecordNameCodec.canonical(target), false));
    }

    static Routing failover(String role) {
        return new Routing(null, null, null, null, null, role, null, null);
    }

    static RecordSet soa(long serial) {
        return RecordSet.of(ORIGIN, "SOA", 900, SOA_VALUE.replace(" 1 ", " " + serial + " "));
    }

    static RecordSet apexNs(String... servers) {
        return RecordSet.of(ORIGIN, "NS", 172800, servers);
    }

    static ZoneSnapshot zone(RecordSet... sets) {
        return ZoneSnapshot.of(ORIGIN, Arrays.asList(sets));
    }

    static ZoneSnapshot zone(List<RecordSet> sets) {
        return ZoneSnapshot.of(ORIGIN, sets);
    }
}
