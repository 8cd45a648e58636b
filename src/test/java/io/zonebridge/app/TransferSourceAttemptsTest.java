package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.secondary.ScriptedPrimary;
import io.zonebridge.secondary.SecondaryZone;
import io.zonebridge.secondary.TsigKeySpec;
import io.zonebridge.secondary.ZoneTransferClient;
import io.zonebridge.testpeers.BindPrimaryExtension;
import io.zonebridge.zonefile.DnsRecordConverter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * {@link TransferSource} with two primaries where the first one's transfer fails part-way: what the failed attempt
 * delivered (and converted) never reaches the desired state, which is exactly the second primary's zone (a real
 * BIND), whether that came by AXFR or by IXFR. The failed transfers carry as many records as the good zone, with 20
 * of them different, so nothing but the attempt they came from tells them apart.
 */
class TransferSourceAttemptsTest {

    /** SOA, NS, ns1 and 37 hosts: 40 records, four full messages of the scripted primary. */
    private static final int HOSTS = 37;
    private static final int DIFFERENT = 20;

    /** Six zones of their own for the tests: each test takes the next one, whatever the order. */
    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones().withZones(attemptZones());

    private static final TsigKeySpec key = BIND.key();
    private static int zoneNumber;

    private static Map<String, String> attemptZones() {
        Map<String, String> zones = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            zones.put("attempt" + i + ".test", zoneText("attempt" + i + ".test", 1, 0));
        }
        return zones;
    }

    /** The zone at {@code serial}, its hosts' last octet shifted by {@code shift} from host {@code 0}. */
    private static String zoneText(String zone, long serial, int shift) {
        StringBuilder text = new StringBuilder("$TTL 300\n@ IN SOA ns1." + zone + ". hostmaster." + zone + ". "
                + serial + " 3600 600 86400 60\n@ IN NS ns1." + zone + ".\nns1 IN A 192.0.2.1\n");
        for (int i = 0; i < HOSTS; i++) {
            text.append("h").append(i).append(" IN A 198.51.100.").append(i + shift).append('\n');
        }
        return text.toString();
    }

    /** {@code good} with the first {@value #DIFFERENT} hosts' addresses changed: as many records, 20 different. */
    private static List<Record> wrongZone(List<Record> good) throws Exception {
        return ScriptedPrimary.withHostsChanged(good, DIFFERENT);
    }

    /** The primary's zone without the closing SOA dig prints. */
    private static List<Record> served(String zone) throws Exception {
        List<Record> axfr = BIND.get().digAxfr(zone);
        return axfr.get(axfr.size() - 1).getType() == Type.SOA ? axfr.subList(0, axfr.size() - 1) : axfr;
    }

    /** An IXFR answer that cannot be applied (a record outside the zone): the client then asks for an AXFR. */
    private static List<Record> unusableIxfr(List<Record> from, List<Record> to) throws Exception {
        Record stray = Record.fromString(Name.fromString("stray.elsewhere.test."), Type.A, DClass.IN, 300,
                "192.0.2.99", Name.root);
        return List.of(to.get(0), from.get(0), to.get(0), stray, to.get(0));
    }

    private static String nextZone() {
        return "attempt" + zoneNumber++ + ".test";
    }

    private static TransferSource source(String zone, ScriptedPrimary first, boolean signed) {
        SecondaryZone secondary = SecondaryZone.of(zone, List.of(first.primary(), BIND.get().primary()))
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));
        return new TransferSource(signed ? secondary.withTsigKey(key) : secondary, new ZoneTransferClient());
    }

    private static void assertDesiredIsThePrimarysZone(String zone, DesiredState desired) throws Exception {
        assertEquals(DesiredState.Kind.CHANGED, desired.kind(), desired.detail());
        Map<RecordKey, RecordSet> expected = DnsRecordConverter.toSnapshot(zone + ".", served(zone)).recordSets();
        Map<RecordKey, RecordSet> actual = desired.snapshot().recordSets();
        Set<RecordKey> different = new TreeSet<>(expected.keySet());
        different.addAll(actual.keySet());
        different.removeIf(k -> Objects.equals(expected.get(k), actual.get(k)));
        assertEquals(Set.of(), different, "record sets that differ from the good primary's zone (" + expected.size()
                + " sets): " + desired.detail());
    }

    @Test
    void anAxfrCutBeforeItsClosingSoaThenTheNextPrimarysAxfrGivesTheNextPrimarysZone() throws Exception {
        String zone = nextZone();
        try (ScriptedPrimary cut = ScriptedPrimary.start(
                ScriptedPrimary.Script.serving(wrongZone(served(zone))).cutBeforeClosingSoa())) {
            DesiredState desired = source(zone, cut, false).fetch(false);

            assertEquals(1, cut.axfrsServed());
            assertTrue(desired.detail().contains("connection closed before the transfer was complete"),
                    desired.detail());
            assertDesiredIsThePrimarysZone(zone, desired);
        }
    }

    @Test
    void anAxfrCutBeforeItsClosingSoaThenTheNextPrimarysIxfrGivesTheNextPrimarysZone() throws Exception {
        String zone = nextZone();
        List<Record> first = served(zone);
        try (ScriptedPrimary cut = ScriptedPrimary.start(ScriptedPrimary.Script.serving(first))) {
            TransferSource source = source(zone, cut, false);
            DesiredState initial = source.fetch(false);
            assertDesiredIsThePrimarysZone(zone, initial);
            source.applied(initial);

            BIND.get().rewriteZone(zone, zoneText(zone, 2, 1)); // every host moves: an IXFR of 2 x 37 changes
            List<Record> second = served(zone);
            assertEquals(first.size(), second.size());
            cut.serve(ScriptedPrimary.Script.serving(wrongZone(second)).cutBeforeClosingSoa()
                    .answeringIxfrWith(unusableIxfr(first, second)));
            DesiredState desired = source.fetch(false);

            assertEquals(1, cut.ixfrsServed());
            assertEquals(2, cut.axfrsServed(), "the first primary's AXFR after its unusable IXFR was served (and cut)");
            assertTrue(desired.detail().contains("IXFR difference(s) from " + BIND.get().primary()), desired.detail());
            assertTrue(desired.detail().contains("AXFR failed: connection closed before the transfer was complete"),
                    desired.detail());
            assertDesiredIsThePrimarysZone(zone, desired);
        }
    }

    /**
     * A signed AXFR whose signature goes wrong at message {@code wrongFrom} (of five: 10, 10, 10, 10 records and
     * the closing SOA), after a first sync and then as an update, with the next primary answering by IXFR.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aTsigMismatchPartWayThenAGoodAttemptGivesExactlyTheGoodZone(int wrongFrom) throws Exception {
        String zone = nextZone();
        List<Record> first = served(zone);
        assertEquals(4 * ScriptedPrimary.RECORDS_PER_MESSAGE, first.size(), "four full messages");
        try (ScriptedPrimary badSignature = ScriptedPrimary.start(
                ScriptedPrimary.Script.serving(wrongZone(first)).signedWith(key).wrongMacFrom(wrongFrom))) {
            TransferSource source = source(zone, badSignature, true);
            DesiredState initial = source.fetch(false);
            assertTrue(initial.detail().contains("BADSIG"), initial.detail());
            assertDesiredIsThePrimarysZone(zone, initial);
            source.applied(initial);

            BIND.get().rewriteZone(zone, zoneText(zone, 2, 1));
            List<Record> second = served(zone);
            badSignature.serve(ScriptedPrimary.Script.serving(wrongZone(second)).signedWith(key)
                    .wrongMacFrom(wrongFrom).answeringIxfrWith(unusableIxfr(first, second)));
            DesiredState desired = source.fetch(false);

            assertEquals(2, badSignature.axfrsServed());
            assertTrue(desired.detail().contains("BADSIG") && desired.detail().contains("IXFR difference(s)"),
                    desired.detail());
            assertDesiredIsThePrimarysZone(zone, desired);
        }
    }
}
