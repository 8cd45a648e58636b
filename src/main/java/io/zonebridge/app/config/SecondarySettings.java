package io.zonebridge.app.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Route 53 as a secondary: the NOTIFY listener, the zones, and optionally every hosted zone of the
 * account that a configured primary serves.
 *
 * @param notifyListener NOTIFY listener
 * @param defaults  {@code secondary.defaults}: every zone's defaults; its {@code verifyEvery} is also the reverse and
 *                  EC2 jobs' verification period
 * @param zones     configured zones
 * @param servedBy  when present, also manage every hosted zone these primaries serve
 */
public record SecondarySettings(NotifySettings notifyListener, ZoneDefaults defaults, List<SecondaryZoneConfig> zones,
                                Optional<ZoneDefaults> servedBy) {

    static SecondarySettings from(ConfigNode node, Map<String, TsigKeyConfig> keys) {
        node.allowOnly("notify", "defaults", "zones", "allHostedZonesServedBy");
        ZoneDefaults defaults = ZoneDefaults.from(node.get("defaults"));
        List<SecondaryZoneConfig> zones = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode zoneNode : node.get("zones").list()) {
            SecondaryZoneConfig zone = SecondaryZoneConfig.from(zoneNode, defaults, keys);
            String target = zone.hostedZone().id().orElse(zone.hostedZone().name()
                    + zone.hostedZone().privateZone().map(p -> p ? " (private)" : " (public)").orElse(""));
            if (!seen.add(target)) {
                throw zoneNode.error("hosted zone " + target + " is the target of two zones");
            }
            zones.add(zone);
        }
        ConfigNode served = node.get("allHostedZonesServedBy");
        Optional<ZoneDefaults> servedBy = served.isPresent() ? Optional.of(ZoneDefaults.from(served)) : Optional.empty();
        servedBy.ifPresent(d -> {
            if (d.primaries().isEmpty()) {
                throw served.get("primaries").error("list at least one primary (host:port)");
            }
            d.tsigKey().ifPresent(k -> {
                if (!keys.containsKey(k)) {
                    throw served.get("tsigKey").error("no TSIG key named '" + k + "' under tsigKeys");
                }
            });
        });
        return new SecondarySettings(NotifySettings.from(node.get("notify")), defaults, List.copyOf(zones), servedBy);
    }
}
