package io.zonebridge.secondary;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * One AXFR (RFC 5936) from one primary over TCP, read message by message straight from the wire: each message
 * is walked once ({@link AxfrMessage}), its TSIG signature verified in order when the zone has a key
 * ({@link TsigStreamVerifier}), its owners checked to lie inside the zone, and then it is handed to the
 * {@link FullZoneObserver} before the next one is read, so the observer's work overlaps the transfer. The
 * transfer must open with the zone's SOA and end with the same SOA; an SOA anywhere else, a record outside the
 * zone, a refusal, a truncated or malformed message, a lost connection or the transfer timeout is a failure.
 * One reader per attempt: its messages and TSIG state are local to {@link #read}, so a failed read leaves nothing
 * behind.
 */
final class AxfrReader {

    private static final int READ_BUFFER = 1 << 16;

    private final SecondaryZone zone;
    private final PrimaryServer primary;
    private final byte[] apex;
    private final byte[] nameBuffer = new byte[256];

    AxfrReader(SecondaryZone zone, PrimaryServer primary) {
        this.zone = zone;
        this.primary = primary;
        this.apex = zone.zone().toWireCanonical();
    }

    /** The zone as transferred: its messages and its SOA. */
    record Transcript(List<AxfrMessage> messages, SOARecord soa) {
    }

    /**
     * Runs the transfer.
     *
     * @throws IOException when the transfer fails, saying why
     * @throws ZoneContent.Inconsistent when what arrived is not a whole zone
     */
    Transcript read(FullZoneObserver observer) throws IOException, ZoneContent.Inconsistent {
        long deadline = System.nanoTime() + zone.transferTimeout().toNanos();
        Message query = Message.newQuery(Record.newRecord(zone.zone(), Type.AXFR, DClass.IN));
        TsigStreamVerifier verifier = null;
        if (zone.tsig().isPresent()) {
            TSIG tsig = zone.tsig().get().toTsig();
            tsig.apply(query, null);
            verifier = new TsigStreamVerifier(zone.tsig().get(), query.getTSIG().getSignature(), Clock.systemUTC());
        }
        byte[] request = query.toWire(Message.MAXLENGTH);
        int id = query.getHeader().getID();
        try (Socket socket = new Socket()) {
            int connectMillis = (int) Math.min(zone.queryTimeout().toMillis(), remainingMillis(deadline));
            try {
                socket.connect(primary.socketAddress(), connectMillis);
            } catch (SocketTimeoutException e) {
                throw new IOException("no TCP connection within " + connectMillis + " ms", e);
            }
            OutputStream out = socket.getOutputStream();
            out.write(ByteBuffer.allocate(2 + request.length).putShort((short) request.length).put(request).array());
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), READ_BUFFER));
            List<AxfrMessage> messages = new ArrayList<>();
            SOARecord opening = null;
            while (true) {
                socket.setSoTimeout(remainingMillis(deadline));
                AxfrMessage message = AxfrMessage.parse(readMessage(in));
                checkHeader(message, id);
                if (verifier != null) {
                    verifier.verify(message);
                }
                if (opening == null) {
                    opening = openingSoa(message);
                }
                boolean closed = checkRecords(message, messages.isEmpty(), opening);
                messages.add(message);
                observer.message(message);
                if (closed) {
                    if (verifier != null) {
                        verifier.verifyEnd();
                    }
                    return new Transcript(List.copyOf(messages), opening);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("timed out after " + zone.transferTimeout().toSeconds() + " s", e);
        }
    }

    private static byte[] readMessage(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readUnsignedShort();
        } catch (EOFException e) {
            throw new EOFException("connection closed before the transfer was complete");
        }
        byte[] wire = new byte[length];
        try {
            in.readFully(wire);
        } catch (EOFException e) {
            throw new EOFException("connection closed in the middle of a message");
        }
        return wire;
    }

    private void checkHeader(AxfrMessage message, int id) throws IOException {
        int flags = message.u16(2);
        if (message.u16(0) != id) {
            throw new IOException("answer has ID " + message.u16(0) + ", the request had " + id);
        }
        if ((flags & 0x8000) == 0 || (flags >> 11 & 0xF) != Opcode.QUERY) {
            throw new IOException("answer is not a response to a query");
        }
        int rcode = flags & 0xF;
        if (rcode != Rcode.NOERROR) {
            throw new IOException("answered " + Rcode.string(rcode) + TsigStreamVerifier.errorOf(message));
        }
        if ((flags & (1 << (15 - Flags.TC))) != 0) {
            throw new IOException("answer is truncated (TC) on TCP");
        }
    }

    /** The SOA that must open the transfer: the first record of the first message. */
    private SOARecord openingSoa(AxfrMessage first) throws IOException, ZoneContent.Inconsistent {
        if (first.answerCount() == 0) {
            throw new ZoneContent.Inconsistent("AXFR of " + zone.zone() + " opens with a message without records");
        }
        Record record = new Message(first.wire()).getSection(Section.ANSWER).get(0);
        if (!(record instanceof SOARecord soa) || !record.getName().equals(zone.zone())) {
            throw new ZoneContent.Inconsistent("transfer of " + zone.zone() + " has no opening SOA of the zone, found: "
                    + record);
        }
        return soa;
    }

    /**
     * Checks every record's owner and finds the closing SOA, which must be the message's last answer and carry
     * the opening serial.
     *
     * @return whether the message closed the transfer
     */
    private boolean checkRecords(AxfrMessage message, boolean first, SOARecord opening)
            throws IOException, ZoneContent.Inconsistent {
        int checkedStart = -1;
        for (int i = 0; i < message.answerCount(); i++) {
            int start = message.nameStart(message.ownerOffset(i));
            int length = start == checkedStart && message.type(i) != Type.SOA ? 0 : message.name(start, nameBuffer);
            if (length > 0) {
                checkInZone(length, message, i);
                checkedStart = start;
            }
            if (message.type(i) != Type.SOA || (first && i == 0)) {
                continue;
            }
            if (!isApex(length)) {
                throw new ZoneContent.Inconsistent("transfer of " + zone.zone() + " holds an SOA record below the apex: "
                        + ownerText(length) + " SOA");
            }
            if (i != message.answerCount() - 1) {
                throw new ZoneContent.Inconsistent("AXFR of " + zone.zone() + " has " + (message.answerCount() - 1 - i)
                        + " record(s) after its closing SOA");
            }
            SOARecord closing = (SOARecord) new Message(message.wire()).getSection(Section.ANSWER).get(i);
            if (closing.getSerial() != opening.getSerial()) {
                throw new ZoneContent.Inconsistent("AXFR of " + zone.zone() + " opens with serial "
                        + opening.getSerial() + " but closes with serial " + closing.getSerial());
            }
            message.endsWithClosingSoa();
            return true;
        }
        return false;
    }

    private void checkInZone(int length, AxfrMessage message, int record) throws ZoneContent.Inconsistent {
        int p = 0;
        while (length - p > apex.length) {
            p += (nameBuffer[p] & 0xFF) + 1;
        }
        if (length - p != apex.length || !sameLetters(p, apex.length)) {
            throw new ZoneContent.Inconsistent("transfer of " + zone.zone() + " holds a record outside the zone: "
                    + ownerText(length) + " " + Type.string(message.type(record)));
        }
    }

    private boolean isApex(int length) {
        return length == apex.length && sameLetters(0, length);
    }

    /** Whether {@code nameBuffer[from..from+length)} equals the apex's tail, letters compared without case. */
    private boolean sameLetters(int from, int length) {
        int offset = apex.length - length;
        for (int i = 0; i < length; i++) {
            int b = nameBuffer[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != apex[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private String ownerText(int length) {
        try {
            return new Name(Arrays.copyOf(nameBuffer, length)).toString();
        } catch (IOException e) {
            return "(unreadable name)";
        }
    }

    private int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException();
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }
}
