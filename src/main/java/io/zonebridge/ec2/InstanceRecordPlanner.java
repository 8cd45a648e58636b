package io.zonebridge.ec2;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.RecordValueCodec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the records a running instance should have. Pure: no AWS calls.
 *
 * <p>Rules:
 * <ul>
 *   <li><b>Zone name.</b> The instance's zone tag ({@code ZONE}) names the domain; without it, the first
 *       {@code domain-name} of the VPC's DHCP options that matches a private hosted zone's name is used
 *       (private zone only).</li>
 *   <li><b>Private zone</b> of that name: the one associated with the instance's VPC; when none is but exactly
 *       one private zone has the name, that one, with an {@link AssociationNeeded}. It gets {@code A} with the
 *       primary private IPv4 address and {@code AAAA} with the IPv6 addresses (so that, inside the VPC, where
 *       the private zone hides the public one, the name still resolves over IPv6).</li>
 *   <li><b>Public zone</b> of that name (by id, never mixed up with a private zone of the same name): {@code A}
 *       with the public IPv4 address and {@code AAAA} with the IPv6 addresses. Several public zones of one name
 *       are ambiguous: a warning, none is used.</li>
 *   <li><b>CNAME tag</b>: a {@code CNAME} to the instance's name (its FQDN when it got forward records, else EC2's
 *       private DNS name) in the private zone serving the VPC whose name is the longest suffix of the CNAME, and,
 *       when the instance has public records, in the public zone that is the longest suffix.</li>
 *   <li><b>PTRs</b>: the primary private IPv4 address and the IPv6 addresses → the FQDN, when the private zone
 *       got forward records (public IPv4 reverse DNS belongs to AWS).</li>
 *   <li><b>VPC checks</b>: DNS support or DNS host names off gives a {@link DnsWarning} naming the VPC.</li>
 * </ul>
 */
public final class InstanceRecordPlanner {

    private final Ec2DnsSettings settings;

    public InstanceRecordPlanner(Ec2DnsSettings settings) {
        this.settings = settings;
    }

    /** The settings records are planned with. */
    public Ec2DnsSettings settings() {
        return settings;
    }

    /**
     * Plans the records of a running instance.
     *
     * @param instance the instance as described
     * @param vpc      its VPC as described, or {@code null} when unknown
     * @param zones    the hosted zones records may go into
     */
    public InstanceRecordPlan plan(InstanceDescription instance, VpcDescription vpc, List<CandidateZone> zones) {
        Draft draft = new Draft(instance.instanceId());
        checkVpc(vpc, draft);
        String fqdn = zoneName(instance, vpc, zones, draft)
                .flatMap(zoneName -> forward(instance, zoneName, zones, draft)).orElse(null);
        cname(instance, fqdn, zones, draft);
        return draft.plan();
    }

