package io.zonebridge.ec2;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configuration of EC2 dynamic DNS.
 *
 * @param zoneTagKey  tag naming the zone of the instance's A/AAAA records (default {@code ZONE})
 * @param cnameTagKey tag naming a CNAME to the instance (default {@code CNAME})
 * @param ttl         TTL of the records made (default 300)
 * @param hostName    how the host name is made (default {@link HostNamePattern#DEFAULT})
 */
public record Ec2DnsSettings(String zoneTagKey, String cnameTagKey, long ttl, HostNamePattern hostName) {

    /** Default tag keys, TTL and host name pattern. */
    public static final Ec2DnsSettings DEFAULTS =
            new Ec2DnsSettings("ZONE", "CNAME", 300, new HostNamePattern(HostNamePattern.DEFAULT));

    public Ec2DnsSettings {
        Objects.requireNonNull(zoneTagKey, "zoneTagKey");
        Objects.requireNonNull(cnameTagKey, "cnameTagKey");
        Objects.requireNonNull(hostName, "hostName");
        if (zoneTagKey.isBlank() || cnameTagKey.isBlank()) {
            throw new IllegalArgumentException("EC2 DNS tag keys must not be blank");
        }
        if (ttl < 0 || ttl > 2_147_483_647L) {
            throw new IllegalArgumentException("EC2 DNS TTL " + ttl + " is outside 0..2147483647");
        }
    }

    /** The tag keys whose change can change an instance's records: zone, CNAME and host name pattern tags. */
    public Set<String> dnsTagKeys() {
        Set<String> keys = new TreeSet<>(hostName.tagKeys());
        keys.add(zoneTagKey);
        keys.add(cnameTagKey);
        return keys;
    }

    /** These settings with another TTL. */
    public Ec2DnsSettings withTtl(long newTtl) {
        return new Ec2DnsSettings(zoneTagKey, cnameTagKey, newTtl, hostName);
    }

    /** These settings with other host name alternatives. */
    public Ec2DnsSettings withHostNames(List<String> alternatives) {
        return new Ec2DnsSettings(zoneTagKey, cnameTagKey, ttl, new HostNamePattern(alternatives));
    }
}
