package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.secondary.SecondaryZone;
import io.zonebridge.secondary.ZoneTransferClient;
import io.zonebridge.sync.DesiredChange;
import io.zonebridge.testpeers.BindPrimaryExtension;
import io.zonebridge.zonefile.DnsRecordConverter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * {@link TransferSource} against a real BIND primary taking dynamic updates: an IXFR is a delta holding exactly the
 * names it touched, converted by the same converter as a whole zone (the same canonical sets), and the whole desired
 * zone kept beside it is the primary's zone converted whole, after each update and after an update that was not
 * applied (the next IXFR, from the last applied serial, covers both).
 */
class TransferSourceDeltaTest {

    private static final String ZONE = "delta.test";

    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones().withZones(Map.of(ZONE, """
                $TTL 300
                @ IN SOA ns1.delta.test. hostmaster.delta.test. 1 3600 600 86400 60
                @ IN NS ns1.delta.test.
                ns1 IN A 192.0.2.1
                www IN A 192.0.2.10
                www IN A 192.0.2.11
                mail IN A 192.0.2.20
                mail IN MX 10 mail.delta.test.
                old IN TXT "remove me"
                """)).withStatements(Map.of(ZONE, "allow-update { key \"xfr-key\"; };"));

    private static TransferSource source() {
        return new TransferSource(SecondaryZone.of(ZONE, List.of(BIND.get().primary()))
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10)), new ZoneTransferClient());
    }

    /** The primary's zone now, converted whole (dig's AXFR without its closing SOA). */
    private static ZoneSnapshot servedWhole() throws Exception {
        List<Record> axfr = BIND.get().digAxfr(ZONE);
        return DnsRecordConverter.toSnapshot(ZONE + ".",
                axfr.get(axfr.size() - 1).getType() == Type.SOA ? axfr.subList(0, axfr.size() - 1) : axfr);
    }

    private static Map<RecordKey, RecordSet> at(ZoneSnapshot zone, Set<String> names) {
        Map<RecordKey, RecordSet> sets = new TreeMap<>(zone.recordSets());
        sets.keySet().removeIf(key -> !names.contains(key.name()));
        return sets;
    }

    @Test
    void anIxfrIsADeltaOfTheNamesItTouchedAndTheKeptWholeZoneStaysThePrimarys() throws Exception {
        TransferSource source = source();
        DesiredState first = source.fetch(false);
        assertNull(first.change(), "the first transfer is whole: " + first.detail());
        assertEquals(servedWhole(), first.snapshot());
        source.applied(first);

        BIND.get().nsupdate("zone delta.test\nupdate delete www.delta.test. A 192.0.2.11\n"
                + "update add www.delta.test. 300 IN A 192.0.2.12\nupdate delete old.delta.test. TXT\n"
                + "update add MiXed.delta.test. 60 IN TXT \"two\" \"strings\"\n"
                + "update add new.delta.test. 600 IN AAAA 2001:db8::1");
        DesiredState second = source.fetch(false);

        DesiredChange change = second.change();
        assertNotNull(change, "an IXFR is a delta: " + second.detail());
        Set<String> touched = Set.of("delta.test.", "www.delta.test.", "old.delta.test.", "mixed.delta.test.",
                "new.delta.test.");
        assertEquals(touched, change.names());
        ZoneSnapshot served = servedWhole();
        assertEquals(at(served, touched), new TreeMap<>(change.sets()), "converted as the whole zone is");
        assertEquals(served, second.snapshot(), "the kept whole zone patched by the delta");
        source.applied(second);

        BIND.get().nsupdate("zone delta.test\nupdate delete mail.delta.test. MX");
        DesiredState notApplied = source.fetch(false);
        assertEquals(Set.of("delta.test.", "mail.delta.test."), notApplied.change().names());
        BIND.get().nsupdate("zone delta.test\nupdate add extra.delta.test. 300 IN A 192.0.2.30");
        DesiredState both = source.fetch(false);

        assertEquals(Set.of("delta.test.", "mail.delta.test.", "extra.delta.test."), both.change().names(),
                "from the last applied serial: both updates");
        assertEquals(servedWhole(), both.snapshot());
    }
}
