package io.zonebridge.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The start-up line's credentials source is in words, whatever short code the SDK gives it. */
class ConnectionIdentityTest {

    @Test
    void theSdksProviderCodesBecomeWords() {
        String staticCode = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE00001", "s"))
                .resolveCredentials().providerName().orElseThrow();
        assertEquals("keys given in the configuration", ConnectionIdentity.readable(staticCode));
        System.setProperty("aws.accessKeyId", "AKIAEXAMPLE00002");
        System.setProperty("aws.secretAccessKey", "s");
        try {
            String property = SystemPropertyCredentialsProvider.create().resolveCredentials().providerName()
                    .orElseThrow();
            assertEquals("JVM system properties", ConnectionIdentity.readable(property));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        assertEquals("keys given in the configuration, then STS assume role",
                ConnectionIdentity.readable(staticCode + ",i"));
        assertEquals("SomethingNew", ConnectionIdentity.readable("SomethingNew"), "an unknown name stays as it is");
    }

    @Test
    void aDeadEndpointStillGivesOneLineWithTheSourceAndKey() {
        AwsEndpoint endpoint = new AwsEndpoint(Region.US_EAST_1, URI.create("http://127.0.0.1:9"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLEABCD", "s")));
        String line = ConnectionIdentity.describe(endpoint);
        assertTrue(line.startsWith("credentials from keys given in the configuration (key …ABCD), account unknown"),
                line);
    }
}
