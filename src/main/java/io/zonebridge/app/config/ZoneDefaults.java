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
 * @param verifyEvery     how often each zone's hosted zone is read whole to find and repair drift
 */
public record ZoneDefaults(List<PrimaryAddress> primaries, Optional<String> tsigKey, SyncPolicy policy,
                           boolean ignoreTtl, Duration transferTimeout, Duration verifyEvery) {

    /** Default of {@code verifyEvery}: one full read of each hosted zone an hour. */
    public static final Duration DEFAULT_VERIFY_EVERY = Duration.ofHours(1);

    static ZoneDefaults from(ConfigNode node) {
        node.allowOnly("primaries", "tsigKey", "policy", "ignoreTtl", "transferTimeout", "verifyEvery");
        return new ZoneDefaults(node.get("primaries").list().stream().map(PrimaryAddress::parse).toList(),
                node.get("tsigKey").optionalText(), Policies.from(node.get("policy"), SyncPolicy.SYNC),
                node.get("ignoreTtl").bool(false),
                node.get("transferTimeout").duration().orElse(Duration.ofSeconds(30)),
                node.get("verifyEvery").duration().orElse(DEFAULT_VERIFY_EVERY));
    }
}
