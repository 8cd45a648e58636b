package io.zonebridge.reverse;

import org.xbill.DNS.Address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 network prefix (address bytes and prefix length). */
final class AddressPrefix {

    private final byte[] network;
    private final int bits;

    AddressPrefix(byte[] network, int bits) {
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException("prefix length " + bits + " out of range");
        }
        this.network = masked(network, bits);
        if (!Arrays.equals(this.network, network)) {
            throw new IllegalArgumentException("address has bits set beyond the /" + bits + " prefix");
        }
        this.bits = bits;
    }

    /** Parses {@code 10.0.2.0/25} or {@code 2001:db8::/64}. */
    static AddressPrefix parseCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("prefix " + cidr + " has no /length");
        }
        try {
            byte[] network = parseAddress(cidr.substring(0, slash)).getAddress();
            return new AddressPrefix(network, Integer.parseInt(cidr.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid prefix " + cidr + ": " + e.getMessage(), e);
        }
    }

    /** Parses an IPv4 or IPv6 literal (never a DNS lookup). */
    static InetAddress parseAddress(String text) {
        String literal = text.trim();
        int family = literal.indexOf(':') >= 0 ? Address.IPv6 : Address.IPv4;
        try {
            byte[] bytes = Address.toByteArray(literal, family);
            if (bytes == null) {
                throw new IllegalArgumentException("not an IP address: " + text);
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    int bits() {
        return bits;
    }

    boolean isIpv4() {
        return network.length == 4;
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(masked(bytes, bits), network);
    }

    private static byte[] masked(byte[] in, int bits) {
        byte[] out = in.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + bits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
