package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One emulated network ACL: numbered entries and the subnets it serves (guarded by {@link Ec2State}'s lock). */
public final class NetworkAclData {
    /** One entry; {@code ruleNumber} 32767 is the final deny every ACL has. */
    record Entry(int ruleNumber, String protocol, String action, boolean egress, String cidr, String ipv6Cidr,
                 Integer fromPort, Integer toPort) {
    }

    final String networkAclId;
    final String vpcId;
    final String ownerId;
    final boolean isDefault;
    final List<Entry> entries = new ArrayList<>();
    /** Association id → subnet id. */
    final Map<String, String> associations = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    NetworkAclData(String networkAclId, String vpcId, String ownerId, boolean isDefault) {
        this.networkAclId = networkAclId;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.isDefault = isDefault;
        entries.add(new Entry(32767, "-1", "deny", false, "0.0.0.0/0", null, null, null));
        entries.add(new Entry(32767, "-1", "deny", true, "0.0.0.0/0", null, null, null));
    }
}
