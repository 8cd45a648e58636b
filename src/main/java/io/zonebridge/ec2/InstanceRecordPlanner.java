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

    /**
     * Plans the records of a running instance.
     *
     * @param instance the instance as described
     * @param vpc      its VPC as described, or {@code null} when unknown
     * @param zones    the hosted zones records may go into
     */
    public InstanceRecordPlan plan(InstanceDescription instance, VpcDescription vpc, List<CandidateZone> zones) {
        String id = instance.instanceId();
        List<DnsWarning> warnings = new ArrayList<>();
        List<AssociationNeeded> associations = new ArrayList<>();
        checkVpc(vpc, warnings);

        Optional<String> zoneName = zoneName(instance, vpc, zones, warnings);
        Optional<String> host = settings.hostName().render(instance);
        Map<String, OwnedRecord> records = new LinkedHashMap<>();
        List<AddressName> addresses = new ArrayList<>();
        String fqdn = null;
        CandidateZone publicZone = null;
        if (zoneName.isPresent() && host.isEmpty()) {
            warnings.add(new DnsWarning(id, "instance " + id + ": no host name from pattern '" + settings.hostName()
                    + "' (missing tag or private IPv4 address)"));
        } else if (zoneName.isPresent()) {
            String name = RecordNameCodec.canonical(host.get() + "." + zoneName.get());
            fqdn = name;
            Optional<CandidateZone> privateZone = privateZone(zoneName.get(), instance, zones, warnings, associations);
            if (privateZone.isPresent()) {
                instance.primaryPrivateIpv4().ifPresent(ip -> putNamed(records, privateZone.get(), name, "A", List.of(ip)));
                putNamed(records, privateZone.get(), name, "AAAA", instance.ipv6());
            }
            publicZone = publicZone(zoneName.get(), zones, warnings, id).orElse(null);
            if (publicZone != null) {
                putNamed(records, publicZone, name, "A",
                        instance.publicIpv4() == null ? List.of() : List.of(instance.publicIpv4()));
                putNamed(records, publicZone, name, "AAAA", instance.ipv6());
            }
            if (records.isEmpty()) {
                warnings.add(new DnsWarning(id, "instance " + id + ": no hosted zone '" + zoneName.get()
                        + "' takes its addresses"));
                fqdn = null;
            } else if (privateZone.isPresent()) {
                instance.primaryPrivateIpv4().ifPresent(ip -> addresses.add(new AddressName(ip, name)));
                instance.ipv6().forEach(ip -> addresses.add(new AddressName(RecordValueCodec.canonical("AAAA", ip), name)));
            }
        }
        String publicId = publicZone == null ? null : publicZone.zone().id();
        boolean hasPublic = records.values().stream().anyMatch(r -> r.hostedZoneId().equals(publicId));
        cname(instance, fqdn, hasPublic, zones, records, warnings);
        return new InstanceRecordPlan(new InstanceRecords(id, new ArrayList<>(records.values()), addresses),
                warnings, associations);
    }

    private static void checkVpc(VpcDescription vpc, List<DnsWarning> warnings) {
        if (vpc == null) {
            return;
        }
        if (!vpc.dnsSupport()) {
            warnings.add(new DnsWarning(vpc.vpcId(), "VPC " + vpc.vpcId()
                    + " has DNS support (enableDnsSupport) off: its instances cannot resolve private hosted zones"));
        }
        if (!vpc.dnsHostnames()) {
            warnings.add(new DnsWarning(vpc.vpcId(), "VPC " + vpc.vpcId()
                    + " has DNS host names (enableDnsHostnames) off: private hosted zone records do not resolve there"));
        }
    }

    private Optional<String> zoneName(InstanceDescription instance, VpcDescription vpc, List<CandidateZone> zones,
                                      List<DnsWarning> warnings) {
        Optional<String> tag = instance.tag(settings.zoneTagKey());
        if (tag.isPresent()) {
            try {
                return Optional.of(RecordNameCodec.canonical(tag.get()));
            } catch (IllegalArgumentException e) {
                warnings.add(new DnsWarning(instance.instanceId(), "instance " + instance.instanceId() + ": tag "
                        + settings.zoneTagKey() + "='" + tag.get() + "' is not a domain name: " + e.getMessage()));
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
                                                       List<DnsWarning> warnings, List<AssociationNeeded> associations) {
        List<CandidateZone> named = zones.stream()
                .filter(z -> z.zone().privateZone() && z.zone().name().equals(name)).toList();
        Optional<CandidateZone> serving = named.stream().filter(z -> z.servesVpc(instance.vpcId())).findFirst();
        if (serving.isPresent() || named.isEmpty()) {
            return serving;
        }
        if (named.size() > 1) {
            warnings.add(new DnsWarning(instance.instanceId(), "instance " + instance.instanceId() + ": "
                    + named.size() + " private zones named " + name + " and none associated with VPC "
                    + instance.vpcId() + "; none is used"));
            return Optional.empty();
        }
        if (instance.vpcId() != null) {
            associations.add(new AssociationNeeded(named.get(0).zone().id(), instance.vpcId()));
        }
        return Optional.of(named.get(0));
    }

    private static Optional<CandidateZone> publicZone(String name, List<CandidateZone> zones, List<DnsWarning> warnings,
                                                      String instanceId) {
        List<CandidateZone> named = zones.stream()
                .filter(z -> !z.zone().privateZone() && z.zone().name().equals(name)).toList();
        if (named.size() > 1) {
            warnings.add(new DnsWarning(instanceId, "instance " + instanceId + ": " + named.size()
                    + " public zones named " + name + "; none is used"));
            return Optional.empty();
        }
        return named.stream().findFirst();
    }

    private void cname(InstanceDescription instance, String fqdn, boolean hasPublic, List<CandidateZone> zones,
                       Map<String, OwnedRecord> records, List<DnsWarning> warnings) {
        Optional<String> tag = instance.tag(settings.cnameTagKey());
        if (tag.isEmpty()) {
            return;
        }
        String id = instance.instanceId();
        String name;
        try {
            name = RecordNameCodec.canonical(tag.get());
        } catch (IllegalArgumentException e) {
            warnings.add(new DnsWarning(id, "instance " + id + ": tag " + settings.cnameTagKey() + "='" + tag.get()
                    + "' is not a domain name: " + e.getMessage()));
            return;
        }
        String target = fqdn != null ? fqdn
                : instance.privateDnsName() == null ? null : RecordNameCodec.canonical(instance.privateDnsName());
        if (target == null || target.equals(name)) {
            warnings.add(new DnsWarning(id, "instance " + id + ": CNAME " + name + " has no usable target"));
            return;
        }
        Optional<CandidateZone> privateZone = longestSuffix(name, zones.stream()
                .filter(z -> z.servesVpc(instance.vpcId())).toList());
        Optional<CandidateZone> publicZone = hasPublic
                ? longestSuffix(name, zones.stream().filter(z -> !z.zone().privateZone()).toList()) : Optional.empty();
        if (privateZone.isEmpty() && publicZone.isEmpty()) {
            warnings.add(new DnsWarning(id, "instance " + id + ": no hosted zone serving VPC " + instance.vpcId()
                    + " contains CNAME " + name));
        }
        privateZone.ifPresent(z -> putNamed(records, z, name, "CNAME", List.of(target)));
        publicZone.ifPresent(z -> putNamed(records, z, name, "CNAME", List.of(target)));
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

    private void putNamed(Map<String, OwnedRecord> records, CandidateZone zone, String name, String type,
                          List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> canonical = values.stream().map(v -> RecordValueCodec.canonical(type, v)).distinct().toList();
        RecordSet set = RecordSet.of(RecordKey.of(name, type), settings.ttl(), canonical);
        records.put(zone.zone().id() + " " + name + " " + type, new OwnedRecord(zone.zone().id(), set));
    }
}
