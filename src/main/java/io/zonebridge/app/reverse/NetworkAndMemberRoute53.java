package io.zonebridge.app.reverse;

import io.zonebridge.reverse.AccountRoute53;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.route53.SdkRoute53Gateway;
import java.util.Objects;

/**
 * Route 53 of every account as the reverse-DNS job reaches it: the network account through the service's own
 * gateway (so the reverse zones' writes share the service's one rate limiter with every other sync), every other
 * account through {@code members} (an assumed role per account, one client and limiter per account, kept).
 */
public final class NetworkAndMemberRoute53 implements AccountRoute53 {

    private final String networkAccount;
    private final SdkRoute53Gateway network;
    private final AccountRoute53 members;

    /**
     * @param networkAccount the account of the service's own credentials
     * @param network        the service's gateway to that account
     * @param members        Route 53 of the other accounts
     */
    public NetworkAndMemberRoute53(String networkAccount, SdkRoute53Gateway network, AccountRoute53 members) {
        this.networkAccount = Objects.requireNonNull(networkAccount, "networkAccount");
        this.network = Objects.requireNonNull(network, "network");
        this.members = Objects.requireNonNull(members, "members");
    }

    @Override
    public Route53Gateway gateway(String accountId) {
        return networkAccount.equals(accountId) ? network : members.gateway(accountId);
    }

    @Override
    public ApiCallStats calls(String accountId) {
        return networkAccount.equals(accountId) ? network.stats() : members.calls(accountId);
    }
}
