package io.zonebridge.secondary;

import io.zonebridge.model.Cidr;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An allow-list of IP addresses and CIDR blocks, IPv4 and IPv6, e.g. {@code "10.0.0.0/8"},
 * {@code "127.0.0.1"}, {@code "2001:db8::/32"}, {@code "::1"}. Entries must be address literals: host
 * names are rejected (no DNS lookups happen while parsing), as are out-of-range prefix lengths and
 * blocks with host bits set (see {@link Cidr}).
 */
public final class AddressAllowList {

    private static final AddressAllowList EMPTY = new AddressAllowList(List.of());

    private final List<Cidr> blocks;

    private AddressAllowList(List<Cidr> blocks) {
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
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : entries) {
            try {
                parsed.add(Cidr.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("allow-list entry " + e.getMessage(), e);
            }
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
        for (Cidr block : blocks) {
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
        List<Cidr> all = new ArrayList<>(blocks);
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
}
