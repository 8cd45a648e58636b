package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The templates grant exactly the AWS API operations the product code calls: the network account's task
 * role the runtime calls, the member accounts' read role the member-account reads (see
 * {@link PermissionScopes} for the split), and every other policy document only its documented
 * infrastructure grant.
 */
class IamCoverageTest {

    /** Policy documents that serve AWS services, not zonebridge's code, and what each may grant. */
    private static final Map<String, Set<String>> INFRASTRUCTURE_GRANTS = Map.ofEntries(
            Map.entry("network-account.yaml TaskRole AssumeRolePolicyDocument", Set.of("sts:AssumeRole")),
            Map.entry("network-account.yaml ExecutionRole AssumeRolePolicyDocument", Set.of("sts:AssumeRole")),
            Map.entry("network-account.yaml ExecutionRole Policies/zonebridge-task-execution", Set.of(
                    "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                    "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents", "secretsmanager:GetSecretValue")),
            Map.entry("network-account.yaml EventsQueuePolicy PolicyDocument", Set.of("sqs:SendMessage")),
            Map.entry("network-account.yaml Ec2EventsQueuePolicy PolicyDocument", Set.of("sqs:SendMessage")),
            Map.entry("network-account.yaml OrganizationPutEvents Statement", Set.of("events:PutEvents")),
            Map.entry("member-account-stackset.yaml ForwardingRole AssumeRolePolicyDocument", Set.of("sts:AssumeRole")),
            Map.entry("member-account-stackset.yaml ForwardingRole Policies/zonebridge-forward-events", Set.of("events:PutEvents")),
            Map.entry("member-account-stackset.yaml ReadRole AssumeRolePolicyDocument", Set.of("sts:AssumeRole")));

    private static PermissionScopes scopes;
    private static CloudFormationTemplate network;
    private static CloudFormationTemplate member;

    @BeforeAll
    static void scan() {
        scopes = ProductApiCalls.scopes(DeployTemplates.ROUTES);
        network = CloudFormationTemplate.load(DeployTemplates.NETWORK);
        member = CloudFormationTemplate.load(DeployTemplates.MEMBER);
    }

    @Test
    void taskRoleGrantsExactlyTheRuntimeCalls() {
        String role = DeployTemplates.taskRole(network);
        GrantComparison comparison = GrantComparison.of("network-account.yaml " + role,
                scopes.networkAccount(), network.actionsGrantedTo(role));
        assertTrue(comparison.exact(), () -> comparison.message(scopes::callersOf));
    }

    @Test
    void memberReadRoleGrantsExactlyTheMemberAccountReads() {
        String role = DeployTemplates.crossAccountRole(member);
        GrantComparison comparison = GrantComparison.of("member-account-stackset.yaml " + role,
                scopes.memberAccounts(), member.actionsGrantedTo(role));
        assertTrue(comparison.exact(), () -> comparison.message(scopes::callersOf));
    }

    @Test
    void theCodeCallsWhatTheTemplatesAreBuiltAround() {
        // the scan must find the operations the service cannot run without; an empty scan would make the
        // exact-grant checks pass against an empty role
        Set<IamAction> network = scopes.networkAccount();
        for (String action : List.of("route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets",
                "route53:ListHostedZones", "route53:GetChange", "ec2:DescribeInstances", "dynamodb:GetItem")) {
            assertTrue(network.contains(IamAction.parse(action)), action + " not found by the scan: " + network);
        }
        assertFalse(scopes.memberAccounts().stream().anyMatch(a -> !PermissionScopes.MEMBER_SERVICES.contains(a.service())),
                "member accounts get only " + PermissionScopes.MEMBER_SERVICES);
    }

    @Test
    void everyOtherPolicyDocumentGrantsOnlyItsInfrastructureActions() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (CloudFormationTemplate template : List.of(network, member)) {
            String file = template.source().substring(template.source().lastIndexOf('/') + 1);
            String codeRole = template == network ? DeployTemplates.taskRole(template)
                    : DeployTemplates.crossAccountRole(template);
            for (CloudFormationTemplate.PolicyDocument document : template.policyDocuments()) {
                boolean codeGrant = document.resource().equals(codeRole) && document.property().startsWith("Policies/");
                if (!codeGrant) {
                    found.put(file + " " + document.resource() + " " + document.property(),
                            CloudFormationTemplate.allowedActions(document.document()).stream()
                                    .map(IamAction::toString).collect(Collectors.toCollection(TreeSet::new)));
                }
            }
        }
        assertEquals(new TreeMap<>(INFRASTRUCTURE_GRANTS), found);
    }

    @Test
    void rolesUseNoManagedPolicies() {
        for (CloudFormationTemplate template : List.of(network, member)) {
            for (String role : template.resourcesOfType("AWS::IAM::Role")) {
                assertTrue(template.properties(role).path("ManagedPolicyArns").isMissingNode(),
                        template.source() + " " + role + " attaches managed policies (grants not checked here)");
            }
        }
    }

    @Test
    void removingAnActionFromTheTaskRoleIsReportedAsMissingWithItsCaller() {
        CloudFormationTemplate template = CloudFormationTemplate.load(DeployTemplates.NETWORK);
        String role = DeployTemplates.taskRole(template);
        IamAction removed = IamAction.parse("route53:ChangeResourceRecordSets");
        ArrayNode actions = statementActions(template, role, removed);
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).asText().equals(removed.toString())) {
                actions.remove(i);
            }
        }
        GrantComparison comparison = GrantComparison.of(role, scopes.networkAccount(), template.actionsGrantedTo(role));
        assertEquals(Set.of(removed), comparison.missing());
        assertEquals(Set.of(), comparison.extra());
        String message = comparison.message(scopes::callersOf);
        assertTrue(message.contains("missing (add to the template):\n    route53:ChangeResourceRecordSets"), message);
        assertTrue(message.contains("io.zonebridge.route53.SdkRoute53Gateway"), message);
    }

    @Test
    void anActionTheCodeDoesNotCallIsReportedAsExtra() {
        CloudFormationTemplate template = CloudFormationTemplate.load(DeployTemplates.MEMBER);
        String role = DeployTemplates.crossAccountRole(template);
        statementActions(template, role, IamAction.parse("route53:ListHostedZones")).add("route53:DeleteHostedZone");
        GrantComparison comparison = GrantComparison.of(role, scopes.memberAccounts(), template.actionsGrantedTo(role));
        assertEquals(Set.of(IamAction.parse("route53:DeleteHostedZone")), comparison.extra());
        assertEquals(Set.of(), comparison.missing());
        assertTrue(comparison.message(scopes::callersOf).contains("extra (the code does not call them"));
    }

    private static ArrayNode statementActions(CloudFormationTemplate template, String role, IamAction containing) {
        for (CloudFormationTemplate.PolicyDocument document : template.identityPoliciesOf(role)) {
            for (JsonNode statement : document.document().path("Statement")) {
                for (JsonNode action : statement.path("Action")) {
                    if (action.asText().equals(containing.toString())) {
                        return (ArrayNode) statement.get("Action");
                    }
                }
            }
        }
        throw new AssertionError(role + " grants no statement with " + containing);
    }
}
