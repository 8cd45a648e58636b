package io.zonebridge.app;

import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.route53.ZoneSelector;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZoneConfig;
import software.amazon.awssdk.services.route53.model.VPC;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * For the embedded quick start: creates each configured hosted zone that does not exist yet (private ones with
 * their configured VPC), so a fresh machine needs no setup. Zones given by id are never created.
 */
public final class EmbeddedZones {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZones.class);

    private EmbeddedZones() {
    }

    /** Creates the missing zones among {@code zones}. */
    public static void createMissing(Route53Client client, Route53Gateway gateway, List<ManagedZone> zones) {
        List<HostedZoneRef> hosted = gateway.listHostedZones();   // one listing for all zones
        for (ManagedZone zone : zones) {
            ZoneSelector target = zone.target();
            if (target.isId()) {
                continue;
            }
            boolean wantPrivate = target.privateZone().orElse(false);
            List<HostedZoneRef> existing = hosted.stream()
                    .filter(z -> z.name().equals(zone.name()) && z.privateZone() == wantPrivate).toList();
            if (!existing.isEmpty()) {
                continue;
            }
            if (wantPrivate && target.vpcId().isEmpty()) {
                throw new IllegalArgumentException("zone " + zone.name() + ": the embedded Route 53 creates private "
                        + "hosted zones with the configured VPC; add hostedZone.vpc");
            }
            var request = software.amazon.awssdk.services.route53.model.CreateHostedZoneRequest.builder()
                    .name(zone.name()).callerReference("zonebridge-" + UUID.randomUUID())
                    .hostedZoneConfig(HostedZoneConfig.builder().privateZone(wantPrivate)
                            .comment("created by zonebridge (embedded quick start)").build());
            target.vpcId().ifPresent(vpc -> request.vpc(VPC.builder().vpcId(vpc)
                    .vpcRegion(VPCRegion.fromValue(target.vpcRegion())).build()));
            String id = client.createHostedZone(request.build()).hostedZone().id();
            LOG.info("embedded Route 53: created {} hosted zone {} ({})", wantPrivate ? "private" : "public",
                    zone.name(), id);
        }
    }
}
