package io.zonebridge.app;

import io.zonebridge.secondary.ObservedTransfer;
import io.zonebridge.secondary.SecondaryZone;
import io.zonebridge.secondary.TransferResult;
import io.zonebridge.secondary.ZoneTransferClient;
import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.DnsRecordConverter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Record;

/**
 * A zone's desired state from its primaries: IXFR from the last applied serial (AXFR the first time or when
 * {@code full}), through {@link ZoneTransferClient}. The last applied zone is kept so IXFR differences can be
 * applied to it; an AXFR is converted to record sets while it runs ({@link TransferConversion}, one per attempt:
 * only the conversion of the attempt that gave the zone is used), anything else after it. It advances
 * only when Route 53 took the whole zone ({@link #applied}), so a failed apply is transferred and planned again
 * next time. A failed, refused, timed-out or truncated transfer is a
 * {@link DesiredState.Kind#FAILED} state with no records.
 */
public final class TransferSource implements DesiredStateSource {

    private static final Logger LOG = LoggerFactory.getLogger(TransferSource.class);

    private final SecondaryZone zone;
    private final String origin;
    private final ZoneTransferClient client;
    private Long appliedSerial;
    private List<Record> appliedRecords;
    private TransferResult pending;
    private boolean skippedTypesReported;

    public TransferSource(SecondaryZone zone, ZoneTransferClient client) {
        this.zone = zone;
        this.origin = zone.zone().toString();
        this.client = client;
    }

    /** The zone as the NOTIFY handler and transfers see it. */
    public SecondaryZone secondaryZone() {
        return zone;
    }

    @Override
    public synchronized DesiredState fetch(boolean full) {
        ObservedTransfer<TransferConversion> transfer = full
                ? client.transfer(zone, null, null, () -> new TransferConversion(origin))
                : client.transfer(zone, appliedSerial, appliedRecords, () -> new TransferConversion(origin));
        pending = null;
        return desiredState(transfer);
    }

    private DesiredState desiredState(ObservedTransfer<TransferConversion> transfer) {
        TransferResult result = transfer.result();
        return switch (result.status()) {
            case FAILED -> DesiredState.failed(result.serial(), result.timers(), result.message());
            case UP_TO_DATE -> new DesiredState(DesiredState.Kind.UNCHANGED, null, result.serial(), result.timers(),
                    result.message());
            case IXFR, AXFR -> {
                ConvertedZone converted = transfer.observer()
                        .map(conversion -> conversion.zone(result.records().size()))
                        .orElseGet(() -> DnsRecordConverter.convert(origin, result.records()));
                if (converted.skippedCount() > 0 && !skippedTypesReported) {
                    skippedTypesReported = true;
                    LOG.warn("zone {}: records of types Route 53 does not support are skipped: {}", zone.zone(),
                            converted.skippedByType());
                }
                pending = result;
                yield new DesiredState(DesiredState.Kind.CHANGED, converted.snapshot(), result.serial(),
                        result.timers(), result.message());
            }
        };
    }

    @Override
    public synchronized void applied(DesiredState state) {
        if (pending != null && pending.serial().equals(state.serial())) {
            appliedSerial = pending.serial();
            appliedRecords = pending.records();
        }
        pending = null;
    }

    @Override
    public String describe() {
        return "primaries " + zone.primaries() + zone.tsig().map(k -> " (TSIG key " + k.name() + ")").orElse("");
    }
}
