package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the member-account StackSet must wire: the trusted principal, the external id, event forwarding. */
class MemberAccountTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NETWORK_BUS =
            "{\"Fn::Sub\":\"arn:${AWS::Partition}:events:${NetworkRegion}:${NetworkAccountId}:event-bus/default\"}";
    private final CloudFormationTemplate template = CloudFormationTemplate.load(DeployTemplates.MEMBER);

    @Test
    void readRoleTrustsOnlyTheNetworkTaskRoleWithOptionalExternalId() throws Exception {
        String role = DeployTemplates.crossAccountRole(template);
        JsonNode properties = template.properties(role);
        assertEquals("{\"Ref\":\"ReadRoleName\"}", properties.path("RoleName").toString());
        JsonNode trust = properties.path("AssumeRolePolicyDocument").path("Statement");
        assertEquals(1, trust.size());
        assertEquals("{\"AWS\":{\"Ref\":\"NetworkTaskRoleArn\"}}", trust.path(0).path("Principal").toString());
        assertEquals(JSON.readTree("""
                {"Fn::If": ["HasExternalId", {"StringEquals": {"sts:ExternalId": {"Ref": "ExternalId"}}},
                            {"Ref": "AWS::NoValue"}]}"""), trust.path(0).path("Condition"));
    }

    @Test
    void rulesForwardRoute53AndEc2EventsToTheNetworkBusThroughTheForwardingRole() throws Exception {
        List<String> rules = template.resourcesOfType("AWS::Events::Rule");
        assertEquals(List.of("Route53ChangeForwardRule", "Ec2StateForwardRule"), rules);
        for (String rule : rules) {
            JsonNode target = template.properties(rule).path("Targets").path(0);
            assertEquals(NETWORK_BUS, target.path("Arn").toString(), rule);
            assertEquals("{\"Fn::GetAtt\":[\"ForwardingRole\",\"Arn\"]}", target.path("RoleArn").toString(), rule);
        }
        assertEquals(JSON.readTree("""
                {"source":["aws.route53"],"detail-type":["AWS API Call via CloudTrail"],
                 "detail":{"eventSource":["route53.amazonaws.com"],"eventName":["ChangeResourceRecordSets"]}}"""),
                template.properties("Route53ChangeForwardRule").path("EventPattern"));
        assertEquals("InUsEast1", template.resources().get("Route53ChangeForwardRule").path("Condition").asText());
        assertEquals(NETWORK_BUS, template.identityPoliciesOf("ForwardingRole").get(0).document()
                .path("Statement").path(0).path("Resource").toString());
    }
}
