package io.zonebridge.organization;

import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * The account zonebridge's own credentials act in, asked of STS (GetCallerIdentity, which needs no IAM
 * permission): the network account when none is configured.
 */
public final class OwnAccount {

    private OwnAccount() {
    }

    /** The twelve-digit id of the account of {@code endpoint}'s credentials. */
    public static String of(AwsEndpoint endpoint) {
        StsClientBuilder builder = StsClient.builder()
                .region(endpoint.region())
                .credentialsProvider(endpoint.credentials())
                .httpClientBuilder(ApacheHttpClient.builder());
        endpoint.override().ifPresent(builder::endpointOverride);
        try (StsClient sts = builder.build()) {
            return sts.getCallerIdentity().account();
        }
    }
}
