package io.zonebridge.app;

import io.zonebridge.secondary.AxfrMessage;
import io.zonebridge.secondary.FullZoneObserver;
import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.DnsRecordConverter;
import io.zonebridge.zonefile.RecordSetGrouping;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.xbill.DNS.Record;

/**
 * Converts a zone transfer's messages into Route 53 record sets on a worker thread while the AXFR still runs
 * (a {@link FullZoneObserver}), straight from their bytes, so a large zone is converted by the time its last
 * message arrives instead of afterwards. {@link #of(List)} returns that conversion when it covers exactly the transferred records, and
 * converts them there and then otherwise (IXFR results, or an attempt that was voided). One instance per
 * transfer; {@link #close()} stops the worker.
 */
final class TransferConversion implements FullZoneObserver, AutoCloseable {

    private final String origin;
    private final ExecutorService worker;
    private RecordSetGrouping grouping;
    private RuntimeException failure;

    TransferConversion(String origin) {
        this.origin = origin;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "zonebridge-convert " + origin);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void started() {
        worker.execute(() -> {
            grouping = new RecordSetGrouping(origin);
            failure = null;
        });
    }

    @Override
    public void message(AxfrMessage message) {
        worker.execute(() -> {
            if (failure == null) {
                try {
                    grouping.add(message);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        });
    }

    /**
     * The transferred zone in Route 53's form: the overlapped conversion when it saw exactly {@code records},
     * otherwise a conversion of {@code records} now.
     *
     * @throws IllegalArgumentException as {@link DnsRecordConverter#convert} does for a record it cannot take
     */
    ConvertedZone of(List<Record> records) {
        Future<ConvertedZone> overlapped = worker.submit(() -> {
            if (grouping == null || grouping.added() != records.size()) {
                return null;
            }
            if (failure != null) {
                throw failure;
            }
            return grouping.result();
        });
        ConvertedZone converted;
        try {
            converted = overlapped.get();
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting zone " + origin, e);
        }
        return converted != null ? converted : DnsRecordConverter.convert(origin, records);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
