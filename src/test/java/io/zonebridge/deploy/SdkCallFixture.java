package io.zonebridge.deploy;

import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcRequest;
import software.amazon.awssdk.services.route53.waiters.Route53Waiter;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Compiled only, never run: the kinds of SDK call {@link SdkCallScannerTest} must recognise (direct calls,
 * {@code Consumer} overloads, paginators, waiters, calls inside lambdas, method references, credentials
 * providers) and methods that are not operations.
 */
final class SdkCallFixture {

    private SdkCallFixture() {
    }

    static void calls(Route53Client route53, DynamoDbClient dynamo, StsClient sts) {
        route53.changeResourceRecordSets(r -> r.hostedZoneId("Z1"));
        route53.listHostedZonesByVPC(ListHostedZonesByVpcRequest.builder().vpcId("vpc-1").build());
        route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId("Z1")).resourceRecordSets().forEach(rr -> { });
        try (Route53Waiter waiter = Route53Waiter.builder().client(route53).build()) {
            waiter.waitUntilResourceRecordSetsChanged(r -> r.id("C1"));
        }
        dynamo.waiter().waitUntilTableExists(r -> r.tableName("t"));
        Runnable inLambda = () -> dynamo.getItem(r -> r.tableName("t"));
        inLambda.run();
        Function<GetHostedZoneRequest, ?> reference = route53::getHostedZone;
        reference.apply(GetHostedZoneRequest.builder().id("Z1").build());
        StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(r -> r.roleArn("a")).build();
        route53.serviceName();
        route53.close();
    }
}
