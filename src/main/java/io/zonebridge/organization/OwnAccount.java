package io.zonebridge.organization;

import software.amazon.awssdk.services.sts.StsClient;

/**
 * The account zonebridge's own credentials act in, asked of STS (GetCallerIdentity, which needs no IAM
 * permission): the network account when none is configured.
 */
public final class OwnAccount {

    private OwnAccount() {
    }

    /** The twelve-digit id of the account of {@code endpoint}'s credentials. */
    public static String of(AwsEndpoint endpoint) {
        try (StsClient sts = endpoint.configure(StsClient.builder()).build()) {
            return sts.getCallerIdentity().account();
        }
    }
}
