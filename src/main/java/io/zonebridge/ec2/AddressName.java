package io.zonebridge.ec2;

import java.util.Objects;

/**
 * An instance address and the name its PTR record points to; the reverse DNS path turns it into a PTR.
 *
 * @param address IPv4 or IPv6 address, canonical text
 * @param name    canonical target name (lower case, trailing dot)
 */
public record AddressName(String address, String name) {
    public AddressName {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
    }
}
