package io.zonebridge.reverse;

import io.zonebridge.model.Cidr;
import io.zonebridge.route53.RecordNameCodec;
import org.xbill.DNS.ReverseMap;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds, for an IPv4 or IPv6 address, the reverse zone that owns its PTR (longest prefix wins) and
 * the PTR's record name in it.
 *
 * <p>Zones come from the hosted zones of the network account (names interpreted by
 * {@link ReverseZoneName}) and from configured prefixes (CIDR → zone name), which also cover zone
 * names that do not spell their prefix. A configured prefix wins over a discovered zone of the same length.
 *
 * <p>PTR names: in a standard zone, the address's {@code in-addr.arpa}/{@code ip6.arpa} name
 * ({@link ReverseMap#fromAddress(InetAddress)}). In an RFC 2317 classless zone, {@code <last octet>.<zone>}
 * (10.0.1.25 in {@code 0\05725.1.0.10.in-addr.arpa.} is {@code 25.0\05725.1.0.10.in-addr.arpa.}).
 * Resolvers reach it only through the delegation RFC 2317 expects in the parent zone: a CNAME
 * {@code 25.1.0.10.in-addr.arpa. → 25.0\05725.1.0.10.in-addr.arpa.} for every address of the range
 * (plus NS records when the classless zone is served elsewhere). zonebridge does not write those
 * CNAMEs; whoever creates the classless zone provides them.
 *
 * <p>Several hosted zones may share a name (private zones associated with different VPCs):
 * {@link #zones(String)} returns all of them, the lookup returns the name. Immutable, thread-safe.
 */
public final class ReverseZoneIndex {

    private final Map<String, List<ReverseZone>> zonesByName;
    private final Map<String, Integer> standardBits;
    private final List<PrefixZone> prefixZones;
    private final List<String> uninterpretable;

    private ReverseZoneIndex(Map<String, List<ReverseZone>> zonesByName, Map<String, Integer> standardBits,
                             List<PrefixZone> prefixZones, List<String> uninterpretable) {
        this.zonesByName = zonesByName;
        this.standardBits = standardBits;
        this.prefixZones = prefixZones;
        this.uninterpretable = uninterpretable;
    }

    /**
     * Builds the index. Zones outside {@code in-addr.arpa.}/{@code ip6.arpa.} are left out; reverse
     * zones whose name spells no prefix and that no configured prefix names are listed by
     * {@link #uninterpretable()}.
     *
     * @param zones      hosted zones (any; forward ones are ignored)
     * @param configured configured prefixes: CIDR ({@code 10.0.2.0/25}) → reverse zone name
     * @throws IllegalArgumentException for an invalid configured prefix, naming it
     */
    public static ReverseZoneIndex of(Collection<ReverseZone> zones, Map<String, String> configured) {
        Map<String, List<ReverseZone>> byName = new HashMap<>();
        for (ReverseZone zone : zones) {
            if (ReverseZoneName.isReverse(zone.name())) {
                byName.computeIfAbsent(zone.name(), n -> new ArrayList<>()).add(zone);
            }
        }
        byName.replaceAll((name, list) -> list.stream().sorted(Comparator
                .comparing((ReverseZone z) -> !z.privateZone())
                .thenComparing(z -> String.valueOf(z.account()))
                .thenComparing(ReverseZone::id)).toList());

        List<PrefixZone> prefixes = new ArrayList<>();
        Set<String> configuredNames = new TreeSet<>();
        configured.forEach((cidr, zoneName) -> {
            PrefixZone prefixZone = configuredPrefix(cidr, RecordNameCodec.canonical(zoneName));
            prefixes.add(prefixZone);
            configuredNames.add(prefixZone.zoneName);
        });
        Map<String, Integer> standard = new HashMap<>();
        List<String> unusable = new ArrayList<>();
        for (String name : new TreeSet<>(byName.keySet())) {
            Optional<ReverseZoneName> parsed = ReverseZoneName.parse(name);
            if (parsed.isEmpty()) {
                if (!configuredNames.contains(name)) {
                    unusable.add(name);
                }
            } else if (parsed.get().classless()) {
                prefixes.add(new PrefixZone(parsed.get().prefix(), name, true, false));
            } else {
                standard.put(name, parsed.get().prefix().bits());
            }
        }
        return new ReverseZoneIndex(Map.copyOf(byName), Map.copyOf(standard), List.copyOf(prefixes),
                List.copyOf(unusable));
    }

    /** The reverse zone and PTR name of an address literal, or empty when no zone covers it. */
    public Optional<PtrLocation> locate(String address) {
        return locate(Cidr.parseAddress(address));
    }

    /** The reverse zone and PTR name of an address, or empty when no zone covers it. */
    public Optional<PtrLocation> locate(InetAddress address) {
        String reverseName = RecordNameCodec.canonical(ReverseMap.fromAddress(address).toString());
        PtrLocation best = standardMatch(reverseName);
        for (PrefixZone zone : prefixZones) {
            if (zone.prefix.contains(address)
                    && (best == null || zone.prefix.bits() > best.prefixBits()
                    || (zone.prefix.bits() == best.prefixBits() && zone.configured))) {
                String ptrName = zone.classless
                        ? RecordNameCodec.canonical((address.getAddress()[3] & 0xff) + "." + zone.zoneName)
                        : reverseName;
                best = new PtrLocation(zone.zoneName, ptrName, zone.prefix.bits());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The hosted zones of that name (private ones first), empty when there is none. */
    public List<ReverseZone> zones(String zoneName) {
        return zonesByName.getOrDefault(RecordNameCodec.canonical(zoneName), List.of());
    }

    /** Every reverse zone name known, discovered or configured, sorted. */
    public Set<String> zoneNames() {
        Set<String> names = new TreeSet<>(zonesByName.keySet());
        prefixZones.forEach(zone -> names.add(zone.zoneName));
        return names;
    }

    /** Discovered reverse zones whose name spells no prefix (and that no configured prefix covers). */
    public List<String> uninterpretable() {
        return uninterpretable;
    }

    private PtrLocation standardMatch(String reverseName) {
        String suffix = reverseName;
        while (!suffix.isEmpty()) {
            Integer bits = standardBits.get(suffix);
            if (bits != null) {
                return new PtrLocation(suffix, reverseName, bits);
            }
            int dot = suffix.indexOf('.');
            suffix = dot < 0 || dot == suffix.length() - 1 ? "" : suffix.substring(dot + 1);
        }
        return null;
    }

    private static PrefixZone configuredPrefix(String cidr, String zoneName) {
        Cidr prefix = Cidr.parse(cidr);
        boolean standard = ReverseZoneName.parse(zoneName)
                .filter(parsed -> !parsed.classless() && parsed.prefix().toString().equals(prefix.toString()))
                .isPresent();
        if (standard) {
            return new PrefixZone(prefix, zoneName, false, true);
        }
        if (!prefix.isIpv4() || prefix.bits() < 24) {
            throw new IllegalArgumentException("configured prefix " + cidr + " → " + zoneName
                    + ": the zone name is not the prefix's reverse name, which only an IPv4 prefix of /24"
                    + " or longer may use (RFC 2317: PTR named <last octet>.<zone>)");
        }
        return new PrefixZone(prefix, zoneName, true, true);
    }

    private record PrefixZone(Cidr prefix, String zoneName, boolean classless, boolean configured) {
    }
}
