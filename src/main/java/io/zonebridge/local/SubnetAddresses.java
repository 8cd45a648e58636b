package io.zonebridge.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The private IPv4 addresses of a subnet as EC2 hands them out: the first four and the last address are AWS's,
 * the rest go to network interfaces (instances' and other services', such as Resolver endpoints'), lowest free
 * first. Call under {@link Ec2State}'s lock.
 */
final class SubnetAddresses {

    private SubnetAddresses() {
    }

    /** Addresses held in the subnet: by instances not terminated, and by the subnet's other interfaces. */
    static Set<Long> inUse(Ec2Region region, SubnetData subnet) {
        Set<Long> used = new HashSet<>();
        region.instances.values().stream().filter(i -> i.subnetId.equals(subnet.subnetId) && i.holdsAddresses())
                .forEach(i -> used.add(Ipv4Block.address(i.privateIp)));
        subnet.interfaceAddresses.forEach(a -> used.add(Ipv4Block.address(a)));
        return used;
    }

    /** Whether {@code address} is in the subnet and not one AWS reserves. */
    static boolean assignable(SubnetData subnet, long address) {
        return address >= subnet.cidr.network() + 4 && address <= subnet.cidr.network() + subnet.cidr.size() - 2;
    }

    /** Up to {@code count} free addresses, lowest first, skipping {@code taken} as well (may return fewer). */
    static List<String> free(Ec2Region region, SubnetData subnet, Set<Long> taken, int count) {
        Set<Long> used = inUse(region, subnet);
        used.addAll(taken);
        List<String> addresses = new ArrayList<>();
        long last = subnet.cidr.network() + subnet.cidr.size() - 2;
        for (long a = subnet.cidr.network() + 4; a <= last && addresses.size() < count; a++) {
            if (!used.contains(a)) {
                addresses.add(Ipv4Block.dotted(a));
            }
        }
        return addresses;
    }
}
