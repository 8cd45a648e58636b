package io.zonebridge.doctor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;

/**
 * The reverse domains of Resolver's autodefined rules for one IPv4 CIDR: "the most generic rules possible", one
 * per block at the next octet boundary, e.g. {@code 0.10.in-addr.arpa.} for 10.0.0.0/16 and the four
 * {@code 52..55.237.10.in-addr.arpa.} for 10.237.52.0/22.
 */
public final class AutodefinedReverseDomains {

    private AutodefinedReverseDomains() {
    }

    /**
     * The domains for {@code cidr} ({@code a.b.c.d/n}).
     *
     * @throws IllegalArgumentException when it is not an IPv4 CIDR
     */
    public static List<Name> of(String cidr) {
        String[] parts = cidr.split("/");
        byte[] base;
        int prefix;
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("no prefix length");
            }
            base = InetAddress.getByName(parts[0]).getAddress();
            prefix = Integer.parseInt(parts[1]);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv4 CIDR: '" + cidr + "'", e);
        }
        if (base.length != 4 || prefix < 1 || prefix > 32) {
            throw new IllegalArgumentException("not an IPv4 CIDR: '" + cidr + "'");
        }
        int octets = (prefix + 7) / 8;
        long start = toLong(base) & mask(prefix);
        long blocks = 1L << (octets * 8 - prefix);
        long step = 1L << (32 - octets * 8);
        List<Name> domains = new ArrayList<>();
        for (long block = 0; block < blocks; block++) {
            Name full = ReverseMap.fromAddress(toBytes(start + block * step));
            domains.add(new Name(full, 4 - octets));
        }
        return domains;
    }

    private static long mask(int prefix) {
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static long toLong(byte[] address) {
        long value = 0;
        for (byte b : address) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    private static byte[] toBytes(long value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }
}
