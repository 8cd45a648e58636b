package io.zonebridge.cli;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.route53.ZoneSelector;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.route53.Route53Client;

import java.net.URI;
import java.util.Optional;

/**
 * Options that pick a hosted zone and say how to reach Route 53. Credentials and region come from
 * the standard AWS chain; {@code --endpoint} (or {@code ZONEBRIDGE_ENDPOINT}) points at the local
 * emulator, which needs no AWS account.
 */
public final class Route53Options {

    @Option(names = "--zone", paramLabel = "NAME|ID", description = "Hosted zone: its id (Z...) or its name.")
    String zone;

    @ArgGroup(exclusive = true)
    Visibility visibility;

    @Option(names = "--vpc", paramLabel = "VPC_ID", description = "The private zone associated with this VPC.")
    String vpc;

    @Option(names = "--vpc-region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "Region of --vpc (default: ${DEFAULT-VALUE}).")
    String vpcRegion;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "${env:ZONEBRIDGE_ENDPOINT}",
            description = "Route 53 endpoint, e.g. http://127.0.0.1:4566 for `zonebridge local` (env ZONEBRIDGE_ENDPOINT).")
    URI endpoint;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "5",
            description = "Route 53 requests per second for this account (default: ${DEFAULT-VALUE}).")
    double rate;

    /** {@code --private} or {@code --public}. */
    static final class Visibility {
        @Option(names = "--private", description = "The private zone of that name.")
        boolean privateZone;

        @Option(names = "--public", description = "The public zone of that name.")
        boolean publicZone;
    }

    boolean hasZone() {
        return zone != null;
    }

    ZoneSelector selector() {
        Optional<Boolean> visible = visibility == null ? Optional.empty() : Optional.of(visibility.privateZone);
        return new ZoneSelector(zone, vpc != null ? Optional.of(true) : visible, Optional.ofNullable(vpc), vpcRegion);
    }

    /** A client with the shared limiter, retries and call counting. */
    Route53Client client(Route53ClientFactory factory) {
        factory.rateLimiter(new AccountRateLimiter(rate)).credentials(credentials());
        if (endpoint != null) {
            factory.endpoint(endpoint);
        }
        return factory.create();
    }

    SdkRoute53Gateway gateway(Route53Client client, Route53ClientFactory factory) {
        return new SdkRoute53Gateway(client, factory.callCounter());
    }

    private AwsCredentialsProvider credentials() {
        return Route53Connection.credentials(endpoint != null);
    }
}
