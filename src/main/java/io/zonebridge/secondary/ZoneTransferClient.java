package io.zonebridge.secondary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Serial;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Fetches a secondary zone from its primaries, the way a DNS secondary does. With nothing known: an AXFR from
 * each primary in order. With a known serial: a SOA query to each primary in order (TSIG-signed when the zone
 * has a key; {@link SoaQuery}, on the calling thread), nothing more when the serial has not moved past the known one (RFC 1982), else an IXFR from it
 * through dnsjava's {@link ZoneTransferIn}, falling back to AXFR. An AXFR is read straight from the wire
 * ({@link AxfrReader}) so a {@link FullZoneObserver} can work on it while it runs. IXFR differences are applied
 * to the known records, so the result always holds the complete zone (a {@link KeptZone}: pass it back as the
 * known records and the next IXFR costs in proportion to its differences), and what they changed
 * ({@link TransferResult#delta()}). Any failure (refusal, TSIG error, timeout,
 * connection lost, truncated or inconsistent transfer) moves on to the next primary; when none succeeds the
 * result is {@link TransferResult.Status#FAILED} with no records.
 *
 * <p>A zone with one primary that announced (NOTIFY, {@link NotifyHandler}) a serial newer than the known one is
 * asked for the IXFR straight away: its SOA could only say what the NOTIFY said, and an IXFR request answers with
 * the primary's current SOA alone when nothing changed after all. When that IXFR fails, the SOA query runs as usual.
 *
 * <p>Every attempt is all or nothing: what one attempt builds (its messages, TSIG state, observer) lives only in
 * that attempt and is dropped when it fails, so a later attempt, from the same or another primary, starts clean.
 * Thread-safe; it keeps no state of its own beyond the announced serials it reads.
 */
public final class ZoneTransferClient {

    /** The observer of the transfers nobody observes. */
    private static final FullZoneObserver IGNORED = message -> { };

    private final SerialTracker announced;

    /** A client that reads the serials {@code announced} by NOTIFYs (written by a {@link NotifyHandler}). */
    public ZoneTransferClient(SerialTracker announced) {
        this.announced = Objects.requireNonNull(announced, "announced serials");
    }

    /** A client that knows of no NOTIFY: every update asks the primaries' SOA first. */
    public ZoneTransferClient() {
        this(new SerialTracker());
    }

    /**
     * Brings the zone up to date.
     *
     * @param zone the zone and its primaries
     * @param knownSerial the serial of {@code knownRecords}, or {@code null} when nothing is known (forces AXFR)
     * @param knownRecords the complete zone at {@code knownSerial} (needed for IXFR), or {@code null}
     * @return the new complete zone, or UP_TO_DATE, or FAILED with every primary's reason
     */
    public TransferResult transfer(SecondaryZone zone, Long knownSerial, List<Record> knownRecords) {
        return transfer(zone, knownSerial, knownRecords, () -> IGNORED).result();
    }

    /**
     * Brings the zone up to date, showing the messages of each AXFR attempt, while they arrive, to a fresh
     * observer from {@code observerPerAttempt}; only the observer of the attempt that gave the zone is returned.
     *
     * @see #transfer(SecondaryZone, Long, List)
     */
    public <O extends FullZoneObserver> ObservedTransfer<O> transfer(SecondaryZone zone, Long knownSerial,
            List<Record> knownRecords, Supplier<O> observerPerAttempt) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(observerPerAttempt, "observerPerAttempt");
        if (knownSerial != null && (knownSerial < 0 || knownSerial > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("known serial " + knownSerial + " of zone " + zone.zone()
                    + " is outside 0..4294967295");
        }
        List<String> failures = new ArrayList<>();
        return knownSerial == null ? fullTransfer(zone, failures, observerPerAttempt)
                : update(zone, knownSerial, knownRecords, failures, observerPerAttempt);
    }

    /** The SOA of each primary in order, then an IXFR (or AXFR) from the first that is ahead of the known serial. */
    private <O extends FullZoneObserver> ObservedTransfer<O> update(SecondaryZone zone, long knownSerial,
            List<Record> knownRecords, List<String> failures, Supplier<O> observers) {
        TSIG tsig = zone.tsig().map(TsigKeySpec::toTsig).orElse(null);
        Long newestSeen = null;
        SoaTimers timers = null;
        PrimaryServer lastAnswered = null;
        SoaTimers knownTimers = announcedNewer(zone, knownSerial) ? knownTimers(zone, knownRecords) : null;
        if (knownTimers != null) {
            PrimaryServer primary = zone.primaries().get(0);
            try {
                return transferFrom(zone, primary, tsig, knownSerial, knownRecords, knownTimers, failures, observers);
            } catch (Failure e) {
                failures.add(primary + ": " + e.getMessage() + " (asked without a SOA query, after its NOTIFY)");
            }
        }
        for (PrimaryServer primary : zone.primaries()) {
            SOARecord soa;
            try {
                soa = querySoa(zone, primary, tsig);
            } catch (Failure e) {
                failures.add(primary + ": SOA query failed: " + e.getMessage());
                continue;
            }
            timers = SoaTimers.of(soa);
            lastAnswered = primary;
            long serial = soa.getSerial();
            if (Serial.compare(serial, knownSerial) <= 0) {
                if (newestSeen == null) {
                    return ObservedTransfer.unobserved(new TransferResult(TransferResult.Status.UP_TO_DATE,
                            knownSerial, knownRecords, timers, primary, withFailures("primary " + primary
                                    + " has serial " + serial + ", not newer than known serial " + knownSerial
                                    + "; nothing transferred", failures)));
                }
                failures.add(primary + ": serial " + serial + " is behind serial " + newestSeen + " seen elsewhere");
                continue;
            }
            newestSeen = serial;
            try {
                return transferFrom(zone, primary, tsig, knownSerial, knownRecords, timers, failures, observers);
            } catch (Failure e) {
                failures.add(primary + ": " + e.getMessage());
            }
        }
        return ObservedTransfer.unobserved(
                TransferResult.failed(knownSerial, timers, lastAnswered, noneGave(zone, failures)));
    }

    /** Whether the zone's only primary announced a serial newer than the known one. */
    private boolean announcedNewer(SecondaryZone zone, long knownSerial) {
        return zone.primaries().size() == 1
                && announced.known(zone.zone()).filter(serial -> Serial.compare(serial, knownSerial) > 0).isPresent();
    }

    /** The timers of the known zone's SOA, or {@code null} when there is no known zone to update. */
    private static SoaTimers knownTimers(SecondaryZone zone, List<Record> knownRecords) {
        if (knownRecords == null || knownRecords.isEmpty()) {
            return null;
        }
        List<Record> apex = knownRecords instanceof KeptZone kept ? kept.records(zone.zone()) : knownRecords;
        for (Record record : apex) {
            if (record instanceof SOARecord soa && soa.getName().equals(zone.zone())) {
                return SoaTimers.of(soa);
            }
        }
        return null;
    }

    private static String noneGave(SecondaryZone zone, List<String> failures) {
        return "no primary of " + zone.zone() + " gave a complete zone: " + String.join("; ", failures);
    }

    /**
     * With nothing known there is no serial to compare, so each primary in order is asked for an AXFR straight
     * away: its opening SOA gives the serial and timers a SOA query would have given.
     */
    private <O extends FullZoneObserver> ObservedTransfer<O> fullTransfer(SecondaryZone zone, List<String> failures,
            Supplier<O> observers) {
        for (PrimaryServer primary : zone.primaries()) {
            try {
                return axfr(zone, primary, failures, observers);
            } catch (Failure e) {
                failures.add(primary + ": " + e.getMessage());
            }
        }
        return ObservedTransfer.unobserved(TransferResult.failed(null, null, null, noneGave(zone, failures)));
    }

    private SOARecord querySoa(SecondaryZone zone, PrimaryServer primary, TSIG tsig) throws Failure {
        Message response;
        try {
            response = SoaQuery.ask(zone.zone(), primary, tsig, zone.queryTimeout());
        } catch (IOException | RuntimeException e) {
            throw new Failure(describe(e));
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR) {
            throw new Failure("answered " + Rcode.string(rcode) + tsigError(response));
        }
        if (tsig != null && !response.isVerified()) {
            throw new Failure("the answer failed TSIG verification with key " + zone.tsigKey().name());
        }
        if (!response.getHeader().getFlag(Flags.AA)) {
            throw new Failure("the answer is not authoritative for " + zone.zone());
        }
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof SOARecord soa && soa.getName().equals(zone.zone())) {
                return soa;
            }
        }
        throw new Failure("the answer holds no SOA of " + zone.zone());
    }

    private <O extends FullZoneObserver> ObservedTransfer<O> transferFrom(SecondaryZone zone, PrimaryServer primary,
            TSIG tsig, long knownSerial, List<Record> knownRecords, SoaTimers timers, List<String> failures,
            Supplier<O> observers) throws Failure {
        boolean incremental = knownRecords != null && !knownRecords.isEmpty();
        if (incremental) {
            ZoneTransferIn ixfr = ZoneTransferIn.newIXFR(zone.zone(), knownSerial, true, primary.socketAddress(), tsig);
            run(ixfr, zone);
            if (ixfr.isCurrent()) {
                return ObservedTransfer.unobserved(new TransferResult(TransferResult.Status.UP_TO_DATE, knownSerial,
                        knownRecords, timers, primary, withFailures("IXFR from " + primary + " reports serial "
                                + knownSerial + " is current; nothing transferred", failures)));
            }
            if (ixfr.isIXFR()) {
                try {
                    ZoneContent.Ixfr applied = ZoneContent.applyIxfr(zone.zone(), knownSerial, knownRecords,
                            ixfr.getIXFR());
                    SOARecord soa = (SOARecord) applied.zone().records(zone.zone()).stream()
                            .filter(r -> r.getType() == Type.SOA).findFirst().orElseThrow();
                    return ObservedTransfer.unobserved(new TransferResult(TransferResult.Status.IXFR,
                            soa.getSerial(), applied.zone(), SoaTimers.of(soa), primary, withFailures(
                                    ixfr.getIXFR().size() + " IXFR difference(s) from " + primary + " applied",
                                    failures), applied.delta()));
                } catch (ZoneContent.Inconsistent | AxfrRecords.Unreadable e) {
                    failures.add(primary + ": " + e.getMessage() + "; retrying with AXFR");
                }
            } else {
                return ObservedTransfer.unobserved(fromAxfr(zone, primary, ixfr.getAXFR(), failures,
                        "IXFR request answered with a full zone"));
            }
        }
        return axfr(zone, primary, failures, observers);
    }

    /**
     * One AXFR attempt, with its own fresh observer: the observer leaves this method only with the attempt's
     * complete zone, never after a failure.
     */
    private <O extends FullZoneObserver> ObservedTransfer<O> axfr(SecondaryZone zone, PrimaryServer primary,
            List<String> failures, Supplier<O> observers) throws Failure {
        O observer = Objects.requireNonNull(observers.get(), "the observer supplier gave null");
        AxfrReader.Transcript transcript;
        try {
            transcript = new AxfrReader(zone, primary).read(observer);
        } catch (IOException | RuntimeException e) {
            throw new Failure("AXFR failed: " + describe(e));
        } catch (ZoneContent.Inconsistent e) {
            throw new Failure(e.getMessage());
        }
        SOARecord soa = transcript.soa();
        AxfrRecords records = new AxfrRecords(transcript.messages());
        return new ObservedTransfer<>(new TransferResult(TransferResult.Status.AXFR, soa.getSerial(), records,
                SoaTimers.of(soa), primary, withFailures("AXFR from " + primary + ": " + records.size() + " records",
                        failures)), Optional.of(observer));
    }

    private TransferResult fromAxfr(SecondaryZone zone, PrimaryServer primary, List<Record> axfr,
            List<String> failures, String what) throws Failure {
        try {
            List<Record> records = ZoneContent.fromAxfr(zone.zone(), axfr);
            return complete(TransferResult.Status.AXFR, records, primary, failures,
                    what + " from " + primary + ": " + records.size() + " records");
        } catch (ZoneContent.Inconsistent e) {
            throw new Failure(e.getMessage());
        }
    }

    private static TransferResult complete(TransferResult.Status status, List<Record> records, PrimaryServer primary,
            List<String> failures, String message) {
        SOARecord soa = (SOARecord) records.stream().filter(r -> r.getType() == Type.SOA).findFirst().orElseThrow();
        return new TransferResult(status, soa.getSerial(), records, SoaTimers.of(soa), primary,
                withFailures(message, failures));
    }

    /** Runs an IXFR request through dnsjava. */
    private static void run(ZoneTransferIn transfer, SecondaryZone zone) throws Failure {
        transfer.setTimeout(zone.transferTimeout());
        try {
            transfer.run();
        } catch (IOException | ZoneTransferException | RuntimeException e) {
            throw new Failure("IXFR failed: " + describe(e));
        }
    }

    private static String tsigError(Message response) {
        TSIGRecord tsig = response.getTSIG();
        if (tsig == null || tsig.getError() == Rcode.NOERROR) {
            return "";
        }
        return " (TSIG error " + Rcode.TSIGstring(tsig.getError()) + ")";
    }

    private static String describe(Exception e) {
        if (e instanceof java.io.EOFException) {
            return (e.getMessage() != null ? e.getMessage() : "connection closed before the answer was complete")
                    + " (EOFException)";
        }
        if (e.getClass() == IOException.class && e.getMessage() != null) {
            return e.getMessage(); // the transfer's own words
        }
        String text = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + text;
    }

    private static String withFailures(String message, List<String> failures) {
        return failures.isEmpty() ? message : message + " (after: " + String.join("; ", failures) + ")";
    }

    /** One primary's failure, with the reason. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
