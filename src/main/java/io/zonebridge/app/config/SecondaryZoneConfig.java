package io.zonebridge.app.config;

import io.zonebridge.plan.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One zone Route 53 serves as a secondary (or mirrors on a schedule).
 *
 * @param name            zone name, canonical
 * @param primaries       primaries tried in order (empty when the zone comes from a zone file)
 * @param zoneFile        a BIND zone file that is the zone's source instead of a primary (watched for changes)
 * @param tsigKey         TSIG key for transfers and NOTIFY, when the zone uses one
 * @param hostedZone      the hosted zone that receives it
 * @param policy          sync policy
 * @param ignoreTtl       whether TTL-only differences are left alone
 * @param writeSerial     whether the primary's serial is written into the hosted zone's SOA
 * @param refresh         overrides the SOA refresh timer
 * @param retry           overrides the SOA retry timer
 * @param expire          overrides the SOA expire timer
 * @param transferTimeout how long a transfer may take
 * @param mirror          scheduled mirroring, when configured
 * @param verifyEvery     how often the hosted zone is read whole to find and repair drift
 */
public record SecondaryZoneConfig(String name, List<PrimaryAddress> primaries, Optional<Path> zoneFile,
                                  Optional<TsigKeyConfig> tsigKey,
                                  HostedZoneTarget hostedZone, SyncPolicy policy, boolean ignoreTtl,
                                  boolean writeSerial, Optional<Duration> refresh, Optional<Duration> retry,
                                  Optional<Duration> expire, Duration transferTimeout,
                                  Optional<MirrorSchedule> mirror, Duration verifyEvery) {

    static SecondaryZoneConfig from(ConfigNode node, ZoneDefaults defaults, Map<String, TsigKeyConfig> keys) {
        node.allowOnly("name", "primaries", "zoneFile", "tsigKey", "hostedZone", "policy", "ignoreTtl", "writeSerial",
                "refresh", "retry", "expire", "transferTimeout", "mirror", "verifyEvery");
        String name = ZoneNames.canonical(node.get("name").text(), node.get("name"));
        List<PrimaryAddress> primaries = node.get("primaries").list().stream().map(PrimaryAddress::parse).toList();
        Optional<Path> zoneFile = node.get("zoneFile").optionalText().map(Path::of);
        if (zoneFile.isPresent() && !primaries.isEmpty()) {
            throw node.error("give primaries or zoneFile, not both");
        }
        if (primaries.isEmpty() && zoneFile.isEmpty()) {
            primaries = defaults.primaries();
        }
        if (primaries.isEmpty() && zoneFile.isEmpty()) {
            throw node.get("primaries").error("list at least one primary (host:port), or give a zoneFile");
        }
        Optional<TsigKeyConfig> key = node.get("tsigKey").optionalText()
                .or(defaults::tsigKey)
                .map(keyName -> {
                    TsigKeyConfig found = keys.get(keyName);
                    if (found == null) {
                        throw node.get("tsigKey").error("no TSIG key named '" + keyName + "' under tsigKeys");
                    }
                    return found;
                });
        return new SecondaryZoneConfig(name, primaries, zoneFile, key, HostedZoneTarget.from(node.get("hostedZone"), name),
                Policies.from(node.get("policy"), defaults.policy()),
                node.get("ignoreTtl").bool(defaults.ignoreTtl()),
                node.get("writeSerial").bool(false),
                node.get("refresh").duration(), node.get("retry").duration(), node.get("expire").duration(),
                node.get("transferTimeout").duration().orElse(defaults.transferTimeout()),
                MirrorSchedule.from(node.get("mirror")),
                node.get("verifyEvery").duration().orElse(defaults.verifyEvery()));
    }
}
