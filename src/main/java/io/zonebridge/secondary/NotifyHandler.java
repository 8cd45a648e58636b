package io.zonebridge.secondary;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * Judges DNS NOTIFY messages (RFC 1996) received on UDP or TCP and builds the response to send back, so that
 * primaries stop resending. A NOTIFY is accepted only when it has opcode NOTIFY and exactly one SOA question for a
 * configured zone, comes from a source on that zone's allow-list and, when the zone has a TSIG key, carries a
 * valid signature with that key (the response is then signed too). Refusals are answered REFUSED, TSIG problems
 * NOTAUTH (with the TSIG error dnsjava produces), malformed NOTIFYs FORMERR, other opcodes NOTIMP. A request whose
 * header can be read but whose rest cannot (truncated, garbled, or followed by trailing bytes) is answered FORMERR;
 * packets shorter than a header, and responses, are dropped with no response. A repeat of an accepted (zone,
 * serial) within the duplicate window is answered but flagged {@link NotifyReason#DUPLICATE}, so the zone is
 * checked once. Never throws. Thread-safe.
 */
public final class NotifyHandler {

    /** Default window within which a repeated (zone, serial) counts as a duplicate. */
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(30);

    private final Map<Name, SecondaryZone> zones = new HashMap<>();
    private final Map<Name, TSIG> keys = new HashMap<>();
    private final Duration duplicateWindow;
    private final Clock clock;
    private final NotifyStats stats = new NotifyStats();
    private final Map<ZoneSerial, Instant> recentlyAccepted = new LinkedHashMap<>();
    private final SerialTracker announced;

    /**
     * @param zones the configured secondary zones (each name at most once)
     * @param duplicateWindow how long an accepted (zone, serial) makes repeats duplicates
     * @param clock time source for the duplicate window
     * @param announced where the serial of every accepted NOTIFY that carries one is recorded (for
     *                  {@link ZoneTransferClient}: a transfer after it need not ask the primary's SOA first)
     */
    public NotifyHandler(Collection<SecondaryZone> zones, Duration duplicateWindow, Clock clock,
                         SerialTracker announced) {
        for (SecondaryZone zone : zones) {
            if (this.zones.putIfAbsent(zone.zone(), zone) != null) {
                throw new IllegalArgumentException("zone " + zone.zone() + " is configured twice");
            }
            zone.tsig().ifPresent(key -> keys.put(zone.zone(), key.toTsig()));
        }
        this.duplicateWindow = Objects.requireNonNull(duplicateWindow, "duplicate window");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.announced = Objects.requireNonNull(announced, "announced serials");
    }

    /** A handler whose announced serials nobody reads. */
    public NotifyHandler(Collection<SecondaryZone> zones, Duration duplicateWindow, Clock clock) {
        this(zones, duplicateWindow, clock, new SerialTracker());
    }

    /** A handler with the default duplicate window and the system clock. */
    public NotifyHandler(Collection<SecondaryZone> zones) {
        this(zones, DEFAULT_DUPLICATE_WINDOW, Clock.systemUTC());
    }

    /** Counters of handled packets by reason. */
    public NotifyStats stats() {
        return stats;
    }

    /**
     * Judges one DNS message from {@code source} (a UDP payload, or a TCP frame without its length prefix).
     *
     * @return the outcome, with the response bytes to send back to the source (or none when dropped)
     */
    public NotifyOutcome handle(byte[] packet, InetAddress source) {
        NotifyOutcome outcome;
        try {
            outcome = judge(packet, source);
        } catch (RuntimeException e) {
            outcome = new NotifyOutcome(NotifyReason.MALFORMED, null, null, null,
                    "dropped: could not handle packet from " + source + ": " + e);
        }
        stats.count(outcome.reason());
        return outcome;
    }

    private NotifyOutcome judge(byte[] packet, InetAddress source) {
        if (packet == null || packet.length < Header.LENGTH) {
            int length = packet == null ? 0 : packet.length;
            return new NotifyOutcome(NotifyReason.MALFORMED, null, null, null,
                    "dropped: " + length + " bytes from " + source + " are shorter than a DNS header");
        }
        Header readable;
        try {
            readable = new Header(packet);
        } catch (IOException e) {
            return new NotifyOutcome(NotifyReason.MALFORMED, null, null, null,
                    "dropped: no DNS header in " + packet.length + " bytes from " + source + ": " + e.getMessage());
        }
        if (readable.getFlag(Flags.QR)) {
            return new NotifyOutcome(NotifyReason.MALFORMED, null, null, null,
                    "dropped: packet from " + source + " is a response (QR set), not a request");
        }
        Message request;
        try {
            request = new Message(packet);
        } catch (IOException e) {
            return unreadable(readable, "the " + packet.length + " bytes from " + source
                    + " after the header are not a DNS message: " + e.getMessage());
        }
        if (request.numBytes() != packet.length) {
            return unreadable(readable, "the DNS message from " + source + " ends at byte " + request.numBytes()
                    + " but " + (packet.length - request.numBytes()) + " more bytes follow");
        }
        Header header = request.getHeader();
        if (header.getOpcode() != Opcode.NOTIFY) {
            return answer(request, NotifyReason.NOTIMP, Rcode.NOTIMP, null, null, null,
                    "opcode " + Opcode.string(header.getOpcode()) + " from " + source + " is not NOTIFY");
        }
        List<Record> questions = request.getSection(Section.QUESTION);
        if (questions.size() != 1) {
            return answer(request, NotifyReason.FORMERR, Rcode.FORMERR, null, null, null,
                    "NOTIFY from " + source + " has " + questions.size() + " questions, expected 1");
        }
        Record question = questions.get(0);
        Name zoneName = question.getName();
        if (question.getType() != Type.SOA || question.getDClass() != DClass.IN) {
            return answer(request, NotifyReason.FORMERR, Rcode.FORMERR, zoneName, null, null,
                    "NOTIFY from " + source + " asks " + Type.string(question.getType()) + "/"
                            + DClass.string(question.getDClass()) + ", expected SOA/IN");
        }
        Long serial = serialHint(request, zoneName);
        SecondaryZone zone = zones.get(zoneName);
        if (zone == null) {
            return answer(request, NotifyReason.REFUSED, Rcode.REFUSED, zoneName, serial, null,
                    "zone " + zoneName + " is not a configured secondary zone (NOTIFY from " + source + ")");
        }
        if (!zone.notifySources().allows(source)) {
            return answer(request, NotifyReason.REFUSED, Rcode.REFUSED, zoneName, serial, null,
                    "source " + source + " is not allowed to NOTIFY zone " + zoneName);
        }
        TSIG key = keys.get(zoneName);
        TSIGRecord signature = request.getTSIG();
        if (key == null && signature != null) {
            return answer(request, NotifyReason.NOTAUTH, Rcode.NOTAUTH, zoneName, serial, null,
                    "NOTIFY for " + zoneName + " from " + source + " is signed with key " + signature.getName()
                            + " but the zone has no TSIG key configured");
        }
        if (key != null) {
            if (signature == null) {
                return answer(request, NotifyReason.NOTAUTH, Rcode.NOTAUTH, zoneName, serial, null,
                        "NOTIFY for " + zoneName + " from " + source + " is not signed; the zone requires TSIG key "
                                + zone.tsigKey().name());
            }
            int error = key.verify(request, packet, null);
            if (error != Rcode.NOERROR) {
                return answer(request, NotifyReason.NOTAUTH, Rcode.NOTAUTH, zoneName, serial,
                        new Signing(key, error == Rcode.FORMERR ? Rcode.BADSIG : error),
                        "NOTIFY for " + zoneName + " from " + source + " failed TSIG verification: "
                                + Rcode.TSIGstring(error));
            }
        }
        Signing signing = key == null ? null : new Signing(key, Rcode.NOERROR);
        if (firstWithinWindow(new ZoneSerial(zoneName, serial))) {
            if (serial != null) {
                announced.advance(zoneName, serial);
            }
            return answer(request, NotifyReason.ACCEPTED, Rcode.NOERROR, zoneName, serial, signing,
                    "NOTIFY for " + zoneName + " serial " + serial + " from " + source + " accepted");
        }
        return answer(request, NotifyReason.DUPLICATE, Rcode.NOERROR, zoneName, serial, signing,
                "NOTIFY for " + zoneName + " serial " + serial + " from " + source + " repeats one accepted within "
                        + duplicateWindow);
    }

    /** FORMERR for a request whose header could be read but not the rest (no question echoed). */
    private static NotifyOutcome unreadable(Header request, String detail) {
        Message response = new Message(request.getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setOpcode(request.getOpcode());
        response.getHeader().setRcode(Rcode.FORMERR);
        return new NotifyOutcome(NotifyReason.FORMERR, response.toWire(), null, null, detail);
    }

    private static Long serialHint(Message request, Name zoneName) {
        for (Record record : request.getSection(Section.ANSWER)) {
            if (record instanceof SOARecord soa && soa.getName().equals(zoneName)) {
                return soa.getSerial();
            }
        }
        return null;
    }

    private synchronized boolean firstWithinWindow(ZoneSerial key) {
        Instant now = clock.instant();
        recentlyAccepted.values().removeIf(at -> !at.plus(duplicateWindow).isAfter(now));
        return recentlyAccepted.putIfAbsent(key, now) == null;
    }

    private static NotifyOutcome answer(Message request, NotifyReason reason, int rcode, Name zone, Long serial,
            Signing signing, String detail) {
        Message response = new Message(request.getHeader().getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode(request.getHeader().getOpcode());
        header.setRcode(rcode);
        if (rcode == Rcode.NOERROR) {
            header.setFlag(Flags.AA);
        }
        List<Record> questions = request.getSection(Section.QUESTION);
        if (questions.size() == 1) {
            response.addRecord(questions.get(0), Section.QUESTION);
        }
        if (signing != null) {
            signing.key().apply(response, signing.error(), request.getTSIG());
        }
        return new NotifyOutcome(reason, response.toWire(), zone, serial, detail);
    }

    private record Signing(TSIG key, int error) {
    }

    private record ZoneSerial(Name zone, Long serial) {
    }
}
