package io.zonebridge.reverse;

import io.zonebridge.model.Cidr;
import java.util.Optional;

/**
 * The address prefix a reverse zone name stands for.
 *
 * <p>Standard names: {@code 1.0.10.in-addr.arpa.} is 10.0.1.0/24; {@code 8.b.d.0.1.0.0.2.ip6.arpa.}
 * is 2001:db8::/32 (one nibble per label). RFC 2317 classless names have a first label
 * {@code <start>/<n>} (canonical {@code <start>\057<n>}) or {@code <start>-<n>}: when 25 &le; n &le; 32
 * it is the prefix length ({@code 0-25.1.0.10.in-addr.arpa.} = 10.0.1.0/25); when n &gt; 32 it is the
 * last address of the range ({@code 64-127.1.0.10.in-addr.arpa.} = 10.0.1.64/26). Other spellings
 * are not interpreted; configure them as prefixes instead.
 *
 * @param prefix    the address prefix
 * @param classless whether the name is an RFC 2317 classless name
 */
record ReverseZoneName(Cidr prefix, boolean classless) {

    private static final String IPV4_SUFFIX = "in-addr.arpa";
    private static final String IPV6_SUFFIX = "ip6.arpa";

    /** True for names in {@code in-addr.arpa.} or {@code ip6.arpa.}. */
    static boolean isReverse(String canonicalName) {
        String name = strip(canonicalName);
        return name.equals(IPV4_SUFFIX) || name.endsWith("." + IPV4_SUFFIX)
                || name.equals(IPV6_SUFFIX) || name.endsWith("." + IPV6_SUFFIX);
    }

    /** The prefix of a reverse zone name, or empty when the name is not one this class understands. */
    static Optional<ReverseZoneName> parse(String canonicalName) {
        String name = strip(canonicalName);
        if (name.endsWith("." + IPV4_SUFFIX)) {
            return ipv4(name.substring(0, name.length() - IPV4_SUFFIX.length() - 1).split("\\."));
        }
        if (name.endsWith("." + IPV6_SUFFIX)) {
            return ipv6(name.substring(0, name.length() - IPV6_SUFFIX.length() - 1).split("\\."));
        }
        return Optional.empty();
    }

    private static Optional<ReverseZoneName> ipv4(String[] labels) {
        if (labels.length > 4) {
            return Optional.empty();
        }
        byte[] network = new byte[4];
        for (int i = 1; i < labels.length; i++) {
            Integer octet = octet(labels[i]);
            if (octet == null) {
                return Optional.empty();
            }
            network[labels.length - 1 - i] = (byte) (int) octet;
        }
        String first = labels[0].replace("\\057", "/");
        Integer plain = octet(first);
        if (plain != null) {
            network[labels.length - 1] = (byte) (int) plain;
            return Optional.of(new ReverseZoneName(Cidr.of(network, labels.length * 8), false));
        }
        if (labels.length != 4) {
            return Optional.empty();
        }
        return classless(first, network);
    }

    private static Optional<ReverseZoneName> classless(String label, byte[] network) {
        int separator = Math.max(label.indexOf('/'), label.indexOf('-'));
        if (separator <= 0) {
            return Optional.empty();
        }
        Integer start = octet(label.substring(0, separator));
        Integer second = octet(label.substring(separator + 1));
        if (start == null || second == null) {
            return Optional.empty();
        }
        int bits;
        if (second >= 25 && second <= 32) {
            bits = second;
        } else if (second > 32 && second > start && Integer.bitCount(second - start + 1) == 1) {
            bits = 32 - Integer.numberOfTrailingZeros(second - start + 1);
        } else {
            return Optional.empty();
        }
        network[3] = (byte) (int) start;
        try {
            return Optional.of(new ReverseZoneName(Cidr.of(network, bits), true));
        } catch (IllegalArgumentException misaligned) {
            return Optional.empty();
        }
    }

    private static Optional<ReverseZoneName> ipv6(String[] labels) {
        if (labels.length > 32) {
            return Optional.empty();
        }
        byte[] network = new byte[16];
        for (int i = 0; i < labels.length; i++) {
            String label = labels[labels.length - 1 - i];
            if (label.length() != 1 || Character.digit(label.charAt(0), 16) < 0) {
                return Optional.empty();
            }
            int nibble = Character.digit(label.charAt(0), 16);
            network[i / 2] |= (byte) (i % 2 == 0 ? nibble << 4 : nibble);
        }
        return Optional.of(new ReverseZoneName(Cidr.of(network, labels.length * 4), false));
    }

    private static Integer octet(String label) {
        if (label.isEmpty() || label.length() > 3 || !label.chars().allMatch(Character::isDigit)
                || (label.length() > 1 && label.charAt(0) == '0')) {
            return null;
        }
        int value = Integer.parseInt(label);
        return value <= 255 ? value : null;
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
