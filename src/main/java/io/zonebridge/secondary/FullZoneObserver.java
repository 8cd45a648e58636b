package io.zonebridge.secondary;

/**
 * Sees the messages of a full-zone transfer (AXFR) while it is still running, so a caller can work on them on
 * another thread instead of after the transfer. Called on the transferring thread: {@link #started()} when an
 * AXFR begins (voiding whatever an earlier, failed attempt delivered), then {@link #message} with each message
 * in transfer order once it was checked (and its signature verified), the closing SOA left out of its
 * {@link AxfrMessage#size()}. What was delivered is the zone only when {@link ZoneTransferClient#transfer} then
 * returns status {@link TransferResult.Status#AXFR}; then its records equal {@link TransferResult#records()}.
 * IXFR answers are not delivered.
 */
public interface FullZoneObserver {

    /** An observer that ignores everything. */
    FullZoneObserver NONE = new FullZoneObserver() {
        @Override
        public void started() {
        }

        @Override
        public void message(AxfrMessage message) {
        }
    };

    /** An AXFR begins; messages delivered before belong to a failed attempt. */
    void started();

    /** The next message of the running AXFR. */
    void message(AxfrMessage message);
}
