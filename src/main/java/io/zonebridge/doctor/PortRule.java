package io.zonebridge.doctor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One firewall rule as doctor evaluates it: a security group permission (always allow, unnumbered) or a network
 * ACL entry (numbered, allow or deny).
 *
 * @param number   network ACL rule number (0 for a security group rule)
 * @param protocol {@code tcp}, {@code udp}, {@code all}, or another protocol's name or number
 * @param fromPort first port (0 with {@code all})
 * @param toPort   last port (65535 with {@code all})
 * @param cidr     the peer's IPv4 CIDR, or null for a rule naming no CIDR (security group or prefix list)
 * @param allow    allow or deny
 */
public record PortRule(int number, String protocol, int fromPort, int toPort, String cidr, boolean allow) {

    /** A rule from EC2's protocol text ({@code -1}, {@code 6}, {@code tcp}, ...) and optional ports. */
    public static PortRule of(int number, String ec2Protocol, Integer fromPort, Integer toPort, String cidr,
                              boolean allow) {
        String protocol = switch (ec2Protocol == null ? "-1" : ec2Protocol.toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> "all";
            case "6", "tcp" -> "tcp";
            case "17", "udp" -> "udp";
            default -> ec2Protocol;
        };
        boolean allPorts = protocol.equals("all") || fromPort == null || toPort == null
                || (fromPort == -1 && toPort == -1);
        return new PortRule(number, protocol, allPorts ? 0 : fromPort, allPorts ? 65535 : toPort, cidr, allow);
    }

    /** Whether this rule applies to {@code protocol} traffic with the peer {@code address} on any of these ports. */
    public boolean matches(String protocol, String address) {
        return (this.protocol.equals("all") || this.protocol.equals(protocol)) && covers(cidr, address);
    }

    /** Whether {@code port} is in this rule's range. */
    public boolean coversPort(int port) {
        return port >= fromPort && port <= toPort;
    }

    /** E.g. {@code #100 allow udp 53-53 192.0.2.0/24}. */
    public String describe() {
        return (number > 0 ? "#" + number + " " : "") + (allow ? "allow " : "deny ") + protocol + " "
                + (fromPort == toPort ? Integer.toString(fromPort) : fromPort + "-" + toPort) + " "
                + (cidr == null ? "(no CIDR)" : cidr);
    }

    /** Whether the IPv4 {@code cidr} contains {@code address}; false for a null or IPv6 CIDR. */
    public static boolean covers(String cidr, String address) {
        if (cidr == null || !cidr.contains("/")) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(cidr.substring(0, cidr.indexOf('/'))).getAddress();
            byte[] host = InetAddress.getByName(address).getAddress();
            int prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
            if (network.length != host.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((network[bit / 8] & mask) != (host[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    /** The prefix length of a CIDR (for longest-prefix route matching). */
    public static int prefixLength(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }
}
