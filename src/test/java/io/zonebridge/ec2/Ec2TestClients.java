package io.zonebridge.ec2;

import io.zonebridge.testpeers.MotoServer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** EC2 clients pointed at a test peer. */
final class Ec2TestClients {

    private Ec2TestClients() {
    }

    static Ec2Client against(MotoServer moto) {
        return Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(MotoServer.credentials())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
