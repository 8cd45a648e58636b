package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

/** The completeness checks that keep a partial transfer from ever becoming a zone. */
class ZoneContentTest {

    private static final Name ZONE = Name.fromConstantString("example.com.");

    /** A record from "owner ttl TYPE rdata". */
    private static Record rr(String text) throws Exception {
        String[] parts = text.split(" ", 4);
        return Record.fromString(Name.fromString(parts[0]), Type.value(parts[2]), DClass.IN,
                Long.parseLong(parts[1]), parts[3], Name.root);
    }

    private static Record soa(long serial) throws Exception {
        return rr("example.com. 300 SOA ns1.example.com. hostmaster.example.com. " + serial + " 3600 600 86400 300");
    }

    @Test
    void aCompleteAxfrLosesOnlyItsClosingSoa() throws Exception {
        Record a = rr("www.example.com. 300 A 192.0.2.1");
        List<Record> zone = ZoneContent.fromAxfr(ZONE, List.of(soa(5), a, soa(5)));

        assertEquals(List.of(soa(5), a), zone);
    }

    @Test
    void anAxfrWithoutClosingSoaIsRejected() throws Exception {
        ZoneContent.Inconsistent e = assertThrows(ZoneContent.Inconsistent.class,
                () -> ZoneContent.fromAxfr(ZONE, List.of(soa(5), rr("www.example.com. 300 A 192.0.2.1"))));
        assertTrue(e.getMessage().contains("closing SOA"), e.getMessage());
        assertThrows(ZoneContent.Inconsistent.class, () -> ZoneContent.fromAxfr(ZONE, List.of(soa(5))));
        assertThrows(ZoneContent.Inconsistent.class, () -> ZoneContent.fromAxfr(ZONE, null));
    }

    @Test
    void anAxfrWhoseSerialsDifferIsRejected() throws Exception {
        assertThrows(ZoneContent.Inconsistent.class, () -> ZoneContent.fromAxfr(ZONE, List.of(soa(5), soa(6))));
    }

    @Test
    void aRecordOutsideTheZoneIsRejected() throws Exception {
        ZoneContent.Inconsistent e = assertThrows(ZoneContent.Inconsistent.class, () -> ZoneContent.fromAxfr(ZONE,
                List.of(soa(5), rr("www.example.net. 300 A 192.0.2.1"), soa(5))));
        assertTrue(e.getMessage().contains("outside the zone"), e.getMessage());
    }

    @Test
    void ixfrDifferencesMustChainFromTheKnownSerial() throws Exception {
        List<Record> known = List.of(soa(5), rr("www.example.com. 300 A 192.0.2.1"));
        org.xbill.DNS.ZoneTransferIn.Delta gap = delta(6, 7);

        ZoneContent.Inconsistent e = assertThrows(ZoneContent.Inconsistent.class,
                () -> ZoneContent.applyIxfr(ZONE, 5, known, List.of(gap)));
        assertTrue(e.getMessage().contains("serial 5 was expected"), e.getMessage());
        assertThrows(ZoneContent.Inconsistent.class, () -> ZoneContent.applyIxfr(ZONE, 5, known, List.of()));
    }

    /** A Delta as dnsjava builds it while parsing an IXFR (its constructor is private; the fields are public). */
    private static org.xbill.DNS.ZoneTransferIn.Delta delta(long start, long end) throws Exception {
        var constructor = org.xbill.DNS.ZoneTransferIn.Delta.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        org.xbill.DNS.ZoneTransferIn.Delta delta = constructor.newInstance();
        delta.start = start;
        delta.end = end;
        delta.deletes.add(soa(start));
        delta.adds.add(soa(end));
        return delta;
    }

    @Test
    void ixfrDifferencesApplyInOrderIncludingTtlChanges() throws Exception {
        List<Record> known = List.of(soa(5), rr("www.example.com. 300 A 192.0.2.1"));
        var first = delta(5, 6);
        first.deletes.add(rr("www.example.com. 300 A 192.0.2.1"));
        first.adds.add(rr("www.example.com. 300 A 192.0.2.2"));
        var second = delta(6, 7);
        second.deletes.add(rr("www.example.com. 300 A 192.0.2.2"));
        second.adds.add(rr("www.example.com. 60 A 192.0.2.2"));

        List<Record> zone = ZoneContent.applyIxfr(ZONE, 5, known, List.of(first, second)).zone();

        assertEquals(2, zone.size());
        assertTrue(zone.contains(soa(7)));
        Record www = zone.stream().filter(r -> r.getType() == Type.A).findFirst().orElseThrow();
        assertEquals("www.example.com.\t60\tIN\tA\t192.0.2.2", www.toString());
    }

