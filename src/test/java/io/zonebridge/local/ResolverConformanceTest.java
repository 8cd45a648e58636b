package io.zonebridge.local;

import io.zonebridge.app.Eventually;
import java.time.Duration;
import io.zonebridge.testpeers.EmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.AutodefinedReverseFlag;
import software.amazon.awssdk.services.route53resolver.model.ResolverAutodefinedReverseStatus;
import software.amazon.awssdk.services.route53resolver.model.ResolverConfig;
import software.amazon.awssdk.services.route53resolver.model.ResourceNotFoundException;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route 53 Resolver configs (route53-api.md §10) through the real Route53ResolverClient. */
@ExtendWith(EmulatorExtension.class)
class ResolverConformanceTest {
    private static LocalAwsServer server;
    private static Route53ResolverClient resolver;

    @BeforeAll
    static void start(LocalAwsServer emulator) {
        server = emulator;
        resolver = client(server, "123456789012");
    }

    @AfterAll
    static void stop() {
        resolver.close();
    }

    static Route53ResolverClient client(LocalAwsServer target, String accessKey) {
        return Route53ResolverClient.builder().endpointOverride(URI.create(target.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "s")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void neverUpdatedVpcIsEnabledWithStableRslvrRcId() {
        ResolverConfig config = resolver.getResolverConfig(b -> b.resourceId("vpc-0aaa")).resolverConfig();
        assertEquals(ResolverAutodefinedReverseStatus.ENABLED, config.autodefinedReverse());
        assertEquals("vpc-0aaa", config.resourceId());
        assertEquals("123456789012", config.ownerId());
        assertTrue(config.id().matches("rslvr-rc-[0-9a-f]{16}"), config.id());
        assertEquals(config.id(), resolver.getResolverConfig(b -> b.resourceId("vpc-0aaa")).resolverConfig().id());
    }

    @Test
    void updateAnswersDisablingThenGetShowsDisabled() {
        ResolverConfig updated = resolver.updateResolverConfig(b -> b.resourceId("vpc-0bbb")
                .autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE)).resolverConfig();
        assertEquals(ResolverAutodefinedReverseStatus.DISABLING, updated.autodefinedReverse());
        assertEquals(ResolverAutodefinedReverseStatus.DISABLED,
                resolver.getResolverConfig(b -> b.resourceId("vpc-0bbb")).resolverConfig().autodefinedReverse());
        assertEquals(ResolverAutodefinedReverseStatus.ENABLING, resolver.updateResolverConfig(b -> b
                .resourceId("vpc-0bbb").autodefinedReverseFlag(AutodefinedReverseFlag.ENABLE)).resolverConfig()
                .autodefinedReverse());
    }

    @Test
    void transitionalStatusLastsThePendingTime() throws InterruptedException {
        LocalAwsServer slow = new LocalAwsServer(LocalRoute53Options.defaults().withPendingMillis(500));
        slow.start(0);
        try (Route53ResolverClient client = client(slow, "AKIASLOWRESOLVER")) {
            long sent = System.nanoTime();
            client.updateResolverConfig(b -> b.resourceId("vpc-0ccc").autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE));
            assertEquals(ResolverAutodefinedReverseStatus.DISABLING,
                    client.getResolverConfig(b -> b.resourceId("vpc-0ccc")).resolverConfig().autodefinedReverse());
            Eventually.assertWithin(Duration.ofSeconds(10), () -> client.getResolverConfig(b -> b.resourceId("vpc-0ccc"))
                    .resolverConfig().autodefinedReverse() == ResolverAutodefinedReverseStatus.DISABLED,
                    () -> "DISABLING becomes DISABLED");
            assertTrue(System.nanoTime() - sent >= Duration.ofMillis(500).toNanos(), "not before the pending time");
        } finally {
            slow.stop();
        }
    }

    @Test
    void listResolverConfigsPagesThroughUpdatedConfigs() {
        LocalAwsServer own = new LocalAwsServer();
        own.start(0);
        try (Route53ResolverClient client = client(own, "AKIALISTRESOLVER")) {
            for (int i = 0; i < 7; i++) {
                String vpc = "vpc-0d" + i;
                client.updateResolverConfig(b -> b.resourceId(vpc).autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE));
            }
            List<ResolverConfig> all = client.listResolverConfigsPaginator(b -> b.maxResults(5)).resolverConfigs()
                    .stream().toList();
            assertEquals(7, all.size());
            assertTrue(all.stream().allMatch(c -> c.autodefinedReverse() == ResolverAutodefinedReverseStatus.DISABLED));
            assertEquals(2, own.counters().requests("ListResolverConfigs"));
        } finally {
            own.stop();
        }
    }

    @Test
    void configsArePerAccount() {
        resolver.updateResolverConfig(b -> b.resourceId("vpc-0eee").autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE));
        try (Route53ResolverClient other = client(server, "210987654321")) {
            assertEquals(ResolverAutodefinedReverseStatus.ENABLED,
                    other.getResolverConfig(b -> b.resourceId("vpc-0eee")).resolverConfig().autodefinedReverse());
        }
    }

    @Test
    void malformedVpcIdIsResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> resolver.getResolverConfig(b -> b.resourceId("not-a-vpc")));
        assertEquals("[RSLVR-00718] Resource with ID 'not-a-vpc' does not exist.", e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
    }

    @Test
    void maxResultsOutOfRangeIsValidationException() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> resolver.listResolverConfigs(b -> b.maxResults(2)));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }
}
