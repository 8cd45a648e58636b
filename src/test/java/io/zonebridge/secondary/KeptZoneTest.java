package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
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
}
