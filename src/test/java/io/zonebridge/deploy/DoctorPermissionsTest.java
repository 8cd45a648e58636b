package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code zonebridge doctor} is an operator command: the reads it makes (Resolver rules and endpoints, network ACLs,
 * route tables, ...) are found by the scan, are the operator's, and are not granted to the task role; the README
 * lists exactly them.
 */
class DoctorPermissionsTest {

    /** What doctor calls (the README's list), with ec2:DescribeVpcs that ListHostedZonesByVPC needs. */
    private static final Set<String> DOCTOR_ACTIONS = Set.of(
            "route53:ListHostedZonesByVPC", "route53:ListHostedZonesByName", "route53:ListResourceRecordSets",
            "route53resolver:ListResolverRules", "route53resolver:ListResolverRuleAssociations",
            "route53resolver:GetResolverConfig", "route53resolver:GetResolverEndpoint",
            "route53resolver:ListResolverEndpointIpAddresses",
            "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcPeeringConnections",
            "ec2:DescribeTransitGatewayVpcAttachments", "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls",
            "ec2:DescribeRouteTables", "ec2:DescribeSubnets");

    @Test
    void doctorIsAnOperatorCommandWhoseReadsTheTaskRoleDoesNotGet() {
        PermissionScopes scopes = ProductApiCalls.scopes(DeployTemplates.ROUTES);
        Set<String> doctorCalls = new TreeSet<>();
        for (String action : DOCTOR_ACTIONS) {
            if (scopes.callersOf(IamAction.parse(action)).stream()
                    .anyMatch(c -> c.startsWith("io.zonebridge.doctor.") || c.startsWith("io.zonebridge.cli.Doctor"))) {
                doctorCalls.add(action);
            }
        }
        Set<String> expected = new TreeSet<>(DOCTOR_ACTIONS);
        expected.remove("ec2:DescribeVpcs");   // called by doctor too, but also by the runtime (see below)
        doctorCalls.remove("ec2:DescribeVpcs");
        assertEquals(expected, doctorCalls, "the scan finds every call doctor makes");
        Set<String> network = scopes.networkAccount().stream().map(IamAction::toString).collect(Collectors.toSet());
        for (String onlyDoctor : Set.of("route53resolver:ListResolverRules", "route53resolver:GetResolverEndpoint",
                "route53resolver:ListResolverEndpointIpAddresses", "route53resolver:ListResolverRuleAssociations",
                "ec2:DescribeNetworkAcls", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups",
                "ec2:DescribeVpcPeeringConnections", "ec2:DescribeTransitGatewayVpcAttachments",
                "route53:ListHostedZonesByName")) {
            assertFalse(network.contains(onlyDoctor), onlyDoctor + " must not reach the task role");
            assertTrue(scopes.provisioningOnly().contains(IamAction.parse(onlyDoctor)), onlyDoctor);
        }
    }
}
