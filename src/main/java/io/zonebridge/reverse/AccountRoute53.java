package io.zonebridge.reverse;

import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.Route53Gateway;

/**
 * Route 53 of each account of the organisation, as the organisation reconcile reaches it: one gateway per
 * account (with that account's own credentials and rate limiter, the same instance on every call, so every
 * call of an account draws from one budget), and the requests sent through it so far.
 */
public interface AccountRoute53 {

    /** The gateway of {@code accountId}. */
    Route53Gateway gateway(String accountId);

    /** The requests sent through {@link #gateway(String)} of {@code accountId} so far. */
    ApiCallStats calls(String accountId);
}
