package io.zonebridge.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/** ListHostedZones (creation order), ListHostedZonesByName (reversed-name order), ListHostedZonesByVPC. */
public final class HostedZoneListings {
    static final int MAX_ZONES_PER_PAGE = 100;
    private final EmulatorState state;

    /** Creates the listings over {@code state}. */
    public HostedZoneListings(EmulatorState state) {
        this.state = state;
    }

    /** ListHostedZones: creation order, {@code marker} is the bare id of the first zone of the page. */
    public Route53Response list(Route53Request request) {
        int maxItems = MaxItems.parse(request.query().get("maxitems"), MAX_ZONES_PER_PAGE);
        String marker = request.query().get("marker");
        boolean privateOnly = "PrivateHostedZone".equals(request.query().get("hostedzonetype"));
        return state.read(() -> {
            List<HostedZoneData> zones = new ArrayList<>(state.account(request.account()).zones().values());
            if (privateOnly) {
                zones.removeIf(zone -> !zone.privateZone());
            }
            int start = 0;
            if (marker != null) {
                start = indexOf(zones, marker);
                if (start < 0) {
                    throw ServiceException.invalidInput("The value of the marker parameter is not valid: " + marker);
                }
            }
            int end = Math.min(zones.size(), start + maxItems);
            XmlWriter w = new XmlWriter("ListHostedZonesResponse").start("HostedZones");
            zones.subList(start, end).forEach(zone -> Route53Xml.hostedZone(w, zone));
            w.end().element("Marker", marker).element("IsTruncated", end < zones.size());
            if (end < zones.size()) {
                w.element("NextMarker", zones.get(end).id());
            }
            return Route53Response.ok(w.element("MaxItems", maxItems).finish());
        });
    }

    private static int indexOf(List<HostedZoneData> zones, String id) {
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** ListHostedZonesByName: {@code dnsname} (and {@code hostedzoneid}) is a start point, not a filter. */
    public Route53Response listByName(Route53Request request) {
        int maxItems = MaxItems.parse(request.query().get("maxitems"), MAX_ZONES_PER_PAGE);
        String dnsName = request.query().get("dnsname");
        String zoneId = request.query().get("hostedzoneid");
        if (zoneId != null && dnsName == null) {
            throw ServiceException.invalidInput("The input is not valid: hostedzoneid requires dnsname.");
        }
        String startKey;
        try {
            startKey = dnsName == null ? null : DomainName.parse(dnsName).reversedKey();
        } catch (IllegalArgumentException e) {
            throw new ServiceException(400, "InvalidDomainName", e.getMessage());
        }
        return state.read(() -> {
            Comparator<HostedZoneData> order = Comparator.comparing((HostedZoneData z) -> z.domainName().reversedKey())
                    .thenComparing(HostedZoneData::id);
            List<HostedZoneData> zones = state.account(request.account()).zones().values().stream()
                    .sorted(order).toList();
            int start = 0;
            while (startKey != null && start < zones.size() && isBefore(zones.get(start), startKey, zoneId)) {
                start++;
            }
            int end = Math.min(zones.size(), start + maxItems);
            XmlWriter w = new XmlWriter("ListHostedZonesByNameResponse").start("HostedZones");
            zones.subList(start, end).forEach(zone -> Route53Xml.hostedZone(w, zone));
            w.end().element("DNSName", dnsName).element("HostedZoneId", zoneId)
                    .element("IsTruncated", end < zones.size());
            if (end < zones.size()) {
                w.element("NextDNSName", zones.get(end).name()).element("NextHostedZoneId", zones.get(end).id());
            }
            return Route53Response.ok(w.element("MaxItems", maxItems).finish());
        });
    }

    private static boolean isBefore(HostedZoneData zone, String startKey, String startId) {
        int byName = zone.domainName().reversedKey().compareTo(startKey);
        return byName < 0 || (byName == 0 && startId != null && zone.id().compareTo(startId) < 0);
    }

    /** ListHostedZonesByVPC: private zones of any account associated with the VPC, with bare ids. */
    public Route53Response listByVpc(Route53Request request) {
        String vpcId = request.query().get("vpcid");
        String vpcRegion = request.query().get("vpcregion");
        if (vpcId == null || vpcRegion == null) {
            throw ServiceException.invalidInput("Invalid request: Both VPCId and VPCRegion are required.");
        }
        int maxItems = MaxItems.parse(request.query().get("maxitems"), MAX_ZONES_PER_PAGE);
        int start = startOf(request.query().get("nexttoken"));
        HostedZoneData.Vpc vpc = new HostedZoneData.Vpc(vpcRegion, vpcId);
        return state.read(() -> {
            List<String[]> summaries = new ArrayList<>();
            for (AccountState account : state.accounts()) {
                for (HostedZoneData zone : account.zones().values()) {
                    if (zone.vpcs().contains(vpc)) {
                        summaries.add(new String[] {zone.id(), zone.name(), account.accountId()});
                    }
                }
            }
            if (start > summaries.size()) {
                throw invalidToken();
            }
            int end = Math.min(summaries.size(), start + maxItems);
            XmlWriter w = new XmlWriter("ListHostedZonesByVPCResponse").start("HostedZoneSummaries");
            for (String[] summary : summaries.subList(start, end)) {
                w.start("HostedZoneSummary").element("HostedZoneId", summary[0]).element("Name", summary[1])
                        .start("Owner").element("OwningAccount", summary[2]).end().end();
            }
            w.end().element("MaxItems", maxItems);
            if (end < summaries.size()) {
                w.element("NextToken", Base64.getEncoder().encodeToString(
                        ("offset:" + end).getBytes(StandardCharsets.UTF_8)));
            }
            return Route53Response.ok(w.finish());
        });
    }

    private static int startOf(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                return Integer.parseInt(decoded.substring(7));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw invalidToken();
    }

    private static ServiceException invalidToken() {
        return new ServiceException(400, "InvalidPaginationToken", "The value of nextToken is not valid.");
    }
}
