package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ProvisioningClasses} follows the classes only the provisioning entry points use. */
class ProvisioningClassesTest {

    private static final String FIXTURE = "io.zonebridge.deploy.fixture.";

    @Test
    void classesUsedOnlyByProvisioningAreProvisioning() {
        Set<String> provisioning = ProvisioningClasses.of(
                new ClassFileImporter().importPackages("io.zonebridge.deploy.fixture"),
                List.of(FIXTURE + "ProvisionRoot"));
        assertEquals(Set.of(FIXTURE + "ProvisionRoot", FIXTURE + "OnlyFromRoot", FIXTURE + "Deeper"), provisioning);
    }

    @Test
    void scopesKeepSharedCallsForTheTaskRole() {
        IamAction createRule = IamAction.parse("events:PutRule");
        IamAction list = IamAction.parse("route53:ListHostedZones");
        PermissionScopes scopes = new PermissionScopes(List.of(
                new ApiCall(createRule, FIXTURE + "OnlyFromRoot$Inner"),
                new ApiCall(list, FIXTURE + "OnlyFromRoot"),
                new ApiCall(list, FIXTURE + "Shared")),
                Set.of(FIXTURE + "ProvisionRoot", FIXTURE + "OnlyFromRoot"));
        assertEquals(Set.of(createRule), scopes.provisioningOnly());
        assertEquals(Set.of(list), scopes.networkAccount());
        assertEquals(Set.of(list), scopes.memberAccounts());
    }

    @Test
    void memberAccountsGetReadsOfRoute53AndEc2ButNotGetChangeAndDependentsAreAdded() {
        PermissionScopes scopes = new PermissionScopes(List.of(
                new ApiCall(IamAction.parse("route53:ListHostedZonesByVPC"), "a.B"),
                new ApiCall(IamAction.parse("route53:GetChange"), "a.B"),
                new ApiCall(IamAction.parse("route53:ChangeResourceRecordSets"), "a.B"),
                new ApiCall(IamAction.parse("dynamodb:GetItem"), "a.C")), Set.of());
        assertEquals(Set.of(IamAction.parse("route53:ListHostedZonesByVPC"), IamAction.parse("ec2:DescribeVpcs")),
                scopes.memberAccounts());
        assertEquals(5, scopes.networkAccount().size());
    }
}
