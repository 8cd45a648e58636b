package io.zonebridge.secondary;

/**
 * Works on the messages of one AXFR attempt while it runs, on the transferring thread: {@link #message} with
 * each message in transfer order once it was checked (and its signature verified), the closing SOA left out of
 * its {@link AxfrMessage#size()}. {@link ZoneTransferClient} makes a fresh observer for every AXFR attempt and
 * hands back only the observer of the attempt whose zone it returns ({@link ObservedTransfer}); the observer of
 * a failed attempt is dropped with the attempt, so nothing it gathered can reach another attempt's result.
 */
@FunctionalInterface
public interface FullZoneObserver {

    /** The next message of this observer's AXFR attempt. */
    void message(AxfrMessage message);
}
