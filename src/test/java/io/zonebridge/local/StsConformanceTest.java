package io.zonebridge.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STS AssumeRole and GetCallerIdentity through the real SDK, and Route 53 acting in the assumed account. */
class StsConformanceTest {
    static final String ACCOUNT_A = "111111111111";
    static final String ACCOUNT_B = "222222222222";
    static final String GUARDED_ROLE = "arn:aws:iam::" + ACCOUNT_B + ":role/zonebridge-guarded";
    private final LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults()
            .withRoleExternalIds(Map.of(GUARDED_ROLE, "secret-external-id")));

    @BeforeEach
    void start() {
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static StsClient sts(LocalAwsServer server, AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(credentials).build();
    }

    static StaticCredentialsProvider key(String accessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret"));
    }

    static Route53Client route53(LocalAwsServer server, AwsCredentialsProvider credentials) {
        return Route53Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.AWS_GLOBAL)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(credentials).build();
    }

    @Test
    void temporaryKeysStandForTheirAccount() {
        String key = AccountIds.temporaryAccessKey(ACCOUNT_B, 12345);
        assertEquals(20, key.length());
        assertTrue(key.startsWith("ASIA" + ACCOUNT_B), key);
        assertEquals(ACCOUNT_B, AccountIds.fromAccessKey(key));
        assertEquals(ACCOUNT_B, AccountIds.fromAuthorization("AWS4-HMAC-SHA256 Credential=" + key
                + "/20240514/us-east-1/route53/aws4_request, SignedHeaders=host, Signature=00"));
        assertFalse(AccountIds.fromAccessKey("ASIAEXAMPLE0000SSO01").equals(ACCOUNT_B));
        assertThrows(IllegalArgumentException.class, () -> AccountIds.temporaryAccessKey("12345", 1));
    }

    @Test
    void getCallerIdentityOfAPlainKeyIsTheAccountRoot() {
        try (StsClient sts = sts(server, key(ACCOUNT_A))) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertEquals(ACCOUNT_A, identity.account());
            assertEquals("arn:aws:iam::" + ACCOUNT_A + ":root", identity.arn());
        }
    }

    @Test
    void assumedCredentialsActInTheRolesAccount() {
        String roleArn = "arn:aws:iam::" + ACCOUNT_B + ":role/zonebridge-reader";
        try (StsClient sts = sts(server, key(ACCOUNT_A));
             StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                     .refreshRequest(r -> r.roleArn(roleArn).roleSessionName("zonebridge-reconcile")).build();
             Route53Client asB = route53(server, assumed);
             Route53Client keyOfA = route53(server, key(ACCOUNT_A));
             Route53Client keyOfB = route53(server, key(ACCOUNT_B));
             StsClient stsAsB = sts(server, assumed)) {
            String zoneId = asB.createHostedZone(b -> b.name("assumed.zonebridge-test.net")
                    .callerReference(UUID.randomUUID().toString())).hostedZone().id();
            List<String> inB = keyOfB.listHostedZones().hostedZones().stream().map(HostedZone::id).toList();
            assertEquals(List.of(zoneId), inB);
            assertTrue(keyOfA.listHostedZones().hostedZones().isEmpty(), "account A must not see B's zone");
            GetCallerIdentityResponse identity = stsAsB.getCallerIdentity();
            assertEquals(ACCOUNT_B, identity.account());
            assertEquals("arn:aws:sts::" + ACCOUNT_B + ":assumed-role/zonebridge-reader/zonebridge-reconcile",
                    identity.arn());
            assertTrue(identity.userId().matches("AROA[A-Z2-7]{17}:zonebridge-reconcile"), identity.userId());
        }
    }

    @Test
    void assumeRoleAnswersCredentialsAndUserLikeAws() {
        try (StsClient sts = sts(server, key(ACCOUNT_A))) {
            AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT_B
                    + ":role/path/to/deployer").roleSessionName("ci").durationSeconds(900));
            assertEquals("arn:aws:sts::" + ACCOUNT_B + ":assumed-role/deployer/ci", response.assumedRoleUser().arn());
            assertEquals(ACCOUNT_B, AccountIds.fromAccessKey(response.credentials().accessKeyId()));
            assertFalse(response.credentials().sessionToken().isEmpty());
            long seconds = response.credentials().expiration().getEpochSecond() - System.currentTimeMillis() / 1000;
            assertTrue(seconds > 880 && seconds <= 900, "expires in " + seconds + " s");
        }
    }

    @Test
    void externalIdIsEnforcedWhenTheRoleHasOne() {
        try (StsClient sts = sts(server, key(ACCOUNT_A))) {
            StsException missing = assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn(GUARDED_ROLE)
                    .roleSessionName("s1")));
            assertEquals(403, missing.statusCode());
            assertEquals("AccessDenied", missing.awsErrorDetails().errorCode());
            assertEquals("User: arn:aws:iam::" + ACCOUNT_A + ":root is not authorized to perform: sts:AssumeRole on "
                    + "resource: " + GUARDED_ROLE, missing.awsErrorDetails().errorMessage());
            StsException wrong = assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn(GUARDED_ROLE)
                    .roleSessionName("s1").externalId("guess")));
            assertEquals(403, wrong.statusCode());
            AssumeRoleResponse ok = sts.assumeRole(r -> r.roleArn(GUARDED_ROLE).roleSessionName("s1")
                    .externalId("secret-external-id"));
            assertEquals(ACCOUNT_B, AccountIds.fromAccessKey(ok.credentials().accessKeyId()));
        }
    }

    @Test
    void badRoleArnAndSessionNameAreValidationErrors() {
        try (StsClient sts = sts(server, key(ACCOUNT_A))) {
            StsException arn = assertThrows(StsException.class, () -> sts.assumeRole(r -> r
                    .roleArn("arn:aws:iam::123:user/x").roleSessionName("ok-name")));
            assertEquals(400, arn.statusCode());
            assertEquals("ValidationError", arn.awsErrorDetails().errorCode());
            StsException session = assertThrows(StsException.class, () -> sts.assumeRole(r -> r
                    .roleArn("arn:aws:iam::" + ACCOUNT_B + ":role/r").roleSessionName("has space")));
            assertEquals("ValidationError", session.awsErrorDetails().errorCode());
        }
    }

    @Test
    void sessionCredentialsWithTheRightKeyWorkWithoutTheProvider() {
        try (StsClient sts = sts(server, key(ACCOUNT_A))) {
            AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT_B + ":role/r")
                    .roleSessionName("manual"));
            AwsSessionCredentials credentials = AwsSessionCredentials.create(response.credentials().accessKeyId(),
                    response.credentials().secretAccessKey(), response.credentials().sessionToken());
            try (StsClient asB = sts(server, StaticCredentialsProvider.create(credentials))) {
                assertEquals(ACCOUNT_B, asB.getCallerIdentity().account());
            }
        }
    }
}
