package io.zonebridge.secondary;

import static io.zonebridge.secondary.ZoneTransferClientBindTest.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * IXFR differences that add a record the zone already holds or delete one it lacks: a real NSD 4.6.1, which
 * re-adds unchanged apex records in the "added" half of its IXFRs when the zone file lists the SOA first, and a
 * crafted IXFR that also deletes a record that is not there. Either way the IXFR applies (no fallback to AXFR) and
 * the result is the primary's zone.
 */
class ZoneTransferClientNsdTest {

    private static final String ZONE = "ixfr.test";
    private final ZoneTransferClient client = new ZoneTransferClient();

    private static String zoneText(long serial, String hosts) {
        return "$TTL 300\n@ IN SOA ns1.ixfr.test. hostmaster.ixfr.test. " + serial + " 3600 600 86400 60\n"
                + "@ IN NS ns1.ixfr.test.\n@ IN MX 10 mail.ixfr.test.\n@ IN TXT \"apex\"\n"
                + "ns1 IN A 192.0.2.1\nmail IN A 192.0.2.2\n" + hosts;
    }

    private static final String FIRST = zoneText(1, "a IN A 192.0.2.10\ngone IN A 192.0.2.30\n");
    private static final String SECOND = zoneText(2, "a IN A 192.0.2.11\nb IN A 192.0.2.12\n");

    private static SecondaryZone zone(String primary) {
        return SecondaryZone.of(ZONE, List.of(primary)).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    private static List<Record> parse(String text) throws Exception {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Name.fromString(ZONE, Name.root))) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        return records;
    }

    private static Record record(List<Record> zone, String owner, int type) {
        return zone.stream().filter(r -> r.getName().toString().equals(owner) && r.getType() == type).findFirst()
                .orElseThrow();
    }

    @Test
    void nsdsIxfrReAddingUnchangedApexRecordsAppliesAsItsZone() throws Exception {
        try (NsdPrimary nsd = NsdPrimary.start(ZONE, FIRST)) {
            TransferResult before = client.transfer(zone(nsd.primary()), null, null);
            assertEquals(TransferResult.Status.AXFR, before.status(), before.message());
            assertEquals(lines(nsd.axfr()), lines(before.records()));

            nsd.rewriteZone(SECOND, 2);
            ZoneTransferIn look = ZoneTransferIn.newIXFR(Name.fromString(ZONE, Name.root), 1, false,
                    new InetSocketAddress("127.0.0.1", nsd.port()), null);
            look.run();
            List<Record> readded = look.getIXFR().get(0).adds;
            assertTrue(readded.contains(record(before.records(), "ixfr.test.", Type.MX)),
                    "NSD re-adds the unchanged apex MX in the added half: " + readded);

            TransferResult after = client.transfer(zone(nsd.primary()), before.serial(), before.records());

            assertEquals(TransferResult.Status.IXFR, after.status(), after.message());
            assertEquals(lines(nsd.axfr()), lines(after.records()));
            assertEquals(2L, after.serial());
        }
    }

    @Test
    void aCraftedIxfrThatReAddsAndDeletesAbsentRecordsGivesThePrimarysZone() throws Exception {
        List<Record> first = parse(FIRST);
        List<Record> second = parse(SECOND);
        try (ScriptedPrimary primary = ScriptedPrimary.start(ScriptedPrimary.Script.serving(first))) {
            TransferResult before = client.transfer(zone(primary.primary()), null, null);
            assertEquals(lines(first), lines(before.records()));
            Record absent = parse("$TTL 300\nnever IN A 192.0.2.99\n").get(0);
            Record oldA = record(first, "a.ixfr.test.", Type.A);
            Record gone = record(first, "gone.ixfr.test.", Type.A);
            List<Record> ixfr = new ArrayList<>(List.of(second.get(0), first.get(0), oldA, gone, absent,
                    second.get(0)));
            ixfr.addAll(second.subList(1, second.size())); // every record of the new zone, most of them held already
            ixfr.add(second.get(0));
            primary.serve(ScriptedPrimary.Script.serving(second).answeringIxfrWith(ixfr));

            TransferResult after = client.transfer(zone(primary.primary()), before.serial(), before.records());

            assertEquals(1, primary.ixfrsServed());
            assertEquals(TransferResult.Status.IXFR, after.status(), after.message());
            assertEquals(lines(second), lines(after.records()));
        }
    }
}
