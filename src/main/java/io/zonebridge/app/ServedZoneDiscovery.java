package io.zonebridge.app;

import io.zonebridge.app.config.ZoneDefaults;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.secondary.PrimaryServer;
import io.zonebridge.secondary.SecondaryZone;
import io.zonebridge.secondary.TsigKeySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The {@code allHostedZonesServedBy} mode: every hosted zone of the account whose name one of the given primaries
 * serves (answers a SOA query for it authoritatively) becomes a managed zone. Zone names configured explicitly are
 * left to their own configuration.
 */
public final class ServedZoneDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ServedZoneDiscovery.class);

    private final ManagedZoneFactory factory;
    public ServedZoneDiscovery(ManagedZoneFactory factory) {
        this.factory = factory;
    }

    /** The hosted zones the primaries of {@code defaults} serve, except those named in {@code configuredNames}. */
    public List<ManagedZone> discover(Route53Gateway gateway, ZoneDefaults defaults, Set<String> configuredNames) {
        List<ManagedZone> found = new ArrayList<>();
        for (HostedZoneRef hostedZone : gateway.listHostedZones()) {
            if (configuredNames.contains(hostedZone.name())) {
                continue;
            }
            ManagedZone zone = factory.servedZone(hostedZone, defaults);
            SecondaryZone secondary = ((TransferSource) zone.source()).secondaryZone();
            if (servedByAPrimary(secondary)) {
                LOG.info("allHostedZonesServedBy: managing hosted zone {} ({})", hostedZone.id(), hostedZone.name());
                found.add(zone);
            }
        }
        return found;
    }

    private static boolean servedByAPrimary(SecondaryZone zone) {
        for (PrimaryServer primary : zone.primaries()) {
            try {
                SimpleResolver resolver = new SimpleResolver(primary.socketAddress());
                resolver.setTimeout(zone.queryTimeout());
                zone.tsig().map(TsigKeySpec::toTsig).ifPresent(resolver::setTSIGKey);
                Message answer = resolver.send(Message.newQuery(Record.newRecord(zone.zone(), Type.SOA, DClass.IN)));
                if (answer.getRcode() == Rcode.NOERROR && answer.getHeader().getFlag(Flags.AA)
                        && answer.getSection(Section.ANSWER).stream()
                        .anyMatch(r -> r instanceof SOARecord && r.getName().equals(zone.zone()))) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("SOA query for {} at {} failed: {}", zone.zone(), primary, e.toString());
            }
        }
        return false;
    }
}
