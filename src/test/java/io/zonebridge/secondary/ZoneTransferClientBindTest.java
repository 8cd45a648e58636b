package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import io.zonebridge.testpeers.BindPrimaryExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** {@link ZoneTransferClient} against a real BIND primary on loopback. */
class ZoneTransferClientBindTest {

    /** One BIND for the class: each test transfers the zone as it finds it, so the tests' edits do not meet. */
    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones();

    private final BindPrimary bind = BIND.get();
    private final ZoneTransferClient client = new ZoneTransferClient();

    private SecondaryZone zone(String name) {
        return SecondaryZone.of(name, List.of(bind.primary()))
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20));
    }

    /** Records as master-file lines, TTL included, so TTL changes count as differences. */
    static Set<String> lines(List<Record> records) {
        return records.stream().map(Record::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    private long xfrCount(String kind) {
        return logLines(kind + " started");
    }

    private long logLines(String fragment) {
        return bind.log().lines().filter(l -> l.contains(fragment)).count();
    }

    /**
     * Waits until named has logged a marker transfer (of example.test, by dig) begun after everything this test
     * asked before: a transfer named started for an earlier request is in its log by then.
     */
    private void awaitLogCaughtUp() throws Exception {
        String marker = "transfer of 'example.test/IN': AXFR started";
        long before = logLines(marker);
        bind.digAxfr("example.test");
        Eventually.assertWithin(Duration.ofSeconds(10), () -> logLines(marker) > before,
                () -> "named logged the marker transfer:\n" + bind.log());
    }

    @Test
    void axfrOfAPlainZoneEqualsWhatDigTransfers() throws Exception {
        TransferResult result = client.transfer(zone("example.test"), null, null);

        assertEquals(TransferResult.Status.AXFR, result.status(), result.message());
        assertEquals(2024010101L, result.serial());
        assertEquals(lines(bind.digAxfr("example.test")), lines(result.records()));
        assertEquals(1, result.records().stream().filter(r -> r.getType() == Type.SOA).count());
        assertEquals(new SoaTimers(Duration.ofSeconds(3600), Duration.ofSeconds(600), Duration.ofSeconds(86400),
                Duration.ofSeconds(300)), result.timers());
        assertTrue(lines(result.records()).contains("mail.example.test.\t600\tIN\tA\t192.0.2.20"),
                lines(result.records()).toString());
    }

    @Test
    void unmovedSerialIsUpToDateAndTransfersNothing() throws Exception {
        TransferResult first = client.transfer(zone("dyn.test"), null, null);
        assertEquals(TransferResult.Status.AXFR, first.status(), first.message());
        long axfrsBefore = xfrCount("AXFR");
        long ixfrsBefore = xfrCount("IXFR");
        assertTrue(axfrsBefore >= 1, "named logs its transfers:\n" + bind.log());

        TransferResult again = client.transfer(zone("dyn.test"), first.serial(), first.records());

        assertEquals(TransferResult.Status.UP_TO_DATE, again.status(), again.message());
        assertEquals(first.serial(), again.serial());
        assertEquals(lines(first.records()), lines(again.records()));
        awaitLogCaughtUp();
        assertEquals(axfrsBefore + 1, xfrCount("AXFR"), "no AXFR but the marker may happen");
        assertEquals(ixfrsBefore, xfrCount("IXFR"), "no IXFR may happen");
    }

    @Test
    void editedAndReloadedZoneArrivesByIxfrEqualToAFreshAxfr() throws Exception {
        SecondaryZone zone = zone("reload.test");
        TransferResult before = client.transfer(zone, null, null);
        assertEquals(TransferResult.Status.AXFR, before.status(), before.message());
        String edited = BindPrimary.resourceText("reload.test.db")
                .replace("2024010101", "2024010102")
                .replace("mail   600  IN A    192.0.2.20\n", "")
                .replace("@           IN MX   10 mail.reload.test.\n", "@ IN MX 20 mx2.reload.test.\n")
                .replace("www         IN A    192.0.2.10\nwww         IN A    192.0.2.11",
                        "www 900 IN A 192.0.2.10\nwww 900 IN A 192.0.2.11\nwww 900 IN A 192.0.2.12")
                .replace("\"hello world\"", "\"hello again\"")
                + "new         IN A    192.0.2.50\nmx2 IN A 192.0.2.21\n";
        bind.rewriteZone("reload.test", edited);
        awaitSerial("reload.test", 2024010102L);

        TransferResult after = client.transfer(zone, before.serial(), before.records());

        assertEquals(TransferResult.Status.IXFR, after.status(), after.message());
        assertEquals(2024010102L, after.serial());
        Set<String> fresh = lines(bind.digAxfr("reload.test"));
        assertEquals(fresh, lines(after.records()));
        assertEquals(fresh, lines(client.transfer(zone, null, null).records()), "and equal to our own AXFR");
        assertTrue(fresh.contains("www.reload.test.\t900\tIN\tA\t192.0.2.12"), "TTL change applied: " + fresh);
        assertTrue(fresh.stream().noneMatch(l -> l.startsWith("mail.")), "deletion applied: " + fresh);
    }

    @Test
    void severalDynamicUpdatesArriveAsSeveralIxfrDifferences() throws Exception {
        SecondaryZone zone = zone("dyn.test");
        TransferResult before = client.transfer(zone, null, null);
        assertEquals(TransferResult.Status.AXFR, before.status(), before.message());

        bind.nsupdate("update add host3.dyn.test. 300 IN A 198.51.100.3\nupdate delete host1.dyn.test. A");
        bind.nsupdate("update add host2.dyn.test. 300 IN TXT \"v=2\"\nupdate add host4.dyn.test. 60 IN AAAA 2001:db8::4");
        TransferResult after = client.transfer(zone, before.serial(), before.records());

        assertEquals(TransferResult.Status.IXFR, after.status(), after.message());
        assertTrue(after.message().startsWith("2 IXFR difference(s)"), after.message());
        assertEquals(lines(bind.digAxfr("dyn.test")), lines(after.records()));
        assertEquals(bind.serial("dyn.test"), after.serial());
    }

    @Test
    void aDifferenceDeletingARecordTheKnownZoneLacksStillGivesThePrimarysZone() throws Exception {
        SecondaryZone zone = zone("dyn.test");
        bind.nsupdate("update add lacking.dyn.test. 300 IN A 198.51.100.60");
        TransferResult before = client.transfer(zone, null, null);
        bind.nsupdate("update delete lacking.dyn.test. A");
        List<Record> lacking = new ArrayList<>(before.records());
        assertTrue(lacking.removeIf(r -> r.getName().toString().equals("lacking.dyn.test.")));

        TransferResult after = client.transfer(zone, before.serial(), lacking);

        assertEquals(TransferResult.Status.IXFR, after.status(), after.message());
        assertEquals(lines(bind.digAxfr("dyn.test")), lines(after.records()));
    }

    @Test
    void aSerialAnnouncedByNotifyIsTransferredWithoutAskingTheSoaFirst() throws Exception {
        bind.rndc("querylog", "on");
        SerialTracker announced = new SerialTracker();
        ZoneTransferClient notified = new ZoneTransferClient(announced);
        SecondaryZone zone = zone("dyn.test");
        TransferResult before = notified.transfer(zone, null, null);
        bind.nsupdate("update add notified1.dyn.test. 300 IN A 198.51.100.61");
        long serial = bind.serial("dyn.test");
        announced.advance(zone.zone(), serial);
        awaitLogCaughtUp();
        long soaQueries = logLines("query: dyn.test IN SOA");
        long ixfrQueries = logLines("query: dyn.test IN IXFR");

        TransferResult after = notified.transfer(zone, before.serial(), before.records());

        assertEquals(TransferResult.Status.IXFR, after.status(), after.message());
        assertEquals(serial, after.serial());
        assertEquals(lines(bind.digAxfr("dyn.test")), lines(after.records()));
        awaitLogCaughtUp();
        assertEquals(soaQueries, logLines("query: dyn.test IN SOA"), "no SOA query before the IXFR:\n" + bind.log());
        assertEquals(ixfrQueries + 1, logLines("query: dyn.test IN IXFR"), "one IXFR:\n" + bind.log());

        // a change nobody announced (the serial announced is not newer than the known one): the SOA is asked first
        bind.nsupdate("update add notified2.dyn.test. 300 IN A 198.51.100.62");
        long unannounced = bind.serial("dyn.test");
        awaitLogCaughtUp();
        long soaBefore = logLines("query: dyn.test IN SOA");
        TransferResult next = notified.transfer(zone, after.serial(), after.records());
        assertEquals(TransferResult.Status.IXFR, next.status(), next.message());
        assertEquals(unannounced, next.serial());
        awaitLogCaughtUp();
        assertEquals(soaBefore + 1, logLines("query: dyn.test IN SOA"), "one SOA query:\n" + bind.log());
    }

    @Test
    void knownRecordsWhoseSoaDisagreesWithTheDifferencesFallBackToAxfr() throws Exception {
        SecondaryZone zone = zone("dyn.test");
        TransferResult before = client.transfer(zone, null, null);
        bind.nsupdate("update add soa-check.dyn.test. 300 IN A 198.51.100.61");
        List<Record> damaged = new ArrayList<>(before.records());
        SOARecord soa = (SOARecord) damaged.stream().filter(r -> r.getType() == Type.SOA).findFirst().orElseThrow();
        damaged.set(damaged.indexOf(soa), new SOARecord(soa.getName(), soa.getDClass(), soa.getTTL(),
                Name.fromConstantString("elsewhere.test."), soa.getAdmin(), soa.getSerial(), soa.getRefresh(),
                soa.getRetry(), soa.getExpire(), soa.getMinimum()));

        TransferResult after = client.transfer(zone, before.serial(), damaged);

        assertEquals(TransferResult.Status.AXFR, after.status(), after.message());
        assertTrue(after.message().contains("SOA") && after.message().contains("retrying with AXFR"),
                after.message());
        assertEquals(lines(bind.digAxfr("dyn.test")), lines(after.records()));
    }

    @Test
    void tsigOnlyZoneTransfersWithTheRightKey() throws Exception {
        TransferResult result = client.transfer(zone("secure.test").withTsigKey(bind.xfrKey()), null, null);

        assertEquals(TransferResult.Status.AXFR, result.status(), result.message());
        assertEquals(bind.serial("secure.test"), result.serial());
        assertTrue(result.records().stream().anyMatch(r -> r instanceof org.xbill.DNS.TXTRecord txt
                && txt.getStrings().equals(List.of("secret-ish"))), lines(result.records()).toString());
        assertEquals(lines(bind.digAxfrWithKey("secure.test")), lines(result.records()));
    }

    @Test
    void tsigOnlyZoneUpdatesArriveBySignedIxfr() throws Exception {
        SecondaryZone zone = zone("secure.test").withTsigKey(bind.xfrKey());
        TransferResult before = client.transfer(zone, null, null);
        assertEquals(TransferResult.Status.AXFR, before.status(), before.message());

        bind.nsupdate("zone secure.test.\nupdate add door.secure.test. 60 IN A 203.0.113.8\n"
                + "update delete vault.secure.test. A");
        TransferResult after = client.transfer(zone, before.serial(), before.records());

        assertEquals(TransferResult.Status.IXFR, after.status(), after.message());
        assertEquals(lines(bind.digAxfrWithKey("secure.test")), lines(after.records()));
        assertTrue(lines(after.records()).contains("door.secure.test.\t60\tIN\tA\t203.0.113.8"));
    }

    @Test
    void anIxfrFromASerialOutsideTheJournalBringsTheWholeZone() throws Exception {
        SecondaryZone zone = zone("example.test");
        TransferResult current = client.transfer(zone, null, null);
        List<Record> stale = new ArrayList<>(current.records());
        stale.removeIf(r -> r.getType() == Type.SOA);
        stale.add(Record.fromString(zone.zone(), Type.SOA, org.xbill.DNS.DClass.IN, 300,
                "ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300", zone.zone()));

        TransferResult result = client.transfer(zone, 1L, stale);

        assertEquals(TransferResult.Status.AXFR, result.status(), result.message());
        assertTrue(result.message().startsWith("IXFR request answered with a full zone"), result.message());
        assertEquals(lines(current.records()), lines(result.records()));
    }

    @Test
    void tsigOnlyZoneFailsWithAWrongKey() {
        TsigKeySpec wrong = new TsigKeySpec("xfr-key", "hmac-sha256", "c2VjcmV0LWJ1dC13cm9uZy1zZWNyZXQtMzItYnl0ZXM=");
        TransferResult result = client.transfer(zone("secure.test").withTsigKey(wrong), null, null);

        assertEquals(TransferResult.Status.FAILED, result.status());
        assertTrue(result.records().isEmpty());
        assertTrue(result.message().contains("NOTAUTH") && result.message().contains("BADSIG"), result.message());
    }

    @Test
    void tsigOnlyZoneIsRefusedWithoutAKey() {
        TransferResult result = client.transfer(zone("secure.test"), null, null);

        assertEquals(TransferResult.Status.FAILED, result.status());
        assertTrue(result.records().isEmpty());
        assertTrue(result.message().contains("REFUSED"), result.message());
    }

    @Test
    void primariesAreTriedInOrder() throws Exception {
        int nobody = BindPrimary.freePort();
        SecondaryZone zone = SecondaryZone.of("example.test", List.of("127.0.0.1:" + nobody, bind.primary()))
                .withTimeouts(Duration.ofMillis(700), Duration.ofSeconds(20));

        TransferResult result = client.transfer(zone, null, null);

        assertEquals(TransferResult.Status.AXFR, result.status(), result.message());
        assertEquals(bind.primary(), result.primary().toString());
        assertTrue(result.message().contains("127.0.0.1:" + nobody + ": AXFR failed"), result.message());
    }

    @Test
    void noAnsweringPrimaryMeansFailed() throws Exception {
        int nobody = BindPrimary.freePort();
        SecondaryZone zone = SecondaryZone.of("example.test", List.of("127.0.0.1:" + nobody))
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2));

        TransferResult result = client.transfer(zone, 1L, List.of());

        assertEquals(TransferResult.Status.FAILED, result.status());
        assertTrue(result.records().isEmpty());
        assertEquals(1L, result.serial());
    }

    @Test
    void unknownZoneFails() {
        TransferResult result = client.transfer(zone("nowhere.test"), null, null);

        assertEquals(TransferResult.Status.FAILED, result.status());
        assertTrue(result.message().contains("nowhere.test"), result.message());
    }

    private void awaitSerial(String zone, long serial) throws Exception {
        Eventually.assertWithin(Duration.ofSeconds(10), () -> servesSerial(zone, serial),
                () -> "named reached serial " + serial + " of " + zone + ":\n" + bind.log());
    }

    private boolean servesSerial(String zone, long serial) {
        try {
            return bind.serial(zone) == serial;
        } catch (Exception e) {
            return false; // reloading
        }
    }
}
