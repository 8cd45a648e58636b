package io.zonebridge.local;

import org.w3c.dom.Element;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** CreateHostedZone, GetHostedZone, DeleteHostedZone, AssociateVPCWithHostedZone and GetChange. */
public final class HostedZoneOperations {
    static final int MAX_ZONES = 500;
    static final int MAX_VPCS = 300;
    private final EmulatorState state;
    private final ZoneChanges changes;
    private final LongSupplier clock;

    /** Creates the operations over {@code state}. */
    public HostedZoneOperations(EmulatorState state, ZoneChanges changes, LongSupplier clock) {
        this.state = state;
        this.changes = changes;
        this.clock = clock;
    }

    /** CreateHostedZone: 201 with Location, zone, change, delegation set (public) or VPC (private). */
    public Route53Response create(Route53Request request) {
        Element root = RequestXml.parse(request.body(), "CreateHostedZoneRequest");
        String rawName = RequestXml.requiredText(root, "Name");
        String callerReference = RequestXml.requiredText(root, "CallerReference");
        Element config = RequestXml.child(root, "HostedZoneConfig");
        String comment = config == null ? null : RequestXml.text(config, "Comment");
        boolean privateFlag = config != null && "true".equals(RequestXml.text(config, "PrivateZone"));
        HostedZoneData.Vpc vpc = vpc(RequestXml.child(root, "VPC"));
        if (privateFlag && vpc == null) {
            throw ServiceException.invalidInput("When you're creating a private hosted zone (when you specify "
                    + "true for PrivateZone), you must also specify values for VPCId and VPCRegion.");
        }
        DomainName name = zoneName(rawName);
        boolean privateZone = vpc != null;
        if (!privateZone && isReserved(name)) {
            String shown = rawName.endsWith(".") ? rawName.substring(0, rawName.length() - 1) : rawName;
            throw new ServiceException(400, "InvalidDomainName", shown + " is reserved by AWS!");
        }
        return state.mutate(() -> {
            AccountState account = state.account(request.account());
            if (account.callerReferences().contains(callerReference)) {
                throw new ServiceException(409, "HostedZoneAlreadyExists",
                        "A hosted zone has already been created with the specified caller reference.");
            }
            if (account.zones().size() >= MAX_ZONES) {
                throw new ServiceException(400, "TooManyHostedZones",
                        "Limits Exceeded: MAX_HOSTED_ZONES_BY_ACCOUNT - Cannot create more than " + MAX_ZONES
                                + " hosted zones.");
            }
            if (privateZone) {
                checkNoConflict(account, name.canonical(), vpc, null);
            }
            long now = clock.getAsLong();
            List<String> nameServers = privateZone ? ResourceIds.PRIVATE_NAME_SERVERS.stream()
                    .map(ns -> ns.substring(0, ns.length() - 1)).toList() : ResourceIds.publicNameServers();
            HostedZoneData zone = new HostedZoneData(ResourceIds.hostedZoneId(), name.canonical(), callerReference,
                    comment, privateZone, vpc == null ? List.of() : List.of(vpc), nameServers, now);
            List<String> nsValues = nameServers.stream().map(ns -> ns + ".").toList();
            zone.putAll(List.of(RecordSetData.simple(zone.name(), "NS", 172800, nsValues),
                    RecordSetData.simple(zone.name(), "SOA", 900, List.of(nsValues.get(0)
                            + " awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"))));
            account.callerReferences().add(callerReference);
            account.zones().put(zone.id(), zone);
            ChangeData change = changes.submit(account, zone, null, now);
            XmlWriter w = new XmlWriter("CreateHostedZoneResponse");
            Route53Xml.hostedZone(w, zone);
            Route53Xml.submittedChange(w, change);
            if (privateZone) {
                Route53Xml.vpc(w, vpc);
            } else {
                Route53Xml.delegationSet(w, zone);
            }
            return new Route53Response(201, w.finish(),
                    Map.of("Location", "https://route53.amazonaws.com/2013-04-01/hostedzone/" + zone.id()));
        });
    }

    private static DomainName zoneName(String rawName) {
        try {
            DomainName name = DomainName.parse(rawName);
            if (name.labels().isEmpty()) {
                throw new IllegalArgumentException();
            }
            return name;
        } catch (IllegalArgumentException e) {
            throw new ServiceException(400, "InvalidDomainName", rawName + " is not a valid domain name.");
        }
    }

    private static boolean isReserved(DomainName name) {
        return name.labels().size() < 2 || name.isWithin(DomainName.parse("example.com"));
    }

    /** Parses a {@code <VPC>} element; both members are required. */
    static HostedZoneData.Vpc vpc(Element vpc) {
        if (vpc == null) {
            return null;
        }
        String region = RequestXml.text(vpc, "VPCRegion");
        String id = RequestXml.text(vpc, "VPCId");
        if (region == null || id == null) {
            throw ServiceException.invalidInput("Invalid request: VPC must contain both VPCId and VPCRegion.");
        }
        if (!id.matches("vpc-[0-9a-f]{1,17}")) {
            throw new ServiceException(400, "InvalidVPCId", "The VPC ID '" + id + "' is not valid.");
        }
        return new HostedZoneData.Vpc(region, id);
    }

