package io.zonebridge.app;

import io.zonebridge.secondary.TsigKeySpec;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;

/**
 * Test source of junk for the NOTIFY listener: random bytes, and a valid TSIG-signed NOTIFY spoiled in the ways
 * broken or hostile senders spoil them (flipped bytes, truncated, trailing bytes, another opcode, a wrong key,
 * huge record counts, unsigned, sent back as a response). None is a valid NOTIFY. Some flips leave the same
 * signed NOTIFY, only written otherwise, and are not junk: another id (RFC 8945 signs the original id), another case
 * in the TSIG record's key or algorithm name (digested in canonical form), a TSIG TTL with its top bit set (read
 * as 0, RFC 2181 8). So flips spare the id bytes, and a flipped NOTIFY that still verifies with the key is flipped
 * again.
 */
final class NotifyJunk {

    private final Random random;
    private final String zone;
    private final long serial;
    private final TsigKeySpec key;
    private final TsigKeySpec wrongKey;

    NotifyJunk(long seed, String zone, long serial, TsigKeySpec key, TsigKeySpec wrongKey) {
        this.random = new Random(seed);
        this.zone = zone;
        this.serial = serial;
        this.key = key;
        this.wrongKey = wrongKey;
    }

    /** The next junk packet. */
    byte[] next() throws Exception {
        return switch (random.nextInt(9)) {
            case 0 -> randomBytes(random.nextInt(600));
            case 1 -> {
                byte[] wire = flipped(signed(key));
                while (stillSigned(wire)) {
                    wire = flipped(wire);
                }
                yield wire;
            }
            case 2 -> {
                byte[] valid = signed(key);
                yield Arrays.copyOf(valid, random.nextInt(valid.length));
            }
            case 3 -> {
                byte[] valid = signed(key);
                byte[] longer = Arrays.copyOf(valid, valid.length + 1 + random.nextInt(3000));
                System.arraycopy(randomBytes(longer.length - valid.length), 0, longer, valid.length,
                        longer.length - valid.length);
                yield longer;
            }
            case 4 -> {
                byte[] wire = signed(key);
                int opcode = random.nextInt(16);
                wire[2] = (byte) ((wire[2] & 0x87) | ((opcode == Opcode.NOTIFY ? Opcode.QUERY : opcode) << 3));
                yield wire;
            }
            case 5 -> signed(wrongKey);
            case 6 -> {
                byte[] wire = signed(key);
                int count = 4 + 2 * random.nextInt(4);
                wire[count] = (byte) (0x80 | random.nextInt(0x80));
                wire[count + 1] = (byte) random.nextInt(256);
                yield wire;
            }
            case 7 -> NotifyTcpTest.notify(zone, random.nextInt(0x10000), serial).toWire();
            default -> {
                byte[] wire = signed(key);
                wire[2] |= (byte) 0x80;
                yield wire;
            }
        };
    }

    /** A valid NOTIFY for the zone and serial, signed with {@code with}. */
    byte[] signed(TsigKeySpec with) throws Exception {
        Message notify = NotifyTcpTest.notify(zone, random.nextInt(0x10000), serial);
        with.toTsig().apply(notify, null);
        return notify.toWire();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private boolean stillSigned(byte[] wire) {
        try {
            Message message = new Message(wire);
            return message.getTSIG() != null && key.toTsig().verify(message, wire, null) == Rcode.NOERROR;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private byte[] flipped(byte[] wire) {
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            int at = 2 + random.nextInt(wire.length - 2);
            wire[at] ^= (byte) (1 + random.nextInt(255));
        }
        return wire;
    }
}
