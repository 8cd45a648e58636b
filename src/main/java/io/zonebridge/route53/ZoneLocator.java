package io.zonebridge.route53;

import java.util.List;
import java.util.Set;

/**
 * Finds the one hosted zone a {@link ZoneSelector} means, refusing to guess: when public and
 * private zones (or several private zones) share a name, the error says which flag picks one.
 */
public final class ZoneLocator {

    private final Route53Gateway gateway;

    public ZoneLocator(Route53Gateway gateway) {
        this.gateway = gateway;
    }

    /** The hosted zone meant, or {@link ZoneNotFoundException} saying why none or several match. */
    public HostedZoneRef locate(ZoneSelector selector) {
        List<HostedZoneRef> zones = gateway.listHostedZones();
        if (selector.isId()) {
            String id = selector.bareId();
            return zones.stream().filter(z -> z.id().equals(id)).findFirst()
                    .orElseThrow(() -> new ZoneNotFoundException("no hosted zone with id " + id));
        }
        String name = RecordNameCodec.canonical(selector.idOrName());
        List<HostedZoneRef> named = zones.stream().filter(z -> z.name().equals(name)).toList();
        List<HostedZoneRef> candidates = named.stream()
                .filter(z -> selector.privateZone().map(p -> p == z.privateZone()).orElse(true))
                .toList();
        if (selector.vpcId().isPresent()) {
            Set<String> inVpc = gateway.privateZoneIdsOfVpc(selector.vpcId().get(), selector.vpcRegion());
            candidates = candidates.stream().filter(z -> z.privateZone() && inVpc.contains(z.id())).toList();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new ZoneNotFoundException("no " + describe(selector) + "hosted zone named " + name
                    + (named.isEmpty() ? "" : " (there is: " + list(named) + ")"));
        }
        long privates = candidates.stream().filter(HostedZoneRef::privateZone).count();
        String hint = privates > 0 && privates < candidates.size()
                ? "say --private or --public"
                : "say --vpc VPC_ID or give the zone id";
        throw new ZoneNotFoundException(candidates.size() + " hosted zones are named " + name + ": "
                + list(candidates) + "; " + hint);
    }

    /**
     * The hosted zone meant, which must be the zone {@code origin} (canonical): a zone file for another zone is
     * an {@link IllegalArgumentException} naming both.
     */
    public HostedZoneRef locate(ZoneSelector selector, String origin) {
        HostedZoneRef zone = locate(selector);
        if (!zone.name().equals(origin)) {
            throw new IllegalArgumentException("the zone file is for " + origin + " but hosted zone " + zone.id()
                    + " is " + zone.name());
        }
        return zone;
    }

    private static String describe(ZoneSelector selector) {
        String kind = selector.privateZone().map(p -> p ? "private " : "public ").orElse("");
        return selector.vpcId().map(v -> kind + "(VPC " + v + ") ").orElse(kind);
    }

    private static String list(List<HostedZoneRef> zones) {
        return String.join(", ", zones.stream()
                .map(z -> z.id() + " (" + (z.privateZone() ? "private" : "public") + ")").toList());
    }
}
