package io.zonebridge.ec2;

import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The hosted zones instances may get records in: ListHostedZones, and GetHostedZone of each private forward zone
 * for its VPC associations (the service's rate-limited client). Kept for {@link #MAX_AGE} or until
 * {@link #invalidate()} (after an association or a record for a zone not known yet), so a launch storm costs a
 * few calls, not some per instance.
 */
public final class Ec2CandidateZones implements Supplier<List<CandidateZone>> {

    /** How long the zone list is used before it is read again. */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final Route53Gateway gateway;
    private final Route53Client client;
    private final Clock clock;
    private List<CandidateZone> zones;
    private Instant readAt = Instant.MIN;

    public Ec2CandidateZones(Route53Gateway gateway, Route53Client client, Clock clock) {
        this.gateway = gateway;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public synchronized List<CandidateZone> get() {
        Instant now = clock.instant();
        if (zones == null || readAt.plus(MAX_AGE).isBefore(now)) {
            List<CandidateZone> read = new ArrayList<>();
            for (HostedZoneRef zone : gateway.listHostedZones()) {
                if (zone.name().endsWith(".arpa.")) {
                    continue;
                }
                List<VpcAssociation> vpcs = zone.privateZone()
                        ? client.getHostedZone(r -> r.id(zone.id())).vpCs().stream()
                                .map(v -> new VpcAssociation(v.vpcId(), v.vpcRegionAsString())).toList()
                        : List.of();
                read.add(new CandidateZone(zone, vpcs));
            }
            zones = List.copyOf(read);
            readAt = now;
        }
        return zones;
    }

    /** The zone with this bare id, from the last read. */
    public synchronized Optional<HostedZoneRef> zone(String hostedZoneId) {
        return (zones == null ? List.<CandidateZone>of() : zones).stream().map(CandidateZone::zone)
                .filter(z -> z.id().equals(hostedZoneId)).findFirst();
    }

    /** Forgets the zones, so the next {@link #get()} reads them again. */
    public synchronized void invalidate() {
        zones = null;
    }
}
