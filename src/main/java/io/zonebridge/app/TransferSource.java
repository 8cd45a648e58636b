package io.zonebridge.app;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.secondary.KeptZone;
import io.zonebridge.secondary.ObservedTransfer;
import io.zonebridge.secondary.SecondaryZone;
import io.zonebridge.secondary.TransferResult;
import io.zonebridge.secondary.ZoneDelta;
import io.zonebridge.secondary.ZoneTransferClient;
import io.zonebridge.sync.DesiredChange;
import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.DnsRecordConverter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A zone's desired state from its primaries: IXFR from the last applied serial (AXFR the first time or when
 * {@code full}), through {@link ZoneTransferClient}. The last applied zone is kept (by name, {@link KeptZone}) so
 * IXFR differences can be applied to it; its conversion to record sets is made again from it when a run asks for
 * the whole zone ({@link KeptDesiredZone}: between runs the record sets are held once, in the sync engine's view). An
 * AXFR is converted to record sets while it runs ({@link TransferConversion}, one per attempt: only the conversion
 * of the attempt that gave the zone is used), anything else but an IXFR after it. An IXFR is a delta: only the names
 * its differences touched are converted (by the same converter), and the state carries that change
 * ({@link DesiredState#change()}) with the whole zone patched by it on demand, so a NOTIFY costs in proportion to the
 * change, not to the zone. The kept zone advances only when Route 53 took the whole change ({@link #applied}), so a
 * failed apply is transferred and planned again next time (an IXFR from the kept serial covers every name changed
 * since). A failed, refused, timed-out or truncated transfer is a {@link DesiredState.Kind#FAILED} state with no
 * records.
 */
public final class TransferSource implements DesiredStateSource {

    private static final Logger LOG = LoggerFactory.getLogger(TransferSource.class);

    private final SecondaryZone zone;
    private final String origin;
    private final ZoneTransferClient client;
    private Long appliedSerial;
    private List<Record> appliedRecords;
    private KeptDesiredZone appliedDesired;
    private Pending pending;
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
                if (result.delta() != null && appliedDesired != null) {
                    yield changed(result);
                }
                ConvertedZone converted = transfer.observer()
                        .map(conversion -> conversion.zone(result.records().size()))
                        .orElseGet(() -> DnsRecordConverter.convert(origin, result.records()));
                reportSkipped(converted);
                pending = new Pending(result, new KeptDesiredZone(converted.snapshot()));
                yield new DesiredState(DesiredState.Kind.CHANGED, converted.snapshot(), result.serial(),
                        result.timers(), result.message());
            }
        };
    }

    /**
     * The state after an IXFR: the names it touched converted as they are now and as they were (the keys they held),
     * the kept desired zone patched with them.
     */
    private DesiredState changed(TransferResult result) {
        ZoneDelta delta = result.delta();
        ConvertedZone now = DnsRecordConverter.convert(origin, concat(delta.after().values()));
        ZoneSnapshot was = DnsRecordConverter.toSnapshot(origin, concat(delta.before().values()));
        reportSkipped(now);
        Set<String> names = new HashSet<>();
        for (Name name : delta.names()) {
            names.add(RecordNameCodec.canonical(name));
        }
        DesiredChange change = new DesiredChange(now.snapshot().origin(), names, now.snapshot().recordSets());
        KeptDesiredZone next = appliedDesired.with(was.recordSets().keySet(), now.snapshot().recordSets().values());
        pending = new Pending(result, next);
        return DesiredState.changed(change, next::snapshot, result.serial(), result.timers(), result.message());
    }

    private static List<Record> concat(Collection<List<Record>> lists) {
        List<Record> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }

    private void reportSkipped(ConvertedZone converted) {
        if (converted.skippedCount() > 0 && !skippedTypesReported) {
            skippedTypesReported = true;
            LOG.warn("zone {}: records of types Route 53 does not support are skipped: {}", zone.zone(),
                    converted.skippedByType());
        }
    }

    @Override
    public synchronized void applied(DesiredState state) {
        if (pending != null && pending.result().serial().equals(state.serial())) {
            appliedSerial = pending.result().serial();
            appliedRecords = kept(pending.result().records());
            appliedDesired = pending.desired().keptAs(origin, appliedRecords);
        }
        pending = null;
    }

    /**
     * The zone held by name, so the next IXFR costs in proportion to its differences; a zone whose records cannot
     * be read back is kept as it is (the next IXFR then fails on it and falls back to AXFR).
     */
    private List<Record> kept(List<Record> records) {
        try {
            return KeptZone.of(zone.zone(), records);
        } catch (RuntimeException e) {
            LOG.warn("zone {}: the applied zone cannot be kept by name ({}); the next transfer will be whole",
                    zone.zone(), e.toString());
            return records;
        }
    }

    @Override
    public String describe() {
        return "primaries " + zone.primaries() + zone.tsig().map(k -> " (TSIG key " + k.name() + ")").orElse("");
    }

    /** A transferred zone not yet applied, and its desired zone. */
    private record Pending(TransferResult result, KeptDesiredZone desired) {
    }
}
