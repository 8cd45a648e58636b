package io.zonebridge.organization;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import software.amazon.awssdk.services.sts.model.StsException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-account credentials through the local emulator's STS, which keeps state per account and demands a role's
 * external id when configured to: assumed role per member, own credentials for the network account.
 */
class AccountCredentialsTest {

    private static final String MEMBER = "210987654321";
    private static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/ops/zonebridge-reader";
    private static LocalAwsServer server;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        server = new LocalAwsServer(LocalRoute53Options.defaults().withRoleExternalIds(Map.of(ROLE, "ext-42")));
        server.start(0);
        endpoint = URI.create(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void assumesTheConfiguredRoleOncePerAccountAndSessionAndActsInThatAccount() {
        String member = MEMBER;
        List<AssumeRoleRequest> sent = new CopyOnWriteArrayList<>();
        StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(TestOrganization.MANAGEMENT_CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof AssumeRoleRequest request) {
                            sent.add(request);
                        }
                    }
                })).build();
        AssumeRoleSettings role = new AssumeRoleSettings("ops/zonebridge-reader", "ext-42", "aws", Duration.ofMinutes(30));
        try (AccountCredentials credentials = new AccountCredentials(sts, TestOrganization.MANAGEMENT,
                TestOrganization.MANAGEMENT_CREDENTIALS, role)) {
            assertSame(TestOrganization.MANAGEMENT_CREDENTIALS, credentials.forAccount(TestOrganization.MANAGEMENT),
                    "the network account uses its own credentials");
            AwsCredentialsProvider provider = credentials.forAccount(member);
            assertSame(provider, credentials.forAccount(member), "one provider per account");
            provider.resolveCredentials();
            provider.resolveCredentials();
            assertEquals(1, sent.size(), "session credentials are cached until they near expiry");
            AssumeRoleRequest request = sent.get(0);
            assertEquals("arn:aws:iam::" + member + ":role/ops/zonebridge-reader", request.roleArn());
            assertEquals("zonebridge", request.roleSessionName());
            assertEquals("ext-42", request.externalId());
            assertEquals(1800, request.durationSeconds());

            try (StsClient asMember = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(provider).httpClientBuilder(ApacheHttpClient.builder()).build()) {
                String arn = asMember.getCallerIdentity().arn();
                assertEquals(member, asMember.getCallerIdentity().account());
                assertTrue(arn.endsWith("/zonebridge"), arn);
            }
        }
    }

    @Test
    void aWrongExternalIdIsRefusedBySts() {
        AssumeRoleSettings role = new AssumeRoleSettings("ops/zonebridge-reader", "wrong", "aws", Duration.ofHours(1));
        try (AccountCredentials credentials = AccountCredentials.connect(new AwsEndpoint(Region.US_EAST_1, endpoint,
                TestOrganization.MANAGEMENT_CREDENTIALS), TestOrganization.MANAGEMENT, role)) {
            StsException error = assertThrows(StsException.class,
                    () -> credentials.forAccount(MEMBER).resolveCredentials());
            assertEquals("AccessDenied", error.awsErrorDetails().errorCode());
        }
    }

    @Test
    void settingsAndSelectionsRefuseBadInput() {
        assertThrows(IllegalArgumentException.class, () -> AssumeRoleSettings.role("bad role name"));
        assertThrows(IllegalArgumentException.class,
                () -> new AssumeRoleSettings("r", null, "aws", Duration.ofMinutes(5)));
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> new AccountSelection(Set.of("12345"), Set.of()));
        assertTrue(id.getMessage().contains("'12345'"), id.getMessage());
        AccountSelection selection = new AccountSelection(Set.of("111111111111", "222222222222"), Set.of("222222222222"));
        assertTrue(selection.selects("111111111111"));
        assertTrue(!selection.selects("222222222222") && !selection.selects("333333333333"));
        assertTrue(AccountSelection.ALL.selects("333333333333"));
    }
}
