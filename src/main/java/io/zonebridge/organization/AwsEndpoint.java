package io.zonebridge.organization;

import io.zonebridge.route53.SdkHttpClients;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom an AWS client of the network (own) account connects: the signing region, an optional
 * endpoint override (a local emulator or moto_server, for example {@code http://127.0.0.1:5000}), and the
 * credentials (the default provider chain unless given).
 *
 * @param region      signing region
 * @param endpoint    endpoint override, or {@code null} for AWS's own endpoint
 * @param credentials the own account's credentials
 */
public record AwsEndpoint(Region region, URI endpoint, AwsCredentialsProvider credentials) {

    public AwsEndpoint {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** AWS itself in {@code region}, with the default credentials chain. */
    public static AwsEndpoint aws(Region region) {
        return new AwsEndpoint(region, null, DefaultCredentialsProvider.builder().build());
    }

    /** The same region and credentials at another endpoint ({@code null}: AWS's own). */
    public AwsEndpoint at(URI otherEndpoint) {
        return new AwsEndpoint(region, otherEndpoint, credentials);
    }

    /**
     * Sets the region, credentials, endpoint override (when there is one) and the Apache HTTP client on an SDK
     * client builder: the one way every zonebridge client of this account is configured.
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials).httpClientBuilder(SdkHttpClients.apache(endpoint));
        override().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** The endpoint override, if any. */
    public Optional<URI> override() {
        return Optional.ofNullable(endpoint);
    }
}
