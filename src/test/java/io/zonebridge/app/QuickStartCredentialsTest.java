package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.local.AccountIds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;

/**
 * The quick start behaves the same whatever AWS keys or profile the environment has: with the embedded Route 53 the
 * service uses the local key, so the sample zone is where the README's AWS CLI command looks, and the start-up log
 * says which credentials and account the connection uses (never the secret).
 */
class QuickStartCredentialsTest {

    private static final Pattern ROUTE53_LINE = Pattern.compile(
            "Route 53 at (http://127\\.0\\.0\\.1:\\d+): credentials from (.+?) \\(key …(\\w{4})\\), account (\\d{12})");

    @TempDir
    Path dir;

    @Test
    void embeddedRoute53IgnoresTheCallersKeysAndSaysWhoItIs() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.freePorts());
        env.put("AWS_ACCESS_KEY_ID", "111122223333");
        env.put("AWS_SECRET_ACCESS_KEY", "caller-secret-never-logged");
        env.put("AWS_PROFILE", "someone-elses");
        try (ServiceProcess service = ServiceProcess.start(env, dir.resolve("service.log"))) {
            assertTrue(service.awaitLog("APPLIED", Duration.ofSeconds(90)), service.log());
            // logged once the service is ready (every zone's first run over), not on the start-up's path
            assertTrue(service.awaitLog(": credentials from", Duration.ofSeconds(30)), service.log());
            Matcher line = ROUTE53_LINE.matcher(service.log());
            assertTrue(line.find(), service.log());
            assertEquals("keys given in the configuration", line.group(2), "the source in words, not the SDK's code");
            assertEquals("CAL0", line.group(3), "the local key, not the environment's");
            String localAccount = AccountIds.fromAccessKey("AKIAZONEBRIDGELOCAL0");
            assertEquals(localAccount, line.group(4));
            try (Route53Client cli = Route53Client.builder().region(Region.AWS_GLOBAL)
                    .endpointOverride(URI.create(line.group(1)))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIAZONEBRIDGELOCAL0", "local"))).build()) {
                List<String> zones = cli.listHostedZones().hostedZones().stream().map(HostedZone::name).toList();
                assertEquals(List.of("example.internal."), zones, "the README's aws command sees the sample zone");
            }
            assertTrue(!service.log().contains("caller-secret-never-logged"), "a secret was logged");
        }
    }
}
