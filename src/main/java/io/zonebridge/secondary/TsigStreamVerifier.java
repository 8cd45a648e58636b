package io.zonebridge.secondary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/**
 * Verifies the TSIG signatures (RFC 8945) of the messages of one zone-transfer answer, in the order they
 * arrive, on the bytes as received. The first message must be signed and is checked against the request's MAC
 * with all TSIG variables; each later signed message covers the previous MAC, every unsigned message since (at
 * most 99) and its own timers. A wrong key or algorithm, a MAC that does not match or is cut too short, a TSIG
 * error, a time outside the fudge, or a last message without a signature is an {@link IOException} saying which.
 */
final class TsigStreamVerifier {

    private static final int MAX_UNSIGNED_RUN = 99;
    private static final int CLASS_ANY = 255;
    private static final int MIN_MAC_BYTES = 10;

    private final TsigKeySpec key;
    private final Name keyName;
    private final Name algorithm;
    private final Mac mac;
    private final Clock clock;
    private boolean first = true;
    private int unsignedRun;

    /** A verifier of the answer to a request signed with {@code key} whose TSIG MAC was {@code requestMac}. */
    TsigStreamVerifier(TsigKeySpec key, byte[] requestMac, Clock clock) {
        this.key = key;
        this.keyName = key.keyName();
        this.algorithm = key.algorithmName();
        this.clock = clock;
        try {
            mac = Mac.getInstance(key.macAlgorithm());
            mac.init(new SecretKeySpec(key.secret(), key.macAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TSIG algorithm " + key.macAlgorithm() + " is not available", e);
        }
        mac.update(counted(requestMac));
    }

    /** Checks the next message of the answer. */
    void verify(AxfrMessage message) throws IOException {
        byte[] wire = message.wire();
        int tsig = message.tsigOffset();
        if (tsig < 0) {
            if (first) {
                throw new IOException("the answer is not signed with TSIG key " + key.name());
            }
            if (++unsignedRun > MAX_UNSIGNED_RUN) {
                throw new IOException("more than " + MAX_UNSIGNED_RUN + " messages in a row without a TSIG signature");
            }
            mac.update(wire);
            return;
        }
        Signature signature = Signature.read(wire, tsig);
        if (!signature.keyName.equals(keyName) || !signature.algorithm.equals(algorithm)) {
            throw new IOException("the answer is signed with key " + signature.keyName + " (" + signature.algorithm
                    + "), not with TSIG key " + key.name());
        }
        if (signature.error != Rcode.NOERROR) {
            throw new IOException("the primary reports TSIG error " + Rcode.TSIGstring(signature.error));
        }
        byte[] header = Arrays.copyOf(wire, AxfrMessage.HEADER_BYTES);
        header[0] = (byte) (signature.originalId >> 8);
        header[1] = (byte) signature.originalId;
        int additional = message.u16(10) - 1;
        header[10] = (byte) (additional >> 8);
        header[11] = (byte) additional;
        mac.update(header);
        mac.update(wire, AxfrMessage.HEADER_BYTES, tsig - AxfrMessage.HEADER_BYTES);
        ByteBuffer variables = ByteBuffer.allocate(512);
        if (first) {
            variables.put(keyName.toWireCanonical()).putShort((short) CLASS_ANY).putInt(0)
                    .put(algorithm.toWireCanonical());
        }
        variables.putShort((short) (signature.timeSigned >> 32)).putInt((int) signature.timeSigned)
                .putShort((short) signature.fudge);
        if (first) {
            variables.putShort((short) signature.error).putShort((short) signature.other.length).put(signature.other);
        }
        mac.update(variables.array(), 0, variables.position());
        byte[] expected = mac.doFinal();
        checkMac(signature.mac, expected);
        long now = clock.millis() / 1000;
        if (Math.abs(now - signature.timeSigned) > signature.fudge) {
            throw new IOException("the answer's TSIG time " + signature.timeSigned + " is more than "
                    + signature.fudge + " s from now (" + now + "): BADTIME");
        }
        mac.update(counted(signature.mac)); // the next signed message covers this MAC first
        first = false;
        unsignedRun = 0;
    }

    /** The TSIG error a signed message reports (e.g. BADSIG with a NOTAUTH answer), or "" when it is not signed. */
    static String errorOf(AxfrMessage message) {
        if (message.tsigOffset() < 0) {
            return "";
        }
        try {
            return " (TSIG error " + Rcode.TSIGstring(Signature.read(message.wire(), message.tsigOffset()).error) + ")";
        } catch (IOException e) {
            return " (unreadable TSIG record)";
        }
    }

    /** Checks that the answer ended with a signed message. */
    void verifyEnd() throws IOException {
        if (first || unsignedRun > 0) {
            throw new IOException("the answer's last message is not signed with TSIG key " + key.name());
        }
    }

    private static byte[] counted(byte[] bytes) {
        return ByteBuffer.allocate(2 + bytes.length).putShort((short) bytes.length).put(bytes).array();
    }

    private void checkMac(byte[] received, byte[] expected) throws IOException {
        int shortest = Math.max(MIN_MAC_BYTES, expected.length / 2);
        if (received.length > expected.length || received.length < shortest) {
            throw new IOException("the answer's TSIG MAC has " + received.length + " bytes; key " + key.name()
                    + " makes " + expected.length + " (at least " + shortest + " when truncated): BADTRUNC");
        }
        if (!MessageDigest.isEqual(Arrays.copyOf(expected, received.length), received)) {
            throw new IOException("the answer's TSIG MAC does not match key " + key.name() + ": BADSIG");
        }
    }

    /** The fields of a TSIG record. */
    private record Signature(Name keyName, Name algorithm, long timeSigned, int fudge, byte[] mac, int originalId,
            int error, byte[] other) {

        static Signature read(byte[] wire, int offset) throws IOException {
            DNSInput in = new DNSInput(wire);
            in.jump(offset);
            Name owner = new Name(in);
            in.readU16(); // type TSIG
            in.readU16(); // class ANY
            in.readU32(); // TTL 0
            int length = in.readU16();
            int end = in.current() + length;
            Name algorithm = new Name(in);
            long timeSigned = ((long) in.readU16() << 32) | in.readU32();
            int fudge = in.readU16();
            byte[] mac = in.readByteArray(in.readU16());
            int originalId = in.readU16();
            int error = in.readU16();
            byte[] other = in.readByteArray(in.readU16());
            if (in.current() != end) {
                throw new IOException("malformed message: its TSIG record's length does not match its fields");
            }
            return new Signature(owner, algorithm, timeSigned, fudge, mac, originalId, error, other);
        }
    }
}