    /** A/AAAA records in the private and the public zone called {@code zoneName}; the FQDN when any was made. */
    private Optional<String> forward(InstanceDescription instance, String zoneName, List<CandidateZone> zones, Draft draft) {
        String id = instance.instanceId();
        Optional<String> host = settings.hostName().render(instance);
        if (host.isEmpty()) {
            draft.warn(id, "instance " + id + ": no host name from pattern '" + settings.hostName()
                    + "' (missing tag or private IPv4 address)");
            return Optional.empty();
        }
        String name;
        try {
            name = RecordNameCodec.canonical(host.get() + "." + zoneName);
        } catch (IllegalArgumentException e) {
            draft.warn(id, "instance " + id + ": host name '" + host.get() + "' in zone " + zoneName
                    + " is not a valid name: " + e.getMessage());
            return Optional.empty();
        }
        privateZone(zoneName, instance, zones, draft).ifPresent(zone -> {
            instance.primaryPrivateIpv4().ifPresent(ip -> {
                draft.put(zone, name, "A", List.of(ip));
                draft.addresses.add(new AddressName(ip, name));
            });
            draft.put(zone, name, "AAAA", instance.ipv6());
            instance.ipv6().forEach(ip -> draft.addresses.add(new AddressName(RecordValueCodec.canonical("AAAA", ip), name)));
        });
        publicZone(zoneName, zones, draft, id).ifPresent(zone -> {
            boolean a = draft.put(zone, name, "A", instance.publicIpv4() == null ? List.of() : List.of(instance.publicIpv4()));
            boolean aaaa = draft.put(zone, name, "AAAA", instance.ipv6());
            draft.hasPublic = a || aaaa;
        });
        if (draft.records.isEmpty()) {
            draft.warn(id, "instance " + id + ": no hosted zone '" + zoneName + "' takes its addresses");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static void checkVpc(VpcDescription vpc, Draft draft) {
        if (vpc == null) {
            return;
        }
        if (!vpc.dnsSupport()) {
            draft.warn(vpc.vpcId(), "VPC " + vpc.vpcId()
                    + " has DNS support (enableDnsSupport) off: its instances cannot resolve private hosted zones");
        }
        if (!vpc.dnsHostnames()) {
            draft.warn(vpc.vpcId(), "VPC " + vpc.vpcId()
                    + " has DNS host names (enableDnsHostnames) off: private hosted zone records do not resolve there");
        }
    }

    private Optional<String> zoneName(InstanceDescription instance, VpcDescription vpc, List<CandidateZone> zones,
                                      Draft draft) {
        Optional<String> tag = instance.tag(settings.zoneTagKey());
        if (tag.isPresent()) {
            try {
                return Optional.of(RecordNameCodec.canonical(tag.get()));
            } catch (IllegalArgumentException e) {
                draft.warn(instance.instanceId(), "instance " + instance.instanceId() + ": tag "
                        + settings.zoneTagKey() + "='" + tag.get() + "' is not a domain name: " + e.getMessage());
                return Optional.empty();
            }
        }
        if (vpc == null) {
            return Optional.empty();
        }
        return vpc.dhcpDomainNames().stream()
                .filter(name -> zones.stream().anyMatch(z -> z.zone().privateZone() && z.zone().name().equals(name)))
                .findFirst();
    }

    private static Optional<CandidateZone> privateZone(String name, InstanceDescription instance, List<CandidateZone> zones,
                                                       Draft draft) {
        List<CandidateZone> named = zones.stream()
                .filter(z -> z.zone().privateZone() && z.zone().name().equals(name)).toList();
        Optional<CandidateZone> serving = named.stream().filter(z -> z.servesVpc(instance.vpcId())).findFirst();
        if (serving.isPresent() || named.isEmpty()) {
            return serving;
        }
        if (named.size() > 1) {
            draft.warn(instance.instanceId(), "instance " + instance.instanceId() + ": " + named.size()
                    + " private zones named " + name + " and none associated with VPC " + instance.vpcId() + "; none is used");
            return Optional.empty();
        }
        if (instance.vpcId() != null) {
            draft.associations.add(new AssociationNeeded(named.get(0).zone().id(), instance.vpcId()));
        }
        return Optional.of(named.get(0));
    }

    private static Optional<CandidateZone> publicZone(String name, List<CandidateZone> zones, Draft draft,
                                                      String instanceId) {
        List<CandidateZone> named = zones.stream()
                .filter(z -> !z.zone().privateZone() && z.zone().name().equals(name)).toList();
        if (named.size() > 1) {
            draft.warn(instanceId, "instance " + instanceId + ": " + named.size() + " public zones named " + name
                    + "; none is used");
            return Optional.empty();
        }
        return named.stream().findFirst();
    }

    private void cname(InstanceDescription instance, String fqdn, List<CandidateZone> zones, Draft draft) {
        Optional<String> tag = instance.tag(settings.cnameTagKey());
        if (tag.isEmpty()) {
            return;
        }
        String id = instance.instanceId();
        String name;
        try {
            name = RecordNameCodec.canonical(tag.get());
        } catch (IllegalArgumentException e) {
            draft.warn(id, "instance " + id + ": tag " + settings.cnameTagKey() + "='" + tag.get()
                    + "' is not a domain name: " + e.getMessage());
            return;
        }
        String target = fqdn != null ? fqdn
                : instance.privateDnsName() == null ? null : RecordNameCodec.canonical(instance.privateDnsName());
        if (target == null || target.equals(name)) {
            draft.warn(id, "instance " + id + ": CNAME " + name + " has no usable target");
            return;
        }
        Optional<CandidateZone> privateZone = longestSuffix(name, zones.stream()
                .filter(z -> z.servesVpc(instance.vpcId())).toList());
        Optional<CandidateZone> publicZone = draft.hasPublic
                ? longestSuffix(name, zones.stream().filter(z -> !z.zone().privateZone()).toList()) : Optional.empty();
        if (privateZone.isEmpty() && publicZone.isEmpty()) {
            draft.warn(id, "instance " + id + ": no hosted zone serving VPC " + instance.vpcId()
                    + " contains CNAME " + name);
        }
        privateZone.ifPresent(z -> draft.put(z, name, "CNAME", List.of(target)));
        publicZone.ifPresent(z -> draft.put(z, name, "CNAME", List.of(target)));
    }

    private static Optional<CandidateZone> longestSuffix(String name, List<CandidateZone> zones) {
        List<CandidateZone> containing = zones.stream()
                .filter(z -> name.endsWith("." + z.zone().name()))
                .sorted(Comparator.comparingInt((CandidateZone z) -> z.zone().name().length()).reversed())
                .toList();
        if (containing.isEmpty()) {
            return Optional.empty();
        }
        int best = containing.get(0).zone().name().length();
        List<CandidateZone> tied = containing.stream().filter(z -> z.zone().name().length() == best).toList();
        return tied.size() == 1 ? Optional.of(tied.get(0)) : Optional.empty();
    }

    /** The plan being made for one instance. */
    private final class Draft {
        private final String instanceId;
        private final Map<String, OwnedRecord> records = new LinkedHashMap<>();
        private final List<AddressName> addresses = new ArrayList<>();
        private final List<DnsWarning> warnings = new ArrayList<>();
        private final List<AssociationNeeded> associations = new ArrayList<>();
        private boolean hasPublic;

        Draft(String instanceId) {
            this.instanceId = instanceId;
        }

        void warn(String resourceId, String message) {
            warnings.add(new DnsWarning(resourceId, message));
        }

        /** Adds the record set unless there are no values; true when added. */
        boolean put(CandidateZone zone, String name, String type, List<String> values) {
            if (values.isEmpty()) {
                return false;
            }
            List<String> canonical = values.stream().map(v -> RecordValueCodec.canonical(type, v)).distinct().toList();
            RecordSet set = RecordSet.of(RecordKey.of(name, type), settings.ttl(), canonical);
            records.put(zone.zone().id() + " " + name + " " + type, new OwnedRecord(zone.zone().id(), set));
            return true;
        }

        InstanceRecordPlan plan() {
            return new InstanceRecordPlan(new InstanceRecords(instanceId, new ArrayList<>(records.values()), addresses),
                    warnings, associations);
        }
    }
}
