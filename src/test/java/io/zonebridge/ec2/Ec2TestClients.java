package io.zonebridge.ec2;

import io.zonebridge.local.Ec2Timings;
import io.zonebridge.local.LocalAwsServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.net.URI;

/** The project's emulator as the EC2 peer of the ec2 tests, and SDK clients pointed at it. */
final class Ec2TestClients {

    /** The account the tests' access key stands for in the emulator. */
    static final String ACCOUNT = "123456789012";
    /** Fast state transitions (pending → running in 50 ms), terminated instances visible for an hour. */
    static final Ec2Timings FAST = new Ec2Timings(50, 3_600_000);

    private Ec2TestClients() {
    }

    /** A started emulator with {@link #FAST} EC2 timings. */
    static LocalAwsServer emulator() {
        LocalAwsServer server = new LocalAwsServer().withEc2Timings(FAST);
        server.start(0);
        return server;
    }

    static Ec2Client against(LocalAwsServer server) {
        return Ec2Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "secret")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
