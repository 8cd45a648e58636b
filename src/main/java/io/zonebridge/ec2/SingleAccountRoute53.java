package io.zonebridge.ec2;

import io.zonebridge.reverse.AccountRoute53;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.route53.SdkRoute53Gateway;

/**
 * Route 53 of the one account zonebridge's own credentials reach, for the EC2 job's PTR path: every account id maps to
 * the service's gateway (and its rate limiter), since the job's instances and forward zones are that account's.
 */
public final class SingleAccountRoute53 implements AccountRoute53 {

    private final SdkRoute53Gateway gateway;

    public SingleAccountRoute53(SdkRoute53Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Route53Gateway gateway(String accountId) {
        return gateway;
    }

    @Override
    public ApiCallStats calls(String accountId) {
        return gateway.stats();
    }
}
