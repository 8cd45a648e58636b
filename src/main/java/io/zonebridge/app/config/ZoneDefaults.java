package io.zonebridge.app.config;

import io.zonebridge.plan.SyncPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings every secondary zone inherits unless it says otherwise.
 *
 * @param primaries       default primaries
 * @param tsigKey         default TSIG key name
 * @param policy          default sync policy
 * @param ignoreTtl       default for ignoring TTL-only differences
 * @param transferTimeout default transfer timeout
 */
public record ZoneDefaults(List<PrimaryAddress> primaries, Optional<String> tsigKey, SyncPolicy policy,
                           boolean ignoreTtl, Duration transferTimeout) {

    static ZoneDefaults from(ConfigNode node) {
        node.allowOnly("primaries", "tsigKey", "policy", "ignoreTtl", "transferTimeout");
        return new ZoneDefaults(node.get("primaries").list().stream().map(PrimaryAddress::parse).toList(),
                node.get("tsigKey").optionalText(), Policies.from(node.get("policy"), SyncPolicy.SYNC),
                node.get("ignoreTtl").bool(false),
                node.get("transferTimeout").duration().orElse(Duration.ofSeconds(30)));
    }
}
