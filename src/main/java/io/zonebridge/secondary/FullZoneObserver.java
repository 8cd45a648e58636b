package io.zonebridge.secondary;

import java.util.List;
import org.xbill.DNS.Record;

/**
 * Sees the records of a full-zone transfer (AXFR) while it is still running, so a caller can work on them on
 * another thread instead of after the transfer. Called on the transferring thread: {@link #started()} when an
 * AXFR begins (voiding whatever an earlier, failed attempt delivered), then {@link #records} with the zone's
 * records in transfer order (opening SOA first, closing SOA left out), each list a copy the observer may keep.
 * What was delivered is the zone only when {@link ZoneTransferClient#transfer} then returns status
 * {@link TransferResult.Status#AXFR}; then it equals {@link TransferResult#records()}. IXFR answers are not
 * delivered.
 */
public interface FullZoneObserver {

    /** An observer that ignores everything. */
    FullZoneObserver NONE = new FullZoneObserver() {
        @Override
        public void started() {
        }

        @Override
        public void records(List<Record> records) {
        }
    };

    /** An AXFR begins; records delivered before belong to a failed attempt. */
    void started();

    /** The next records of the running AXFR, in order. */
    void records(List<Record> records);
}
