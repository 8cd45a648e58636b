package io.zonebridge.secondary;

import java.io.IOException;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * One DNS message of a zone transfer as it came off the wire, with the place of every answer record found by a
 * single walk over it, so its records can be read straight from the bytes without building dnsjava objects.
 * {@link #size()} counts the records that belong to the zone: the closing SOA of an AXFR is not one of them.
 * Names in the message may be compressed; {@link #name(int, byte[])} expands one. Immutable once handed out;
 * {@link #wire()} is the message itself and must not be changed.
 */
public final class AxfrMessage {

    static final int HEADER_BYTES = 12;
    private static final int FIXED_RR_BYTES = 10;
    private static final int MAX_NAME_BYTES = 255;
    private static final int TSIG = 250;

    private final byte[] wire;
    private final int answers;
    private final int[] owners;
    private final int[] fixedParts;
    private final int tsigOffset;
    private int size;

    private AxfrMessage(byte[] wire) throws IOException {
        this.wire = wire;
        if (wire.length < HEADER_BYTES) {
            throw malformed("is " + wire.length + " bytes long, shorter than a DNS header");
        }
        int questions = u16(4);
        answers = u16(6);
        int others = u16(8) + u16(10);
        owners = new int[answers];
        fixedParts = new int[answers];
        int p = HEADER_BYTES;
        for (int i = 0; i < questions; i++) {
            p = need(skipName(p), 4) + 4;
        }
        for (int i = 0; i < answers; i++) {
            owners[i] = p;
            p = need(skipName(p), FIXED_RR_BYTES);
            fixedParts[i] = p;
            int length = u16(p + 8);
            p = need(p + FIXED_RR_BYTES, length) + length;
        }
        int lastOther = -1;
        for (int i = 0; i < others; i++) {
            lastOther = p;
            int fixed = need(skipName(p), FIXED_RR_BYTES);
            int length = u16(fixed + 8);
            p = need(fixed + FIXED_RR_BYTES, length) + length;
            if (u16(fixed) == TSIG && i != others - 1) {
                throw malformed("has a TSIG record that is not the last record");
            }
        }
        if (p != wire.length) {
            throw malformed("has " + (wire.length - p) + " bytes after its last record");
        }
        tsigOffset = lastOther >= 0 && u16(skipName(lastOther)) == TSIG ? lastOther : -1;
        size = answers;
    }

    /**
     * Walks a message read from the wire.
     *
     * @throws IOException saying what is wrong when the message does not hold together (a record or name runs
     *     past its end, a compression pointer points forwards, a TSIG record is not last, bytes are left over)
     */
    public static AxfrMessage parse(byte[] wire) throws IOException {
        return new AxfrMessage(wire);
    }

    /** The message as received; never change it. */
    public byte[] wire() {
        return wire;
    }

    /** The records of the zone in this message (an AXFR's closing SOA left out). */
    public int size() {
        return size;
    }

    /** The answer records in the message, a closing SOA included. */
    int answerCount() {
        return answers;
    }

    /** Leaves the closing SOA, the message's last answer record, out of the zone's records. */
    void endsWithClosingSoa() {
        size = answers - 1;
    }

    public int type(int record) {
        return u16(fixedParts[record]);
    }

    public int dclass(int record) {
        return u16(fixedParts[record] + 2);
    }

    public long ttl(int record) {
        return u32(fixedParts[record] + 4);
    }

    public int rdataOffset(int record) {
        return fixedParts[record] + FIXED_RR_BYTES;
    }

    public int rdataLength(int record) {
        return u16(fixedParts[record] + 8);
    }

    /** Where the record's owner name begins in {@link #wire()}. */
    public int ownerOffset(int record) {
        return owners[record];
    }

    /**
     * Where the name at {@code offset} really begins: a name written as nothing but a compression pointer is the
     * name it points to. Two owners with the same start are the same name.
     */
    public int nameStart(int offset) {
        int p = offset;
        while ((wire[p] & 0xC0) == 0xC0) {
            p = ((wire[p] & 0x3F) << 8) | (wire[p + 1] & 0xFF);
        }
        return p;
    }

    /**
     * Expands the (possibly compressed) name at {@code offset} into {@code into} in uncompressed wire form
     * (length-prefixed labels, then the root's zero byte), letters as sent. The name must have been checked
     * (see {@link #nameEnd}).
     *
     * @param into at least 255 bytes
     * @return the number of bytes written
     */
    public int name(int offset, byte[] into) {
        int p = offset;
        int out = 0;
        while (true) {
            int length = wire[p] & 0xFF;
            if ((length & 0xC0) == 0xC0) {
                p = ((length & 0x3F) << 8) | (wire[p + 1] & 0xFF);
            } else {
                System.arraycopy(wire, p, into, out, length + 1);
                out += length + 1;
                if (length == 0) {
                    return out;
                }
                p += length + 1;
            }
        }
    }

    /**
     * The offset just after the name at {@code offset}, checking that it lies inside the message, that its
     * compression pointers point backwards and that it expands to at most 255 bytes: a name in record data must
     * pass this before {@link #name} may expand it (owner names were checked when the message was read).
     *
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    public int nameEnd(int offset) {
        try {
            return skipName(offset);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The offset of the TSIG record that ends the message, or -1 when it is not signed. */
    int tsigOffset() {
        return tsigOffset;
    }

    /** The zone's records of this message as dnsjava records (a full parse of the message). */
    public List<Record> records() throws IOException {
        return records(wire, size);
    }

    /** The first {@code count} answer records of a message as dnsjava records. */
    static List<Record> records(byte[] wire, int count) throws IOException {
        return new Message(wire).getSection(Section.ANSWER).subList(0, count);
    }

    int u16(int offset) {
        return ((wire[offset] & 0xFF) << 8) | (wire[offset + 1] & 0xFF);
    }

    long u32(int offset) {
        return ((long) u16(offset) << 16) | u16(offset + 2);
    }

    /**
     * The offset after the name at {@code offset}, checking that it stays inside the message, that its
     * compression pointers point backwards and that it expands to at most 255 bytes.
     */
    private int skipName(int offset) throws IOException {
        int p = offset;
        int end = -1;
        int expanded = 0;
        while (true) {
            need(p, 1);
            int length = wire[p] & 0xFF;
            if ((length & 0xC0) == 0xC0) {
                need(p, 2);
                int target = ((length & 0x3F) << 8) | (wire[p + 1] & 0xFF);
                if (target >= p) {
                    throw malformed("has a name at offset " + offset + " whose compression pointer does not point"
                            + " backwards");
                }
                if (end < 0) {
                    end = p + 2;
                }
                p = target;
            } else if ((length & 0xC0) != 0) {
                throw malformed("has a name at offset " + offset + " with an unknown label type");
            } else {
                expanded += length + 1;
                if (expanded > MAX_NAME_BYTES) {
                    throw malformed("has a name at offset " + offset + " longer than 255 bytes");
                }
                need(p + 1, length);
                if (length == 0) {
                    return end < 0 ? p + 1 : end;
                }
                p += length + 1;
            }
        }
    }

    private int need(int offset, int bytes) throws IOException {
        if (offset + bytes > wire.length) {
            throw malformed("ends inside a record (offset " + offset + ", " + bytes + " more bytes needed, "
                    + wire.length + " in the message)");
        }
        return offset;
    }

    private IOException malformed(String what) {
        return new IOException("malformed message: it " + what);
    }

    @Override
    public String toString() {
        return "AxfrMessage[" + wire.length + " bytes, " + answers + " answers, id " + u16(0) + "]"
                + (tsigOffset >= 0 ? " signed" : "");
    }
}
