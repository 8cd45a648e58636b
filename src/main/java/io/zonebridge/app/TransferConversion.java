package io.zonebridge.app;

import io.zonebridge.secondary.AxfrMessage;
import io.zonebridge.secondary.FullZoneObserver;
import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.DnsRecordConverter;
import io.zonebridge.zonefile.RecordSetGrouping;
import java.util.List;
import org.xbill.DNS.Record;

/**
 * Converts a zone transfer's messages into Route 53 record sets while the AXFR still runs (a
 * {@link FullZoneObserver}), straight from their bytes, on the transferring thread between two messages: the
 * primary keeps sending into the socket buffer meanwhile, so a large zone is converted by the time its last
 * message arrives instead of afterwards, without a second thread to hand each message to. {@link #of(List)}
 * returns that conversion when it covers exactly the transferred records, and converts them there and then
 * otherwise (IXFR results, or an attempt that was voided). One instance per transfer.
 */
final class TransferConversion implements FullZoneObserver {

    private final String origin;
    private RecordSetGrouping grouping;
    private RuntimeException failure;

    TransferConversion(String origin) {
        this.origin = origin;
    }

    @Override
    public void started() {
        grouping = new RecordSetGrouping(origin);
        failure = null;
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
     * The transferred zone in Route 53's form: the overlapped conversion when it saw exactly {@code records},
     * otherwise a conversion of {@code records} now.
     *
     * @throws IllegalArgumentException as {@link DnsRecordConverter#convert} does for a record it cannot take
     */
    ConvertedZone of(List<Record> records) {
        if (grouping == null || grouping.added() != records.size()) {
            return DnsRecordConverter.convert(origin, records);
        }
        if (failure != null) {
            throw failure;
        }
        return grouping.result();
    }
}
