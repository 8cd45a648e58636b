package io.zonebridge.app;

import io.zonebridge.app.config.HostedZoneTarget;
import io.zonebridge.app.config.PrimaryAddress;
import io.zonebridge.app.config.SecondaryZoneConfig;
import io.zonebridge.app.config.TsigKeyConfig;
import io.zonebridge.app.config.ZoneDefaults;
import io.zonebridge.app.config.ZonebridgeConfig;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.ZoneSelector;
import io.zonebridge.secondary.AddressAllowList;
import io.zonebridge.secondary.PrimaryServer;
import io.zonebridge.secondary.SecondaryZone;
import io.zonebridge.secondary.SerialTracker;
import io.zonebridge.secondary.TsigKeySpec;
import io.zonebridge.secondary.ZoneTransferClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Builds {@link ManagedZone}s from the configuration: the configured zones, and the hosted zones found in
 * {@code allHostedZonesServedBy} mode. NOTIFY is allowed from {@code secondary.notify.allowFrom} and from each
 * zone's primaries given as addresses.
 */
public final class ManagedZoneFactory {

    /** The account label in zone keys; one Route 53 account per configuration for now. */
    public static final String ACCOUNT = "default";

    private final ZonebridgeConfig config;
    private final SerialTracker announced = new SerialTracker();
    private final ZoneTransferClient transfers = new ZoneTransferClient(announced);

    public ManagedZoneFactory(ZonebridgeConfig config) {
        this.config = config;
    }

    /** The serials NOTIFYs announced, read by this factory's transfers (give it to the {@code NotifyHandler}). */
    public SerialTracker announcedSerials() {
        return announced;
    }

    /** The configured zones. */
    public List<ManagedZone> configuredZones() {
        List<ManagedZone> zones = new ArrayList<>();
        for (SecondaryZoneConfig zone : config.secondary().zones()) {
            HostedZoneTarget target = zone.hostedZone();
            ZoneSelector selector = new ZoneSelector(target.id().orElse(target.name()), target.privateZone(),
                    target.vpcId(), config.route53().region());
            String label = target.id().orElseGet(() -> target.name()
                    + target.privateZone().map(p -> p ? ":private" : ":public").orElse("")
                    + target.vpcId().map(v -> ":" + v).orElse(""));
            DesiredStateSource source = zone.zoneFile().<DesiredStateSource>map(file -> new ZoneFileSource(file, zone.name()))
                    .orElseGet(() -> new TransferSource(secondary(zone.name(), zone.primaries(), zone.tsigKey(),
                            zone.transferTimeout()), transfers));
            zones.add(new ManagedZone(ACCOUNT + "/" + label, zone.name(), selector, source,
                    PlanOptions.defaults().withPolicy(zone.policy()).withIgnoreTtl(zone.ignoreTtl())
                            .withManageApexSoaSerial(zone.writeSerial()),
                    new TimerOverrides(zone.refresh(), zone.retry(), zone.expire()), zone.mirror(),
                    zone.verifyEvery()));
        }
        return zones;
    }

    /** A zone for a hosted zone found in {@code allHostedZonesServedBy} mode, with that mode's defaults. */
    public ManagedZone servedZone(HostedZoneRef hostedZone, ZoneDefaults defaults) {
        Optional<TsigKeyConfig> key = defaults.tsigKey().map(config.tsigKeys()::get);
        SecondaryZone secondary = secondary(hostedZone.name(), defaults.primaries(), key, defaults.transferTimeout());
        return new ManagedZone(ACCOUNT + "/" + hostedZone.id(), hostedZone.name(),
                new ZoneSelector(hostedZone.id(), Optional.of(hostedZone.privateZone()), Optional.empty(),
                        config.route53().region()),
                new TransferSource(secondary, transfers),
                PlanOptions.defaults().withPolicy(defaults.policy()).withIgnoreTtl(defaults.ignoreTtl()),
                TimerOverrides.none(), Optional.empty(), defaults.verifyEvery());
    }

    /** The secondary zone (primaries, NOTIFY sources, key, timeouts) of one zone name. */
    SecondaryZone secondary(String name, List<PrimaryAddress> primaries, Optional<TsigKeyConfig> key,
                            Duration transferTimeout) {
        List<String> notifySources = new ArrayList<>(config.secondary().notifyListener().allowFrom());
        List<PrimaryServer> servers = new ArrayList<>();
        for (PrimaryAddress primary : primaries) {
            servers.add(new PrimaryServer(primary.host(), primary.port()));
            if (Address.isDottedQuad(primary.host()) || Address.toByteArray(primary.host(), Address.IPv6) != null) {
                notifySources.add(primary.host());
            }
        }
        try {
            return new SecondaryZone(Name.fromString(name), servers, AddressAllowList.parse(notifySources),
                    key.map(k -> new TsigKeySpec(k.name(), k.algorithm(), k.secret())).orElse(null),
                    SecondaryZone.DEFAULT_QUERY_TIMEOUT, transferTimeout);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("zone name " + name + " is not a valid DNS name", e);
        }
    }
}
