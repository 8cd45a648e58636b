package io.zonebridge.secondary;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Record;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Collects the records of one AXFR (both SOAs included, as dnsjava's own handler does) and hands them to a
 * {@link FullZoneObserver} in runs while they arrive, always holding the newest record back so the closing SOA
 * is never delivered.
 */
final class AxfrRecordCollector implements ZoneTransferIn.ZoneTransferHandler {

    private static final int RUN = 4096;

    private final FullZoneObserver observer;
    private final List<Record> records = new ArrayList<>();
    private int delivered;

    AxfrRecordCollector(FullZoneObserver observer) {
        this.observer = observer;
    }

    @Override
    public void startAXFR() {
        observer.started();
    }

    @Override
    public void startIXFR() throws ZoneTransferException {
        throw new ZoneTransferException("the primary answered an AXFR request with an IXFR");
    }

    @Override
    public void startIXFRDeletes(Record soa) throws ZoneTransferException {
        startIXFR();
    }

    @Override
    public void startIXFRAdds(Record soa) throws ZoneTransferException {
        startIXFR();
    }

    @Override
    public void handleRecord(Record record) {
        records.add(record);
        if (records.size() - 1 - delivered >= RUN) {
            deliverUpTo(records.size() - 1);
        }
    }

    /** Delivers what is left but the closing SOA; call after the transfer ended and its content was checked. */
    void finish() {
        deliverUpTo(records.size() - 1);
    }

    /** Everything received, both SOAs included. */
    List<Record> records() {
        return records;
    }

    private void deliverUpTo(int end) {
        if (end > delivered) {
            observer.records(List.copyOf(records.subList(delivered, end)));
            delivered = end;
        }
    }
}
