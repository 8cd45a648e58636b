package io.zonebridge.organization;

import io.zonebridge.reverse.VpcRef;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53Gateway;
import java.util.function.Function;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.VPC;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The VPCs associated with the private forward zones (private hosted zones not under {@code .arpa.}) of
 * the given accounts: per account ListHostedZones, then GetHostedZone of each such zone, whose answer lists
 * its VPCs. The calls go through the account's own client, so they share its rate limiter and are counted
 * with its other Route 53 calls. This is the scope of {@link io.zonebridge.reverse.AutodefinedReverseMode#ALL}.
 */
public final class PrivateZoneVpcs {

    private final Function<String, Route53Gateway> gateways;
    private final Function<String, Route53Client> clients;

    /**
     * @param gateways the gateway of an account
     * @param clients  the client of an account (the same credentials and limiter as its gateway)
     */
    public PrivateZoneVpcs(Function<String, Route53Gateway> gateways, Function<String, Route53Client> clients) {
        this.gateways = Objects.requireNonNull(gateways, "gateways");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** The VPCs of the private forward zones of these accounts, sorted by region and id. */
    public Set<VpcRef> of(Collection<String> accountIds) {
        Set<VpcRef> vpcs = new TreeSet<>();
        for (String account : accountIds) {
            Route53Gateway gateway = gateways.apply(account);
            for (HostedZoneRef zone : gateway.listHostedZones()) {
                if (zone.privateZone() && !zone.name().endsWith(".arpa.")) {
                    for (VPC vpc : clients.apply(account).getHostedZone(r -> r.id(zone.id())).vpCs()) {
                        vpcs.add(new VpcRef(vpc.vpcId(), vpc.vpcRegionAsString()));
                    }
                }
            }
        }
        return vpcs;
    }
}
