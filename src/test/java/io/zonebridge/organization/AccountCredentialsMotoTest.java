package io.zonebridge.organization;

import io.zonebridge.testpeers.MotoServer;
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

/** Per-account credentials through a real STS (moto_server): assumed role per member, own chain for the network account. */
class AccountCredentialsMotoTest {

    private static MotoServer moto;
    private static MotoOrganization org;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        org = new MotoOrganization(moto);
    }

    @AfterAll
    static void stop() throws Exception {
        org.close();
        moto.close();
    }

    @Test
    void assumesTheConfiguredRoleOncePerAccountAndSessionAndActsInThatAccount() {
        String member = org.createAccount("member");
        List<AssumeRoleRequest> sent = new CopyOnWriteArrayList<>();
        StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(MotoOrganization.MANAGEMENT_CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof AssumeRoleRequest request) {
                            sent.add(request);
                        }
                    }
                })).build();
        AssumeRoleSettings role = new AssumeRoleSettings("ops/zonebridge-reader", "ext-42", "aws", Duration.ofMinutes(30));
        try (AccountCredentials credentials = new AccountCredentials(sts, MotoOrganization.MANAGEMENT,
                MotoOrganization.MANAGEMENT_CREDENTIALS, role)) {
            assertSame(MotoOrganization.MANAGEMENT_CREDENTIALS, credentials.forAccount(MotoOrganization.MANAGEMENT),
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

            try (StsClient asMember = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(provider).httpClientBuilder(ApacheHttpClient.builder()).build()) {
                String arn = asMember.getCallerIdentity().arn();
                assertEquals(member, asMember.getCallerIdentity().account());
                assertTrue(arn.endsWith("/zonebridge"), arn);
            }
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
