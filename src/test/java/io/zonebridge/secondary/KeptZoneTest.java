package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** {@link KeptZone}: patches by name give the same zone as a plain model, whether or not they were folded in. */
class KeptZoneTest {

    private static final Name ZONE = Name.fromConstantString("kept.test.");

    private static Record a(int host, int value) throws Exception {
        return new ARecord(Name.fromString("h" + host, ZONE), DClass.IN, 300,
                java.net.InetAddress.getByAddress(new byte[] {10, 0, (byte) (value >> 8), (byte) value}));
    }

    @Test
    void recordsAreReadBackAsKeptTtlOwnerCaseAndDataIncludedBeforeAndAfterAFold() throws Exception {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(String.join("\n",
                "@ 3600 IN SOA ns1 hostmaster 7 3600 600 86400 60", "@ 3600 IN NS ns1", "ns1 60 IN A 192.0.2.1",
                "Mixed 300 IN A 10.0.0.1", "mixed 301 IN A 10.0.0.2", "v6 300 IN AAAA 2001:db8::1",
                "txt 300 IN TXT \"two\" \"strings\"", "mail 300 IN MX 10 Mx1.kept.test.",
                "www 300 IN CNAME Target.example.", "_sip._tcp 300 IN SRV 1 2 5060 sip",
                "caa 300 IN CAA 0 issue \"ca.example\"", "key 300 IN DNSKEY 256 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dx"
                        + "CjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==", "")
                .getBytes(StandardCharsets.US_ASCII)), ZONE, 300)) {
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                records.add(record);
            }
        }
        KeptZone zone = KeptZone.of(ZONE, records);
        assertEquals(texts(records), texts(zone), "the zone as a list, exactly");
        assertEquals(texts(records.subList(3, 5)), texts(zone.records(Name.fromString("MIXED", ZONE))),
                "one name, owner case and TTL as kept");
        assertEquals(List.of(), zone.records(Name.fromString("absent", ZONE)));
        Map<Name, List<Record>> patch = new HashMap<>();
        for (int host = 0; host < 100; host++) { // beyond the fold threshold: the names are packed again
            patch.put(Name.fromString("h" + host, ZONE), List.of(a(host, host)));
        }
        patch.put(Name.fromString("www", ZONE), List.of());
        KeptZone folded = zone.with(patch);
        assertEquals(texts(records.subList(7, 8)), texts(folded.records(Name.fromString("mail", ZONE))));
        assertEquals(List.of(), folded.records(Name.fromString("www", ZONE)));
        assertEquals(texts(List.of(a(42, 42))), texts(folded.records(Name.fromString("h42", ZONE))));
        assertEquals(records.size() - 1 + 100, folded.size());
        assertEquals(texts(records), texts(zone), "the zone it came from is unchanged");
    }

    private static List<String> texts(List<Record> records) {
        return records.stream().map(Record::toString).sorted().toList();
    }

    @Test
    void manyPatchesGiveTheZoneAPlainModelHoldsAndLeaveEarlierZonesAsTheyWere() throws Exception {
        Map<Name, List<Record>> model = new HashMap<>();
        List<Record> records = new ArrayList<>();
        for (int host = 0; host < 500; host++) {
            Record record = a(host, host);
            records.add(record);
            model.put(record.getName(), List.of(record));
        }
        KeptZone zone = KeptZone.of(ZONE, records);
        assertSame(zone, KeptZone.of(ZONE, zone), "a kept zone is not indexed again");
        KeptZone first = zone;
        List<Record> firstRecords = new ArrayList<>(first);
        Random random = new Random(7);
        for (int round = 0; round < 400; round++) { // enough replaced names to fold several times
            Map<Name, List<Record>> patch = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                int host = random.nextInt(700);
                Name name = Name.fromString("h" + host, ZONE);
                List<Record> now = random.nextInt(4) == 0 ? List.of() : List.of(a(host, round), a(host, round + 1000));
                patch.put(name, now);
            }
            zone = zone.with(patch);
            patch.forEach((name, now) -> {
                if (now.isEmpty()) {
                    model.remove(name);
                } else {
                    model.put(name, now);
                }
            });
            for (Name name : patch.keySet()) {
                assertEquals(model.getOrDefault(name, List.of()), zone.records(name));
            }
        }
        List<Record> expected = new ArrayList<>();
        model.values().forEach(expected::addAll);
        assertEquals(expected.size(), zone.size());
        assertEquals(new HashSet<>(expected), new HashSet<>(zone));
        assertEquals(firstRecords, new ArrayList<>(first), "the first zone is unchanged");
    }

    @Test
    void iteratingGivesEveryRecordOnceAsReadingByIndexDoesWithNamesReplacedOrNot() throws Exception {
        List<Record> records = new ArrayList<>();
        for (int host = 0; host < 200; host++) {
            records.add(a(host, host));
        }
        KeptZone zone = KeptZone.of(ZONE, records);
        Map<Name, List<Record>> patch = new HashMap<>();
        patch.put(Name.fromString("h3", ZONE), List.of());
        patch.put(Name.fromString("h4", ZONE), List.of(a(4, 1000), a(4, 1001)));
        patch.put(Name.fromString("h900", ZONE), List.of(a(900, 900)));
        KeptZone patched = zone.with(patch); // a few names: held beside the index, not folded
        List<Record> iterated = new ArrayList<>();
        patched.iterator().forEachRemaining(iterated::add);
        List<Record> expected = new ArrayList<>(records);
        expected.remove(4);
        expected.remove(3);
        expected.addAll(List.of(a(4, 1000), a(4, 1001), a(900, 900)));
        assertEquals(texts(expected), texts(iterated));
        assertEquals(patched.size(), iterated.size());
        List<Record> byIndex = new ArrayList<>();
        for (int i = 0; i < patched.size(); i++) {
            byIndex.add(patched.get(i));
        }
        assertEquals(texts(iterated), texts(byIndex));
        assertEquals(texts(records), texts(zone), "the zone it came from is unchanged");
    }

    @Test
    void ownersSpelledUnlikeTheApexOrEndingInItMidLabelReadBackExactly() throws Exception {
        Name upper = Name.fromString("H1.KEPT.Test.");
        Name midLabel = new Name(new byte[] {11, 'a', 4, 'k', 'e', 'p', 't', 4, 't', 'e', 's', 't', 0});
        Name below = Name.fromString("h2", ZONE);
        List<Record> records = List.of(new ARecord(upper, DClass.IN, 60, java.net.InetAddress.getByName("10.0.0.1")),
                new ARecord(midLabel, DClass.IN, 61, java.net.InetAddress.getByName("10.0.0.2")),
                new ARecord(below, DClass.IN, 62, java.net.InetAddress.getByName("10.0.0.3")),
                new ARecord(ZONE, DClass.IN, 63, java.net.InetAddress.getByName("10.0.0.4")));
        KeptZone zone = KeptZone.of(ZONE, records);
        for (Record record : records) {
            List<Record> read = zone.records(record.getName());
            assertEquals(texts(List.of(record)), texts(read));
            assertEquals(record.getName().toString(), read.get(0).getName().toString(), "owner spelled as it was");
        }
        assertEquals(texts(records.subList(0, 1)), texts(zone.records(Name.fromString("h1", ZONE))),
                "found by a name spelled otherwise");
        List<Record> iterated = new ArrayList<>();
        zone.iterator().forEachRemaining(iterated::add);
        assertEquals(texts(records), texts(iterated));
    }
}
