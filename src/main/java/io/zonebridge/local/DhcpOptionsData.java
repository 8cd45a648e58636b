package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One emulated DHCP options set: key ({@code domain-name}, ...) → values (guarded by {@link Ec2State}'s lock). */
public final class DhcpOptionsData {
    final String dhcpOptionsId;
    final String ownerId;
    final Map<String, List<String>> configurations;
    final Map<String, String> tags = new LinkedHashMap<>();

    DhcpOptionsData(String dhcpOptionsId, String ownerId, Map<String, List<String>> configurations) {
        this.dhcpOptionsId = dhcpOptionsId;
        this.ownerId = ownerId;
        this.configurations = configurations;
    }
}
