package io.zonebridge.doctor;

import io.zonebridge.organization.AwsEndpoint;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.Route53ClientFactory;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;

/**
 * The three clients doctor reads through (Route 53 with the account's rate limit, Route 53 Resolver and EC2 in the
 * VPC's region), each with an optional endpoint override, and the {@link Doctor} over them. Closing closes them.
 */
public final class DoctorConnection implements AutoCloseable {

    private final Route53Client route53;
    private final Route53ResolverClient resolver;
    private final Ec2Client ec2;

    /**
     * Connects.
     *
     * @param region           the VPC's region (Resolver and EC2)
     * @param endpoint         Route 53 and Resolver endpoint override (the local emulator), or null for AWS
     * @param ec2Endpoint      EC2 endpoint override, or null for AWS
     * @param credentials      the operator's credentials
     * @param route53PerSecond Route 53 requests per second for the account
     */
    public DoctorConnection(Region region, URI endpoint, URI ec2Endpoint, AwsCredentialsProvider credentials,
                            double route53PerSecond) {
        Objects.requireNonNull(region, "region");
        Route53ClientFactory factory = new Route53ClientFactory().credentials(credentials)
                .rateLimiter(new AccountRateLimiter(route53PerSecond));
        if (endpoint != null) {
            factory.endpoint(endpoint);
        }
        this.route53 = factory.create();
        AwsEndpoint aws = new AwsEndpoint(region, endpoint, credentials);
        this.resolver = aws.configure(Route53ResolverClient.builder()).build();
        this.ec2 = aws.at(ec2Endpoint).configure(Ec2Client.builder()).build();
    }

    /** A doctor over these clients. */
    public Doctor doctor() {
        return new Doctor(new ResolverReads(resolver), new HostedZoneReads(route53), new Ec2Reads(ec2));
    }

    @Override
    public void close() {
        route53.close();
        resolver.close();
        ec2.close();
    }
}
