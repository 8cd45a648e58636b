package io.zonebridge.organization;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials per AWS account: the network (own) account uses the own credentials (the default chain in
 * production); every other account gets an SDK {@link StsAssumeRoleCredentialsProvider} assuming the
 * configured role with session name {@code zonebridge} (and the external id, if set). One provider per
 * account is created on first use and kept: the SDK caches its session credentials and refreshes them
 * before they expire, so STS is called once per account per session, not once per request. Thread-safe;
 * {@link #close()} closes the providers and the STS client.
 */
public final class AccountCredentials implements AutoCloseable {

    private final StsClient sts;
    private final String ownAccountId;
    private final AwsCredentialsProvider ownCredentials;
    private final AssumeRoleSettings role;
    private final Map<String, AwsCredentialsProvider> byAccount = new ConcurrentHashMap<>();

    /**
     * @param sts          the STS client (signed with the own credentials), closed with this object
     * @param ownAccountId the network account zonebridge runs in
     * @param ownCredentials credentials of the network account
     * @param role         the role to assume in the other accounts
     */
    public AccountCredentials(StsClient sts, String ownAccountId, AwsCredentialsProvider ownCredentials,
                              AssumeRoleSettings role) {
        this.sts = Objects.requireNonNull(sts, "sts");
        this.ownAccountId = Objects.requireNonNull(ownAccountId, "ownAccountId");
        this.ownCredentials = Objects.requireNonNull(ownCredentials, "ownCredentials");
        this.role = Objects.requireNonNull(role, "role");
    }

    /** Credentials for the accounts of the organisation, with STS reached through {@code endpoint}. */
    public static AccountCredentials connect(AwsEndpoint endpoint, String ownAccountId, AssumeRoleSettings role) {
        return new AccountCredentials(endpoint.configure(StsClient.builder()).build(), ownAccountId,
                endpoint.credentials(), role);
    }

    /** The network account's id. */
    public String ownAccountId() {
        return ownAccountId;
    }

    /** The credentials provider for {@code accountId} (the same instance on every call). */
    public AwsCredentialsProvider forAccount(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.equals(ownAccountId)) {
            return ownCredentials;
        }
        return byAccount.computeIfAbsent(accountId, this::assumeRole);
    }

    private AwsCredentialsProvider assumeRole(String accountId) {
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(r -> {
                    r.roleArn(role.roleArn(accountId))
                            .roleSessionName(AssumeRoleSettings.SESSION_NAME)
                            .durationSeconds((int) role.sessionDuration().toSeconds());
                    if (role.externalId() != null) {
                        r.externalId(role.externalId());
                    }
                })
                .build();
    }

    @Override
    public void close() {
        byAccount.values().forEach(provider -> {
            if (provider instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        });
        byAccount.clear();
        sts.close();
    }
}
