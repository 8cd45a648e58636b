package io.zonebridge.secondary;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Address;

/**
 * An allow-list of IP addresses and CIDR blocks, IPv4 and IPv6, e.g. {@code "10.0.0.0/8"},
 * {@code "127.0.0.1"}, {@code "2001:db8::/32"}, {@code "::1"}. Entries must be address literals: host
 * names are rejected (no DNS lookups happen while parsing), as are out-of-range prefix lengths and
 * blocks with host bits set.
 */
public final class AddressAllowList {

    private static final AddressAllowList EMPTY = new AddressAllowList(List.of());

    private final List<Block> blocks;

    private AddressAllowList(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** An allow-list that allows nothing. */
    public static AddressAllowList none() {
        return EMPTY;
    }

    /**
     * Parses entries such as {@code "10.0.0.0/8"} or {@code "127.0.0.1"}.
     *
     * @throws IllegalArgumentException naming the offending entry when one is not an address or CIDR block
     */
    public static AddressAllowList parse(Collection<String> entries) {
        List<Block> parsed = new ArrayList<>();
        for (String entry : entries) {
            parsed.add(Block.parse(entry));
        }
        return new AddressAllowList(parsed);
    }

    /** Varargs form of {@link #parse(Collection)}. */
    public static AddressAllowList parse(String... entries) {
        return parse(List.of(entries));
    }

    /** Whether {@code address} lies in one of the blocks. */
    public boolean allows(InetAddress address) {
        if (address == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the list allows nothing. */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** A list allowing everything either list allows. */
    public AddressAllowList plus(AddressAllowList other) {
        List<Block> all = new ArrayList<>(blocks);
        all.addAll(other.blocks);
        return new AddressAllowList(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressAllowList other && blocks.equals(other.blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }

    @Override
    public String toString() {
        return blocks.toString();
    }

    /** One network: an address truncated to its prefix length. */
    private record Block(InetAddress network, int prefixLength) {

        static Block parse(String entry) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException("allow-list entry is empty");
            }
            String text = entry.trim();
            int slash = text.indexOf('/');
            String addressText = slash < 0 ? text : text.substring(0, slash);
            InetAddress address = literal(addressText, entry);
            int maxLength = Address.addressLength(Address.familyOf(address)) * 8;
            int prefix = slash < 0 ? maxLength : prefixLength(text.substring(slash + 1), maxLength, entry);
            InetAddress network = Address.truncate(address, prefix);
            if (!network.equals(address)) {
                throw new IllegalArgumentException("allow-list entry '" + entry + "' has host bits set; did you mean "
                        + network.getHostAddress() + "/" + prefix + "?");
            }
            return new Block(network, prefix);
        }

        private static InetAddress literal(String text, String entry) {
            try {
                return Address.getByAddress(text);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(
                        "allow-list entry '" + entry + "' is not an IPv4/IPv6 address or CIDR block", e);
            }
        }

        private static int prefixLength(String text, int maxLength, String entry) {
            int prefix;
            try {
                prefix = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "allow-list entry '" + entry + "' has a non-numeric prefix length", e);
            }
            if (prefix < 0 || prefix > maxLength) {
                throw new IllegalArgumentException("allow-list entry '" + entry + "' has prefix length " + prefix
                        + " outside 0.." + maxLength);
            }
            return prefix;
        }

        boolean contains(InetAddress address) {
            return Address.familyOf(address) == Address.familyOf(network)
                    && Address.truncate(address, prefixLength).equals(network);
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefixLength;
        }
    }
}
