package io.zonebridge.organization;

import io.zonebridge.reverse.VpcRef;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.Route53Gateway;
import software.amazon.awssdk.services.route53.Route53Client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Optionally creates the reverse zones of configured prefixes that the network account does not have yet:
 * each as a private hosted zone associated with the given VPCs (CreateHostedZone with the first VPC, then
 * AssociateVPCWithHostedZone for the others), commented as zonebridge's. Existing zones of the same name
 * (public or private) are left as they are. Calls go through the network account's own gateway and client. For RFC 2317 classless zones the parent zone's CNAMEs remain the owner's job.
 */
public final class ReverseZoneProvisioner {

    private final Route53Gateway gateway;
    private final Route53Client client;

    /**
     * @param gateway the network account's gateway (the service's own)
     * @param client  the network account's client
     */
    public ReverseZoneProvisioner(Route53Gateway gateway, Route53Client client) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Creates the zones among {@code zoneNames} that do not exist.
     *
     * @param zoneNames reverse zone names (the configured prefixes' zones)
     * @param vpcs      the VPCs every created zone is associated with (at least one)
     * @return the names of the zones created, sorted
     */
    public List<String> createMissing(Collection<String> zoneNames, List<VpcRef> vpcs) {
        Set<String> wanted = new TreeSet<>();
        for (String name : zoneNames) {
            String canonical = RecordNameCodec.canonical(name);
            if (!canonical.endsWith(".in-addr.arpa.") && !canonical.endsWith(".ip6.arpa.")) {
                throw new IllegalArgumentException("not a reverse zone name: " + name);
            }
            wanted.add(canonical);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        if (vpcs.isEmpty()) {
            throw new IllegalArgumentException("creating private reverse zones " + wanted + " needs at least one VPC");
        }
        Set<String> existing = gateway.listHostedZones().stream()
                .map(HostedZoneRef::name).collect(Collectors.toSet());
        List<String> created = new ArrayList<>();
        for (String name : wanted) {
            if (existing.contains(name)) {
                continue;
            }
            VpcRef first = vpcs.get(0);
            String id = client.createHostedZone(r -> r.name(name).callerReference("zonebridge-" + UUID.randomUUID())
                    .vpc(v -> v.vpcId(first.id()).vpcRegion(first.region()))
                    .hostedZoneConfig(c -> c.privateZone(true).comment("reverse zone created by zonebridge")))
                    .hostedZone().id();
            for (VpcRef vpc : vpcs.subList(1, vpcs.size())) {
                client.associateVPCWithHostedZone(r -> r.hostedZoneId(id).vpc(v -> v.vpcId(vpc.id()).vpcRegion(vpc.region())));
            }
            created.add(name);
        }
        return created;
    }
}
