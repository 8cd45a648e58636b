package io.zonebridge.organization;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.reverse.AutodefinedReverseMode;
import io.zonebridge.reverse.AutodefinedReverseReport;
import io.zonebridge.reverse.AutodefinedReverseReport.VpcStatus;
import io.zonebridge.reverse.AutodefinedReverseSwitch;
import io.zonebridge.reverse.VpcRef;
import io.zonebridge.route53.AccountRateLimiters;
import io.zonebridge.route53.ResolverConfigGateway;
import io.zonebridge.route53.Route53ClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.AutodefinedReverseFlag;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ResolverConfigGateway} and {@link AutodefinedReverseSwitch} through the real SDK clients against the
 * project's emulator ({@link LocalAwsServer}: Route 53 and Resolver configs; moto does not serve
 * GetResolverConfig), used as a black box.
 */
class AutodefinedReverseEmulatorTest {

    private static final String ACCOUNT = "111111111111";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "secret"));

    private static LocalAwsServer emulator;
    private static URI endpoint;
    private final Map<String, ResolverConfigGateway> gateways = new HashMap<>();

    @BeforeAll
    static void start() {
        emulator = new LocalAwsServer();
        emulator.start(0);
        endpoint = URI.create(emulator.endpoint());
        try (Route53Client route53 = Route53Client.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String app = privateZone(route53, "app.internal.", "vpc-0a1", "us-east-1");
            route53.associateVPCWithHostedZone(r -> r.hostedZoneId(app).vpc(v -> v.vpcId("vpc-0b2").vpcRegion("eu-west-1")));
            privateZone(route53, "data.internal.", "vpc-0a1", "us-east-1");
            privateZone(route53, "1.0.10.in-addr.arpa.", "vpc-0ee", "us-east-1");
            route53.createHostedZone(r -> r.name("public.example.org.").callerReference(UUID.randomUUID().toString()));
        }
        try (Route53ResolverClient resolver = Route53ResolverClient.builder().endpointOverride(endpoint)
                .region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            resolver.updateResolverConfig(r -> r.resourceId("vpc-0b2").autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE));
        }
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @AfterEach
    void closeGateways() {
        gateways.values().forEach(ResolverConfigGateway::close);
    }

    private static String privateZone(Route53Client route53, String name, String vpc, String region) {
        String id = route53.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                .vpc(v -> v.vpcId(vpc).vpcRegion(region)).hostedZoneConfig(c -> c.privateZone(true))).hostedZone().id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private ResolverConfigGateway gateway(String region) {
        return gateways.computeIfAbsent(region, r -> ResolverConfigGateway.connect(Region.of(r), endpoint, CREDENTIALS));
    }

    private long calls(String operation) {
        return gateways.values().stream().mapToLong(g -> g.stats().requests(operation)).sum();
    }

    @Test
    void allModeDisablesTheVpcsOfPrivateForwardZonesOnceAndReportsWhatChanged() {
        Set<VpcRef> inScope;
        try (AccountCredentials credentials = AccountCredentials.connect(
                new AwsEndpoint(Region.US_EAST_1, endpoint, CREDENTIALS), ACCOUNT, AssumeRoleSettings.role("zonebridge"));
             AssumedRoleRoute53 route53 = new AssumedRoleRoute53(credentials, new AccountRateLimiters(50),
                     account -> new Route53ClientFactory().endpoint(endpoint))) {
            inScope = new PrivateZoneVpcs(route53::gateway, route53::client).of(List.of(ACCOUNT));
            assertEquals(1, route53.calls(ACCOUNT).requests("ListHostedZones"));
            assertEquals(2, route53.calls(ACCOUNT).requests("GetHostedZone"), "the two private forward zones only");
        }
        assertEquals(Set.of(new VpcRef("vpc-0a1", "us-east-1"), new VpcRef("vpc-0b2", "eu-west-1")), inScope,
                "VPCs of private forward zones; the reverse zone's VPC is not in scope");

        AutodefinedReverseSwitch allVpcs = new AutodefinedReverseSwitch(AutodefinedReverseMode.ALL, List.of(), this::gateway);
        AutodefinedReverseReport first = allVpcs.apply(inScope);

        assertTrue(first.failures().isEmpty(), first.failures().toString());
        assertEquals(List.of(new VpcStatus(new VpcRef("vpc-0b2", "eu-west-1"), "DISABLED", "DISABLED"),
                new VpcStatus(new VpcRef("vpc-0a1", "us-east-1"), "ENABLED", "DISABLING")), first.vpcs());
        assertEquals(List.of(new VpcRef("vpc-0a1", "us-east-1")), first.changed().stream().map(VpcStatus::vpc).toList());
        assertEquals(2, calls("GetResolverConfig"));
        assertEquals(1, calls("UpdateResolverConfig"));
        assertEquals("DISABLED", gateway("us-east-1").autodefinedReverse("vpc-0a1"));

        AutodefinedReverseReport second = allVpcs.apply(inScope);
        assertTrue(second.changed().isEmpty(), "idempotent: " + second);
        assertEquals(1, calls("UpdateResolverConfig"), "no update for VPCs already off");
    }

    @Test
    void listedModeTouchesOnlyTheListedVpcsAndOffTouchesNothing() {
        AutodefinedReverseReport off = new AutodefinedReverseSwitch(AutodefinedReverseMode.OFF, List.of(), this::gateway)
                .apply(Set.of(new VpcRef("vpc-0c3", "us-east-1")));
        assertTrue(off.vpcs().isEmpty());
        assertEquals(0, calls("GetResolverConfig") + calls("UpdateResolverConfig"));

        AutodefinedReverseReport listed = new AutodefinedReverseSwitch(AutodefinedReverseMode.LISTED,
                List.of(new VpcRef("vpc-0c3", "us-east-1")), this::gateway).apply(Set.of(new VpcRef("vpc-0d4", "us-east-1")));
        assertEquals(List.of(new VpcStatus(new VpcRef("vpc-0c3", "us-east-1"), "ENABLED", "DISABLING")), listed.vpcs());
        assertEquals("ENABLED", gateway("us-east-1").autodefinedReverse("vpc-0d4"), "VPCs in scope but not listed stay");
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThrows(IllegalArgumentException.class,
                () -> new AutodefinedReverseSwitch(AutodefinedReverseMode.LISTED, List.of(), this::gateway));
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> AutodefinedReverseMode.fromLabel("some"));
        assertTrue(mode.getMessage().contains("off, listed or all"), mode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gateway("us-east-1").autodefinedReverse("subnet-1"));
        assertEquals(AutodefinedReverseMode.ALL, AutodefinedReverseMode.fromLabel(" All "));
    }
}
