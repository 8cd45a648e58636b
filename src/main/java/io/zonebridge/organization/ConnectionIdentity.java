package io.zonebridge.organization;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Who an AWS connection acts as, for the start-up log: where its credentials came from (the provider that gave
 * them), the access key id shortened to its last four characters, and the account STS names for them. Never a
 * secret. Describing never throws: what cannot be found out is said so.
 */
public final class ConnectionIdentity {

    private static final Duration STS_TIMEOUT = Duration.ofSeconds(3);

    private ConnectionIdentity() {
    }

    /**
     * One line like {@code credentials from EnvironmentVariableCredentialsProvider (key …LOCAL0), account
     * 123456789012}.
     */
    public static String describe(AwsEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        AwsCredentials credentials;
        try {
            credentials = endpoint.credentials().resolveCredentials();
        } catch (RuntimeException e) {
            return "no credentials found (" + firstLine(e) + ")";
        }
        String source = credentials.providerName().orElse(endpoint.credentials().getClass().getSimpleName());
        String key = credentials.accessKeyId();
        String shortKey = key.length() <= 4 ? key : "…" + key.substring(key.length() - 4);
        String account;
        try {
            account = "account " + accountOf(endpoint);
        } catch (RuntimeException e) {
            account = "account unknown (STS GetCallerIdentity: " + firstLine(e) + ")";
        }
        return "credentials from " + source + " (key " + shortKey + "), " + account;
    }

    /** STS GetCallerIdentity, once, within a few seconds: a dead endpoint must not hold up the start. */
    private static String accountOf(AwsEndpoint endpoint) {
        try (StsClient sts = endpoint.configure(StsClient.builder()).overrideConfiguration(c -> c
                .apiCallTimeout(STS_TIMEOUT).retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            return sts.getCallerIdentity().account();
        }
    }

    private static String firstLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
