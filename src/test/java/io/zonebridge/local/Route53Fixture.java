package io.zonebridge.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPC;
import software.amazon.awssdk.services.route53.model.VPCRegion;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Real AWS SDK v2 clients pointed at a running {@link LocalAwsServer}, and small builders for record sets. */
final class Route53Fixture {
    static final String ACCESS_KEY = "AKIAEXAMPLEKEY000001";

    private Route53Fixture() {
    }

    /** A Route 53 client for {@code accessKey} that does not retry. */
    static Route53Client client(LocalAwsServer server, String accessKey) {
        return Route53Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** Creates a public zone and returns its bare id. */
    static String publicZone(Route53Client r53, String name) {
        return r53.createHostedZone(b -> b.name(name).callerReference(UUID.randomUUID().toString()))
                .hostedZone().id();
    }

    /** Creates a private zone in {@code vpcId} (us-east-1). */
    static CreateHostedZoneResponse privateZone(Route53Client r53, String name, String vpcId) {
        return r53.createHostedZone(b -> b.name(name).callerReference(UUID.randomUUID().toString())
                .vpc(VPC.builder().vpcId(vpcId).vpcRegion(VPCRegion.US_EAST_1).build()));
    }

    /** A simple record set. */
    static ResourceRecordSet set(String name, String type, long ttl, String... values) {
        return ResourceRecordSet.builder().name(name).type(type).ttl(ttl)
                .resourceRecords(Arrays.stream(values).map(v -> ResourceRecord.builder().value(v).build()).toList())
                .build();
    }

    /** A record set built freely. */
    static ResourceRecordSet set(Consumer<ResourceRecordSet.Builder> builder) {
        ResourceRecordSet.Builder b = ResourceRecordSet.builder();
        builder.accept(b);
        return b.build();
    }

    /** A change. */
    static Change change(String action, ResourceRecordSet set) {
        return Change.builder().action(action).resourceRecordSet(set).build();
    }

    /** Submits one batch. */
    static ChangeResourceRecordSetsResponse apply(Route53Client r53, String zoneId, Change... changes) {
        return r53.changeResourceRecordSets(b -> b.hostedZoneId(zoneId)
                .changeBatch(cb -> cb.changes(List.of(changes))));
    }

    /** Submits CREATE changes for {@code sets}. */
    static ChangeResourceRecordSetsResponse create(Route53Client r53, String zoneId, ResourceRecordSet... sets) {
        return apply(r53, zoneId, Arrays.stream(sets).map(s -> change(ChangeAction.CREATE.toString(), s))
                .toArray(Change[]::new));
    }

    /** Asserts that {@code call} fails with {@code status}/{@code code}/{@code message}. */
    static AwsServiceException assertAwsError(int status, String code, String message, Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
        assertEquals(status, e.statusCode());
        return e;
    }
}
