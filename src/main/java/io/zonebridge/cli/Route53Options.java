package io.zonebridge.cli;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.route53.ZoneSelector;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Options that pick a hosted zone and say how to reach Route 53 (a mixin of {@code plan} and {@code apply}).
 * Credentials and region come from the standard AWS chain; {@code --endpoint} (or {@code ZONEBRIDGE_ENDPOINT})
 * points at the local emulator, which needs no AWS account. The client fails fast on an unreachable endpoint
 * ({@link CommandLineRetries}).
 */
public final class Route53Options {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--zone", paramLabel = "NAME|ID", description = "Hosted zone: its id (Z...) or its name.")
    String zone;

    @Option(names = "--private", description = "The private zone of that name.")
    boolean privateZone;

    @Option(names = "--public", description = "The public zone of that name.")
    boolean publicZone;

    @Option(names = "--vpc", paramLabel = "VPC_ID", description = "The private zone associated with this VPC.")
    String vpc;

    @Option(names = "--vpc-region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "Region of --vpc (default: ${DEFAULT-VALUE}).")
    String vpcRegion;

    @Mixin
    EndpointOption endpoint;

    @Mixin
    RateOption rate;

    boolean hasZone() {
        return zone != null;
    }

    ZoneSelector selector() {
        if (privateZone && publicZone) {
            throw OptionValues.error(spec, "--private", "give --private or --public, not both");
        }
        Optional<Boolean> visible = privateZone || publicZone ? Optional.of(privateZone) : Optional.empty();
        return new ZoneSelector(zone, vpc != null ? Optional.of(true) : visible, Optional.ofNullable(vpc), vpcRegion);
    }

    /** A client with the shared limiter, call counting and the command line's timeouts and retries. */
    Route53Client client(Route53ClientFactory factory) {
        factory.rateLimiter(new AccountRateLimiter(rate.perSecond())).credentials(credentials())
                .timeouts(CommandLineRetries.CONNECT, CommandLineRetries.attemptTimeout(rate.perSecond()))
                .retryStrategy(CommandLineRetries.strategy());
        if (endpoint.uri() != null) {
            factory.endpoint(endpoint.uri());
        }
        return factory.create();
    }

    SdkRoute53Gateway gateway(Route53Client client, Route53ClientFactory factory) {
        return new SdkRoute53Gateway(client, factory.callCounter());
    }

    /**
     * Reports a failed Route 53 call in one line and returns the exit code: {@link ExitCodes#UNAVAILABLE} when Route
     * 53 could not be reached (refused, timed out, unknown host), {@link ExitCodes#FAILED} when it answered an error.
     */
    int failed(SdkException e, PrintWriter err) {
        if (e instanceof SdkClientException) {
            err.println("error: cannot reach Route 53 at " + (endpoint.uri() == null ? "AWS" : endpoint.uri()) + ": "
                    + CommandErrors.causes(e));
            return ExitCodes.UNAVAILABLE;
        }
        err.println("error: Route 53: " + e.getMessage());
        return ExitCodes.FAILED;
    }

    private AwsCredentialsProvider credentials() {
        return Route53Connection.credentials(endpoint.uri() != null);
    }
}
