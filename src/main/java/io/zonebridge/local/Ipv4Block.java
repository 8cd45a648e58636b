package io.zonebridge.local;

/**
 * An IPv4 CIDR block as EC2 validates it ({@code 10.0.1.0/24}): the network address and the prefix length.
 *
 * @param network network address as an unsigned 32-bit value
 * @param prefix  prefix length
 */
public record Ipv4Block(long network, int prefix) {

    /** The block {@code cidr}, or an {@code InvalidParameterValue} error naming {@code parameter}. */
    static Ipv4Block parse(String cidr, String parameter) {
        String[] parts = cidr == null ? new String[0] : cidr.split("/");
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            int prefix = Integer.parseInt(parts[1]);
            long address = address(parts[0]);
            if (prefix < 0 || prefix > 32) {
                throw new IllegalArgumentException();
            }
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            if ((address & mask) != address) {
                throw new IllegalArgumentException();
            }
            return new Ipv4Block(address, prefix);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(400, "InvalidParameterValue",
                    "Value (" + cidr + ") for parameter " + parameter + " is invalid. This is not a valid CIDR block.");
        }
    }

    /** The unsigned value of a dotted quad, or IllegalArgumentException. */
    static long address(String dotted) {
        String[] octets = dotted.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long value = 0;
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    /** The dotted quad of an unsigned value. */
    static String dotted(long value) {
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
    }

    /** Number of addresses in the block. */
    long size() {
        return 1L << (32 - prefix);
    }

    /** Whether the address (unsigned value) lies in the block. */
    boolean contains(long address) {
        return address >= network && address < network + size();
    }

    /** Whether {@code other} lies wholly inside this block. */
    boolean encloses(Ipv4Block other) {
        return other.prefix >= prefix && contains(other.network);
    }

    /** Whether the two blocks share an address. */
    boolean overlaps(Ipv4Block other) {
        return encloses(other) || other.encloses(this);
    }

    @Override
    public String toString() {
        return dotted(network) + "/" + prefix;
    }
}
