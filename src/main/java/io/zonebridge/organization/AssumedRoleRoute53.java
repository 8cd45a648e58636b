package io.zonebridge.organization;

import io.zonebridge.reverse.AccountRoute53;
import io.zonebridge.route53.AccountRateLimiters;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.Route53Gateway;
import io.zonebridge.route53.SdkRoute53Gateway;
import software.amazon.awssdk.services.route53.Route53Client;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link AccountRoute53} over the SDK: per account, one {@link SdkRoute53Gateway} whose client signs with
 * that account's {@link AccountCredentials} (assumed role, or the own credentials for the network account)
 * and passes that account's limiter from {@link AccountRateLimiters}. The base factory per account carries
 * what is common (endpoint override, retry strategy, extra interceptors); this class sets credentials,
 * limiter and call counter. Clients are created on first use and closed by {@link #close()}.
 */
public final class AssumedRoleRoute53 implements AccountRoute53, AutoCloseable {

    private final AccountCredentials credentials;
    private final AccountRateLimiters limiters;
    private final Function<String, Route53ClientFactory> baseFactory;
    private final Map<String, Connection> byAccount = new ConcurrentHashMap<>();

    /**
     * @param credentials per-account credentials
     * @param limiters    the per-account rate limiters
     * @param baseFactory for an account id, a fresh factory with the common settings
     */
    public AssumedRoleRoute53(AccountCredentials credentials, AccountRateLimiters limiters,
                              Function<String, Route53ClientFactory> baseFactory) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.limiters = Objects.requireNonNull(limiters, "limiters");
        this.baseFactory = Objects.requireNonNull(baseFactory, "baseFactory");
    }

    @Override
    public Route53Gateway gateway(String accountId) {
        return connection(accountId).gateway;
    }

    @Override
    public ApiCallStats calls(String accountId) {
        Connection connection = byAccount.get(accountId);
        return connection == null ? ApiCallStats.empty() : connection.gateway.stats();
    }

    /** The SDK client behind {@link #gateway(String)} (same credentials, limiter and counter). */
    public Route53Client client(String accountId) {
        return connection(accountId).client;
    }

    private Connection connection(String accountId) {
        return byAccount.computeIfAbsent(accountId, id -> {
            Route53ClientFactory factory = baseFactory.apply(id)
                    .credentials(credentials.forAccount(id))
                    .rateLimiter(limiters.forAccount(id));
            Route53Client client = factory.create();
            return new Connection(client, new SdkRoute53Gateway(client, factory.callCounter()));
        });
    }

    @Override
    public void close() {
        byAccount.values().forEach(connection -> connection.client.close());
        byAccount.clear();
    }

    private record Connection(Route53Client client, SdkRoute53Gateway gateway) {
    }
}
