package io.zonebridge.app;

import io.zonebridge.secondary.AxfrMessage;
import io.zonebridge.secondary.FullZoneObserver;
import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.RecordSetGrouping;

/**
 * Converts the messages of one AXFR attempt into Route 53 record sets while the attempt still runs, straight from
 * their bytes, on the transferring thread between two messages: the primary keeps sending into the socket buffer
 * meanwhile, so a large zone is converted by the time its last message arrives instead of afterwards. One
 * instance per attempt ({@link io.zonebridge.secondary.ZoneTransferClient} makes one for each and hands back only
 * the one of the attempt that gave the zone), so it never holds more than one attempt's records.
 */
final class TransferConversion implements FullZoneObserver {

    private final RecordSetGrouping grouping;
    private RuntimeException failure;

    TransferConversion(String origin) {
        this.grouping = new RecordSetGrouping(origin);
    }

    @Override
    public void message(AxfrMessage message) {
        if (failure == null) {
            try {
                grouping.add(message);
            } catch (RuntimeException e) {
                failure = e; // the transfer goes on; the conversion fails when it is asked for
            }
        }
    }

    /**
     * The attempt's zone in Route 53's form.
     *
     * @param records how many records the attempt's zone has (checked against what this conversion saw)
     * @throws IllegalArgumentException as {@link io.zonebridge.zonefile.DnsRecordConverter#convert} does for a
     *     record it cannot take
     */
    ConvertedZone zone(int records) {
        if (failure != null) {
            throw failure;
        }
        if (grouping.added() != records) {
            throw new IllegalStateException("the AXFR conversion saw " + grouping.added() + " records, the zone has "
                    + records);
        }
        return grouping.result();
    }
}