    private static void checkNoConflict(AccountState account, String zoneName, HostedZoneData.Vpc vpc,
                                        HostedZoneData except) {
        for (HostedZoneData other : account.zones().values()) {
            if (other != except && other.privateZone() && other.name().equals(zoneName)
                    && other.vpcs().contains(vpc)) {
                throw conflictingDomain(vpc, zoneName);
            }
        }
    }

    private static ServiceException conflictingDomain(HostedZoneData.Vpc vpc, String zoneName) {
        return new ServiceException(400, "ConflictingDomainExists", "The VPC that you chose, " + vpc.id()
                + " in region " + vpc.region() + ", is already associated with another private hosted zone that "
                + "has an overlapping name space, " + zoneName + ".");
    }

    /** GetHostedZone. */
    public Route53Response get(Route53Request request) {
        return state.read(() -> {
            HostedZoneData zone = ZoneLookup.find(state.account(request.account()), request.id());
            XmlWriter w = new XmlWriter("GetHostedZoneResponse");
            Route53Xml.hostedZone(w, zone);
            if (zone.privateZone()) {
                w.start("VPCs");
                zone.vpcs().forEach(vpc -> Route53Xml.vpc(w, vpc));
                w.end();
            } else {
                Route53Xml.delegationSet(w, zone);
            }
            return Route53Response.ok(w.finish());
        });
    }

    /** DeleteHostedZone: only a zone holding nothing but its apex SOA and NS. */
    public Route53Response delete(Route53Request request) {
        return state.mutate(() -> {
            AccountState account = state.account(request.account());
            HostedZoneData zone = ZoneLookup.find(account, request.id());
            long now = clock.getAsLong();
            changes.checkNotBusy(account, zone, now);
            boolean onlyApexSoaNs = zone.records().values().stream().allMatch(set -> set.name().equals(zone.name())
                    && set.setIdentifier() == null && (set.type().equals("SOA") || set.type().equals("NS")));
            if (!onlyApexSoaNs) {
                throw new ServiceException(400, "HostedZoneNotEmpty", "The specified hosted zone contains "
                        + "non-required resource record sets and so cannot be deleted.");
            }
            account.zones().remove(zone.id());
            ChangeData change = changes.submit(account, null, null, now);
            XmlWriter w = new XmlWriter("DeleteHostedZoneResponse");
            Route53Xml.submittedChange(w, change);
            return Route53Response.ok(w.finish());
        });
    }

    /** AssociateVPCWithHostedZone. */
    public Route53Response associateVpc(Route53Request request) {
        Element root = RequestXml.parse(request.body(), "AssociateVPCWithHostedZoneRequest");
        HostedZoneData.Vpc vpc = vpc(RequestXml.required(root, "VPC"));
        String comment = RequestXml.text(root, "Comment");
        return state.mutate(() -> {
            AccountState account = state.account(request.account());
            HostedZoneData zone = ZoneLookup.find(account, request.id());
            if (!zone.privateZone()) {
                throw new ServiceException(400, "PublicZoneVPCAssociation", "You're trying to associate a VPC "
                        + "with a public hosted zone. Amazon Route 53 doesn't support associating a VPC with a "
                        + "public hosted zone.");
            }
            long now = clock.getAsLong();
            changes.checkNotBusy(account, zone, now);
            if (zone.vpcs().contains(vpc)) {
                throw conflictingDomain(vpc, zone.name());
            }
            checkNoConflict(account, zone.name(), vpc, zone);
            if (zone.vpcs().size() >= MAX_VPCS) {
                throw new ServiceException(400, "LimitsExceeded",
                        "Limits Exceeded: MAX_VPCS_ASSOCIATED_BY_ZONE - Cannot associate more than " + MAX_VPCS
                                + " VPCs with a hosted zone.");
            }
            zone.vpcs().add(vpc);
            ChangeData change = changes.submit(account, zone, comment, now);
            XmlWriter w = new XmlWriter("AssociateVPCWithHostedZoneResponse");
            Route53Xml.submittedChange(w, change);
            return Route53Response.ok(w.finish());
        });
    }

    /** GetChange: PENDING until the configured time has passed, then INSYNC. */
    public Route53Response getChange(Route53Request request) {
        String id = request.id();
        ZoneLookup.checkIdLength(id);
        return state.read(() -> {
            ChangeData change = state.account(request.account()).changes().get(id);
            if (change == null) {
                throw new ServiceException(404, "NoSuchChange", "Could not find resource with ID: " + id);
            }
            XmlWriter w = new XmlWriter("GetChangeResponse");
            Route53Xml.changeInfo(w, change, change.status(clock.getAsLong()));
            return Route53Response.ok(w.finish());
        });
    }
}
