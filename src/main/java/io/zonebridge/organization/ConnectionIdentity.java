package io.zonebridge.organization;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.useragent.BusinessMetricFeatureId;
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
     * One line like {@code credentials from environment variables (key …CAL0), account 123456789012}.
     */
    public static String describe(AwsEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        AwsCredentials credentials;
        try {
            credentials = endpoint.credentials().resolveCredentials();
        } catch (RuntimeException e) {
            return "no credentials found (" + firstLine(e) + ")";
        }
        String source = credentials.providerName().map(ConnectionIdentity::readable)
                .orElse(endpoint.credentials().getClass().getSimpleName());
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

    /**
     * The SDK names a credentials source by short feature codes ({@code g}: environment variables; a chain joins
     * several with commas, e.g. {@code e,i} for keys that assumed a role): each code becomes words, an unknown one
     * stays as the SDK spelt it.
     */
    static String readable(String providerName) {
        List<String> parts = new ArrayList<>();
        for (String code : providerName.split(",")) {
            parts.add(Arrays.stream(BusinessMetricFeatureId.values())
                    .filter(id -> id.name().startsWith("CREDENTIALS_") && id.value().equals(code.trim()))
                    .findFirst().map(ConnectionIdentity::words).orElse(code.trim()));
        }
        return String.join(", then ", parts);
    }

    private static String words(BusinessMetricFeatureId id) {
        return switch (id) {
            case CREDENTIALS_CODE -> "keys given in the configuration";
            case CREDENTIALS_ENV_VARS -> "environment variables";
            case CREDENTIALS_JVM_SYSTEM_PROPERTIES -> "JVM system properties";
            case CREDENTIALS_HTTP -> "the container credentials endpoint";
            case CREDENTIALS_IMDS -> "the instance metadata service";
            default -> id.name().substring("CREDENTIALS_".length()).toLowerCase(Locale.ROOT).replace('_', ' ')
                    .replace("sts", "STS").replace("sso", "SSO").replace("web id", "web identity");
        };
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
