package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.testpeers.BindPrimaryExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Record;

/**
 * A large zone (50,000 TXT records, about 6 MB on the wire) from a real BIND, through a relay that cuts the
 * transfer: half a transfer, a stalled transfer, and the primary killed with SIGKILL mid-transfer must all be
 * FAILED with no records, never a partial zone.
 */
class ZoneTransferInterruptedTest {

    private static final int RECORDS = 50_000;
    /** Less than a full transfer of the zone takes on the wire (the first test shows it). */
    private static final long FULL_TRANSFER_MORE_THAN = 5_000_000;
    private static final String zoneText = bigZone();

    @RegisterExtension
    static final BindPrimaryExtension BIND = BindPrimaryExtension.builtInZones()
            .withZones(BindPrimary.zones("big.test", zoneText));

    private final BindPrimary bind = BIND.get();
    private final ZoneTransferClient client = new ZoneTransferClient();

    private static String bigZone() {
        StringBuilder zone = new StringBuilder("$TTL 300\n@ IN SOA ns1.big.test. hostmaster.big.test. 1 3600 600 86400 300\n"
                + "@ IN NS ns1.big.test.\nns1 IN A 192.0.2.1\n");
        String filler = "x".repeat(100);
        for (int i = 0; i < RECORDS; i++) {
            zone.append("r").append(i).append(" IN TXT \"").append(i).append(filler).append("\"\n");
        }
        return zone.toString();
    }

    private static SecondaryZone bigZoneVia(CuttingRelay relay, Duration transferTimeout) {
        return SecondaryZone.of("big.test", List.of("127.0.0.1:" + relay.port()))
                .withTimeouts(Duration.ofSeconds(3), transferTimeout);
    }

    @Test
    void theWholeZoneComesThroughAnUncutRelay() throws Exception {
        try (CuttingRelay relay = new CuttingRelay(bind.port(), Long.MAX_VALUE, CuttingRelay.AfterCut.CLOSE, () -> { })) {
            long started = System.nanoTime();
            TransferResult result = client.transfer(bigZoneVia(relay, Duration.ofSeconds(60)), null, null);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(TransferResult.Status.AXFR, result.status(), result.message());
            assertEquals(RECORDS + 3, result.records().size());
            long fullTransferBytes = relay.forwardedBytes();
            assertTrue(fullTransferBytes > FULL_TRANSFER_MORE_THAN, "about 6 MB expected, got " + fullTransferBytes);
            System.out.printf("AXFR of %d records (%d bytes) through the relay took %d ms%n",
                    result.records().size(), fullTransferBytes, millis);
        }
    }

    @Test
    void halfATransferThenCloseIsFailed() throws Exception {
        try (CuttingRelay relay = new CuttingRelay(bind.port(), 3_000_000, CuttingRelay.AfterCut.CLOSE, () -> { })) {
            TransferResult result = client.transfer(bigZoneVia(relay, Duration.ofSeconds(60)), null, null);

            assertTrue(relay.wasCut());
            assertEquals(TransferResult.Status.FAILED, result.status(), result.message());
            assertTrue(result.records().isEmpty());
            assertTrue(result.message().contains("AXFR failed"), result.message());
        }
    }

    @Test
    void aStalledTransferTimesOutAsFailed() throws Exception {
        try (CuttingRelay relay = new CuttingRelay(bind.port(), 100_000, CuttingRelay.AfterCut.STALL, () -> { })) {
            long started = System.nanoTime();
            TransferResult result = client.transfer(bigZoneVia(relay, Duration.ofMillis(1500)), null, null);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(TransferResult.Status.FAILED, result.status(), result.message());
            assertTrue(result.records().isEmpty());
            assertTrue(millis < 10_000, "the transfer timeout bounds the wait: " + millis + " ms");
        }
    }

    @Test
    void eachAttemptHasItsOwnObserverAndOnlyTheOneThatGaveTheZoneIsHandedBack() throws Exception {
        List<RecordingObserver> made = new ArrayList<>();
        try (CuttingRelay relay = new CuttingRelay(bind.port(), 3_000_000, CuttingRelay.AfterCut.CLOSE, () -> { })) {
            SecondaryZone cutThenWhole = SecondaryZone.of("big.test",
                            List.of("127.0.0.1:" + relay.port(), "127.0.0.1:" + bind.port()))
                    .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(60));

            ObservedTransfer<RecordingObserver> transfer = client.transfer(cutThenWhole, null, null, () -> {
                RecordingObserver observer = new RecordingObserver();
                made.add(observer);
                return observer;
            });
            TransferResult result = transfer.result();

            assertTrue(relay.wasCut());
            assertEquals(TransferResult.Status.AXFR, result.status(), result.message());
            assertEquals(2, made.size(), "one observer per AXFR attempt");
            assertTrue(made.get(0).runs > 10 && made.get(0).records.size() < result.records().size(),
                    "the cut attempt's observer saw part of the zone: " + made.get(0).records.size());
            assertSame(made.get(1), transfer.observer().orElseThrow(), "the observer of the attempt that succeeded");
            assertEquals(result.records(), made.get(1).records,
                    "the handed-back observer saw exactly the zone, closing SOA left out");
            assertTrue(made.get(1).runs > 10, "delivered message by message while arriving, got " + made.get(1).runs);
        }
    }

    /** Keeps what a {@link FullZoneObserver} is told. */
    private static final class RecordingObserver implements FullZoneObserver {
        private final List<Record> records = new ArrayList<>();
        private int runs;

        @Override
        public void message(AxfrMessage message) {
            runs++;
            try {
                records.addAll(message.records());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Kills a BIND of its own (the other tests keep theirs). */
    @Test
    void aPrimaryKilledMidTransferIsFailed() throws Exception {
        try (BindPrimary killed = BindPrimary.start(BindPrimary.freePort(), BindPrimary.zones("big.test", zoneText));
             CuttingRelay relay = new CuttingRelay(killed.port(), 256 * 1024, CuttingRelay.AfterCut.DRAIN, () -> {
                 try {
                     killed.kill();
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
             })) {
            TransferResult result = client.transfer(bigZoneVia(relay, Duration.ofSeconds(60)), null, null);

            assertFalse(killed.isAlive(), "named was killed with SIGKILL");
            assertEquals(TransferResult.Status.FAILED, result.status(), result.message());
            assertTrue(result.records().isEmpty());
            assertTrue(relay.forwardedBytes() < FULL_TRANSFER_MORE_THAN, "the transfer really was cut: "
                    + relay.forwardedBytes() + " bytes, a full one is over " + FULL_TRANSFER_MORE_THAN);
            System.out.printf("named killed after %d bytes: %s%n", relay.forwardedBytes(), result.message());
        }
    }
}
