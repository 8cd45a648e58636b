package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link SdkCallScanner} maps every kind of SDK call to the IAM action it needs, and nothing else. */
class SdkCallScannerTest {

    private static JavaClasses fixture() {
        return ProductApiCalls.withoutClassPathResolution(() -> new ClassFileImporter().importClasses(SdkCallFixture.class));
    }

    @Test
    void mapsCallsPaginatorsWaitersLambdasReferencesAndCredentialsProviders() {
        Set<String> actions = new SdkCallScanner()
                .scan(fixture()).stream()
                .map(call -> call.action().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(
                "route53:ChangeResourceRecordSets",
                "route53:ListHostedZonesByVPC",
                "route53:ListResourceRecordSets",
                "route53:GetChange",
                "dynamodb:DescribeTable",
                "dynamodb:GetItem",
                "route53:GetHostedZone",
                "sts:AssumeRole")), actions);
    }

    @Test
    void namesTheCaller() {
        assertEquals(Set.of(SdkCallFixture.class.getName()), new SdkCallScanner()
                .scan(fixture()).stream()
                .map(ApiCall::caller).collect(Collectors.toSet()));
    }

    @Test
    void keepsTheApiSpellingOfOperationNames() {
        String client = "software.amazon.awssdk.services.route53.Route53Client";
        assertEquals(Optional.of("ListHostedZonesByVPC"), SdkCallScanner.operationOf(client, "listHostedZonesByVPC"));
        assertEquals(Optional.of("AssociateVPCWithHostedZone"),
                SdkCallScanner.operationOf(client, "associateVPCWithHostedZone"));
        assertEquals(Optional.of("ListHostedZones"), SdkCallScanner.operationOf(client, "listHostedZonesPaginator"));
        assertEquals(Optional.of("GetChange"), SdkCallScanner.operationOf(
                "software.amazon.awssdk.services.route53.waiters.Route53Waiter", "waitUntilResourceRecordSetsChanged"));
    }

    @Test
    void methodsThatAreNotOperationsMapToNothing() {
        String client = "software.amazon.awssdk.services.dynamodb.DynamoDbClient";
        assertEquals(Optional.empty(), SdkCallScanner.operationOf(client, "waiter"));
        assertEquals(Optional.empty(), SdkCallScanner.operationOf(client, "close"));
        assertEquals(Optional.empty(), SdkCallScanner.operationOf(client, "serviceClientConfiguration"));
    }
}