    @Test
    void anIxfrAddingARecordTheZoneHoldsOrDeletingOneItLacksChangesNothingElse() throws Exception {
        Record mx = rr("example.com. 300 MX 10 mail.example.com.");
        Record www = rr("www.example.com. 300 A 192.0.2.1");
        List<Record> known = List.of(soa(5), mx, www);
        var nsdStyle = delta(5, 6);
        nsdStyle.deletes.add(rr("gone.example.com. 300 A 192.0.2.9")); // not in the known zone
        nsdStyle.adds.add(rr("example.com. 300 MX 10 mail.example.com.")); // unchanged apex record, re-added
        nsdStyle.adds.add(rr("www.example.com. 300 A 192.0.2.1")); // unchanged, re-added
        nsdStyle.adds.add(rr("new.example.com. 300 A 192.0.2.7"));

        List<Record> zone = ZoneContent.applyIxfr(ZONE, 5, known, List.of(nsdStyle)).zone();

        assertEquals(java.util.Set.of(soa(6), mx, www, rr("new.example.com. 300 A 192.0.2.7")),
                new java.util.HashSet<>(zone));
        assertEquals(4, zone.size(), "each record once: " + zone);
    }

    @Test
    void anIxfrWhoseOldSoaIsNotTheKnownOneStillFails() throws Exception {
        List<Record> known = List.of(soa(5), rr("www.example.com. 300 A 192.0.2.1"));
        var wrongOldSoa = delta(5, 6);
        wrongOldSoa.deletes.set(0, rr("example.com. 300 SOA ns9.example.com. hostmaster.example.com. 5 1 1 1 1"));

        ZoneContent.Inconsistent e = assertThrows(ZoneContent.Inconsistent.class,
                () -> ZoneContent.applyIxfr(ZONE, 5, known, List.of(wrongOldSoa)));
        assertTrue(e.getMessage().contains("SOA serial 5"), e.getMessage());
    }

    @Test
    void anIxfrOnAKeptZoneSaysWhichNamesItTouchedWithTheirRecordsBeforeAndAfter() throws Exception {
        Record www = rr("www.example.com. 300 A 192.0.2.1");
        Record mail = rr("mail.example.com. 300 A 192.0.2.2");
        KeptZone known = KeptZone.of(ZONE, List.of(soa(5), www, mail));
        var delta = delta(5, 6);
        delta.deletes.add(www);
        delta.adds.add(rr("www.example.com. 300 A 192.0.2.9"));
        delta.adds.add(rr("new.example.com. 60 TXT \"hi\""));

        ZoneContent.Ixfr ixfr = ZoneContent.applyIxfr(ZONE, 5, known, List.of(delta));

        Name wwwName = Name.fromConstantString("www.example.com.");
        Name newName = Name.fromConstantString("new.example.com.");
        assertEquals(java.util.Set.of(ZONE, wwwName, newName), ixfr.delta().names(), "mail untouched");
        assertEquals(List.of(www), ixfr.delta().before().get(wwwName));
        assertEquals(List.of(rr("www.example.com. 300 A 192.0.2.9")), ixfr.delta().after().get(wwwName));
        assertEquals(List.of(), ixfr.delta().before().get(newName));
        assertEquals(List.of(soa(6)), ixfr.delta().after().get(ZONE));
        assertEquals(java.util.Set.of(soa(6), mail, rr("www.example.com. 300 A 192.0.2.9"),
                rr("new.example.com. 60 TXT \"hi\"")), new java.util.HashSet<>(ixfr.zone()));
        assertEquals(List.of(mail), ixfr.zone().records(Name.fromConstantString("mail.example.com.")));
    }

    @Test
    void anIxfrOnAKeptZoneChecksWhatItTouched() throws Exception {
        KeptZone known = KeptZone.of(ZONE, List.of(soa(5), rr("www.example.com. 300 A 192.0.2.1")));
        var outside = delta(5, 6);
        outside.adds.add(rr("www.example.net. 300 A 192.0.2.1"));
        var secondSoa = delta(5, 6);
        secondSoa.adds.add(rr("sub.example.com. 300 SOA ns1.example.com. hostmaster.example.com. 6 1 1 1 1"));
        var oldSoaKept = delta(5, 6);
        oldSoaKept.deletes.clear();

        assertTrue(assertThrows(ZoneContent.Inconsistent.class, () -> ZoneContent.applyIxfr(ZONE, 5, known,
                List.of(outside))).getMessage().contains("outside the zone"));
        assertTrue(assertThrows(ZoneContent.Inconsistent.class, () -> ZoneContent.applyIxfr(ZONE, 5, known,
                List.of(secondSoa))).getMessage().contains("no apex SOA"));
        assertTrue(assertThrows(ZoneContent.Inconsistent.class, () -> ZoneContent.applyIxfr(ZONE, 5, known,
                List.of(oldSoaKept))).getMessage().contains("SOA serial 5"));
    }
}

