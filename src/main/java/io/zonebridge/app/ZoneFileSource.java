package io.zonebridge.app;

import io.zonebridge.model.SoaValue;
import io.zonebridge.secondary.SoaTimers;
import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.ZoneFileException;
import io.zonebridge.zonefile.ZoneFileReader;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Serial;

/**
 * A zone's desired state from a BIND zone file that stands in for a primary (the quick-start sample zone). Like a
 * primary, the file's SOA serial says whether it changed: a serial not past the last applied one is
 * {@link DesiredState.Kind#UNCHANGED}; an edited file whose serial was not raised is a WARN, once per serial. A file
 * that does not parse is {@link DesiredState.Kind#FAILED} (with the file and line), so nothing is applied.
 */
public final class ZoneFileSource implements DesiredStateSource {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneFileSource.class);

    private final Path file;
    private final String origin;
    private Long appliedSerial;
    private int appliedHash;
    private Long warnedSerial;

    /**
     * @param file   the zone file
     * @param origin the zone name, canonical
     */
    public ZoneFileSource(Path file, String origin) {
        this.file = file;
        this.origin = origin;
    }

    /** The watched file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized DesiredState fetch(boolean full) {
        ConvertedZone zone;
        try {
            zone = new ZoneFileReader().convert(file, origin);
        } catch (ZoneFileException e) {
            return DesiredState.failed(appliedSerial, null, e.getMessage());
        }
        Long serial = zone.snapshot().serial().orElse(null);
        if (serial == null) {
            return DesiredState.failed(appliedSerial, null, file + ": the zone has no SOA record at " + origin);
        }
        SoaTimers timers = timersOf(zone.snapshot().soaValue().orElseThrow());
        if (!full && appliedSerial != null && Serial.compare(serial, appliedSerial) <= 0) {
            if (zone.snapshot().hashCode() != appliedHash && !serial.equals(warnedSerial)) {
                warnedSerial = serial;
                LOG.warn("zone file {} changed but its serial {} is not newer than the applied serial {}: the edit is"
                        + " not applied until the serial is raised", file, serial, appliedSerial);
            }
            return new DesiredState(DesiredState.Kind.UNCHANGED, null, serial, timers, file + " has serial " + serial
                    + ", not newer than applied serial " + appliedSerial + " (raise the serial after editing)");
        }
        String skipped = zone.skippedCount() == 0 ? ""
                : "; skipped types Route 53 does not support: " + zone.skippedByType();
        return new DesiredState(DesiredState.Kind.CHANGED, zone.snapshot(), serial, timers,
                file + " read: " + zone.snapshot().size() + " record sets" + skipped);
    }

    @Override
    public synchronized void applied(DesiredState state) {
        appliedSerial = state.serial();
        if (state.snapshot() != null) {
            appliedHash = state.snapshot().hashCode();
        }
    }

    @Override
    public String describe() {
        return "zone file " + file;
    }

    /** The timers of the zone file's SOA. */
    private static SoaTimers timersOf(SoaValue soa) {
        return new SoaTimers(seconds(soa.refresh()), seconds(soa.retry()), seconds(soa.expire()),
                Duration.ofSeconds(soa.minimum()));
    }

    private static Duration seconds(long value) {
        return Duration.ofSeconds(Math.max(1, value));
    }
}
