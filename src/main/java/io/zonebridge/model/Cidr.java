package io.zonebridge.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.xbill.DNS.Address;

/**
 * An IPv4 or IPv6 network: the address bytes of its first address and the prefix length, e.g. {@code 10.0.2.0/25},
 * {@code 2001:db8::/32}; a bare address is the block of that one address. Only address literals are read (never a
 * DNS lookup); a prefix length out of range or host bits set beyond it is refused. The one CIDR type of the
 * service (notify allow-lists, reverse-DNS prefixes). Immutable.
 */
public final class Cidr {

    private final byte[] network;
    private final int bits;

    private Cidr(byte[] network, int bits) {
        this.network = network;
        this.bits = bits;
    }

    /**
     * The block of {@code bits} leading bits of {@code network}.
     *
     * @throws IllegalArgumentException when {@code bits} is out of range or bits beyond it are set
     */
    public static Cidr of(byte[] network, int bits) {
        int max = network.length * 8;
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("prefix length " + bits + " outside 0.." + max);
        }
        byte[] masked = masked(network, bits);
        if (!Arrays.equals(masked, network)) {
            throw new IllegalArgumentException(text(network) + "/" + bits + " has host bits set; did you mean "
                    + text(masked) + "/" + bits + "?");
        }
        return new Cidr(masked, bits);
    }

    /**
     * Reads {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a bare address ({@code 127.0.0.1}: a /32).
     *
     * @throws IllegalArgumentException naming {@code text} when it is not an address or CIDR block
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'" + (text == null ? "" : text) + "' is empty");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        byte[] address;
        try {
            address = parseAddress(slash < 0 ? trimmed : trimmed.substring(0, slash)).getAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4/IPv6 address or CIDR block", e);
        }
        if (slash < 0) {
            return new Cidr(address, address.length * 8);
        }
        int bits;
        try {
            bits = Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a non-numeric prefix length", e);
        }
        try {
            return of(address, bits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IPv4 or IPv6 address literal (never a DNS lookup).
     *
     * @throws IllegalArgumentException when {@code text} is not one
     */
    public static InetAddress parseAddress(String text) {
        String literal = text.trim();
        byte[] bytes = Address.toByteArray(literal, literal.indexOf(':') >= 0 ? Address.IPv6 : Address.IPv4);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    /** The prefix length. */
    public int bits() {
        return bits;
    }

    /** Whether it is an IPv4 block. */
    public boolean isIpv4() {
        return network.length == 4;
    }

    /** The block's first address. */
    public InetAddress network() {
        try {
            return InetAddress.getByAddress(network);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code address} (of the same family) lies in the block; {@code null} does not. */
    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        return rest == 0 || ((bytes[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
    }

    private static byte[] masked(byte[] in, int bits) {
        byte[] out = in.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && bits == other.bits && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + bits;
    }

    /** {@code 10.0.2.0/25}, {@code 2001:db8:0:0:0:0:0:0/32} (Java's long IPv6 form). */
    @Override
    public String toString() {
        return text(network) + "/" + bits;
    }
}
