package io.zonebridge.zonefile;

import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.RecordValueCodec;
import io.zonebridge.secondary.AxfrMessage;
import org.xbill.DNS.Type;

/**
 * The Route 53 value of a transferred record read straight from its message's bytes, for the types a large zone
 * is made of (A, AAAA, CNAME, NS, PTR, MX); it equals what {@link RecordValueCodec#canonical(org.xbill.DNS.Record)}
 * gives for the same record parsed by dnsjava. Other types are left to dnsjava ({@link #handles}).
 */
final class WireValueText {

    private WireValueText() {
    }

    /** Whether {@link #of} reads this type. */
    static boolean handles(int type) {
        return type == Type.A || type == Type.AAAA || type == Type.CNAME || type == Type.NS || type == Type.PTR
                || type == Type.MX;
    }

    /**
     * The canonical value of record {@code index} of the message.
     *
     * @param names a buffer of at least 256 bytes for expanding names
     * @throws IllegalArgumentException when the record data does not fit its type
     */
    static String of(AxfrMessage message, int index, byte[] names) {
        int type = message.type(index);
        int offset = message.rdataOffset(index);
        int length = message.rdataLength(index);
        byte[] wire = message.wire();
        if (type == Type.A || type == Type.AAAA) {
            if (length != (type == Type.A ? 4 : 16)) {
                throw malformed(type, length + " bytes of address");
            }
            return RecordValueCodec.canonicalAddress(wire, offset, length);
        }
        if (type == Type.MX) {
            if (length < 3) {
                throw malformed(type, "no room for a preference and a name");
            }
            return (((wire[offset] & 0xFF) << 8) | (wire[offset + 1] & 0xFF)) + " "
                    + name(message, offset + 2, offset + length, type, names);
        }
        return name(message, offset, offset + length, type, names);
    }

    private static String name(AxfrMessage message, int offset, int end, int type, byte[] names) {
        if (message.nameEnd(offset) != end) {
            throw malformed(type, "a name that does not end where the record data ends");
        }
        message.name(offset, names);
        return RecordNameCodec.canonicalWire(names);
    }

    private static IllegalArgumentException malformed(int type, String what) {
        return new IllegalArgumentException("malformed " + Type.string(type) + " record in the transfer: " + what);
    }
}
