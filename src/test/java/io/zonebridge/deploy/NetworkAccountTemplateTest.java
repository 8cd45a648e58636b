package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the network-account stack must wire: task size, queue and dead-letter queue, rules, NLB, scoping. */
class NetworkAccountTemplateTest {

    /**
     * Actions IAM authorises only on {@code "*"} (no resource-level permissions); any other action must
     * name its resources.
     */
    static final Set<String> ACTIONS_WITHOUT_RESOURCE_LEVEL = Set.of(
            "route53:ListHostedZones", "route53:ListHostedZonesByVPC", "route53:CreateHostedZone",
            "ec2:DescribeInstances", "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeDhcpOptions",
            "organizations:ListAccounts", "sqs:ListQueues", "ecr:GetAuthorizationToken", "sts:GetCallerIdentity");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CloudFormationTemplate template = CloudFormationTemplate.load(DeployTemplates.NETWORK);

    @Test
    void fargateTaskOfQuarterVcpuAndHalfGigabyte() {
        JsonNode task = template.properties("TaskDefinition");
        assertEquals("256", task.path("Cpu").asText());
        assertEquals("512", task.path("Memory").asText());
        assertEquals("[\"FARGATE\"]", task.path("RequiresCompatibilities").toString());
        JsonNode container = task.path("ContainerDefinitions").path(0);
        assertEquals("{\"Ref\":\"ZonebridgeImage\"}", container.path("Image").toString());
        assertEquals("awslogs", container.path("LogConfiguration").path("LogDriver").asText());
        assertEquals("{\"Ref\":\"LogGroup\"}", container.path("LogConfiguration").path("Options").path("awslogs-group").toString());
        JsonNode check = container.path("HealthCheck").path("Command");
        assertEquals("[\"CMD\",\"bash\",\"-c\"]", JSON.createArrayNode().add(check.get(0)).add(check.get(1))
                .add(check.get(2)).toString());
        String probe = check.path(3).path("Fn::Sub").asText();
        assertTrue(probe.contains("/dev/tcp/127.0.0.1/${HealthPort}") && probe.contains("GET /observe/health/live "), probe);
        assertEquals("{\"Ref\":\"TsigSecretArn\"}", container.path("Secrets").path(0).path("ValueFrom").toString());
    }

    @Test
    void eventQueueRedrivesToTheDeadLetterQueue() {
        JsonNode redrive = template.properties("EventsQueue").path("RedrivePolicy");
        assertEquals("{\"Fn::GetAtt\":[\"EventsDeadLetterQueue\",\"Arn\"]}", redrive.path("deadLetterTargetArn").toString());
        assertEquals("{\"Ref\":\"MaxReceiveCount\"}", redrive.path("maxReceiveCount").toString());
    }

    @Test
    void rulesMatchTheDocumentedPatterns() throws Exception {
        assertEquals(JSON.readTree("""
                {"source":["aws.route53"],"detail-type":["AWS API Call via CloudTrail"],
                 "detail":{"eventSource":["route53.amazonaws.com"],"eventName":["ChangeResourceRecordSets"]}}"""),
                template.properties("Route53ChangeRule").path("EventPattern"));
        assertEquals(JSON.readTree("""
                {"source":["aws.ec2"],"detail-type":["EC2 Instance State-change Notification"],
                 "detail":{"state":["running","stopped","shutting-down","terminated"]}}"""),
                template.properties("Ec2StateChangeRule").path("EventPattern"));
        assertEquals(JSON.readTree("""
                {"source":["aws.ec2"],"detail-type":["AWS API Call via CloudTrail"],
                 "detail":{"eventSource":["ec2.amazonaws.com"],"eventName":["CreateTags","DeleteTags"]}}"""),
                template.properties("Ec2TagChangeRule").path("EventPattern"));
        assertEquals("{\"Ref\":\"ReconcileSchedule\"}",
                template.properties("ReconcileScheduleRule").path("ScheduleExpression").toString());
    }

    @Test
    void eachJobsRulesTargetItsOwnQueueAndEachQueuePolicyAdmitsExactlyThoseRules() {
        List<String> rules = template.resourcesOfType("AWS::Events::Rule");
        assertEquals(4, rules.size());
        Map<String, Set<String>> targeting = new java.util.TreeMap<>();
        for (String rule : rules) {
            JsonNode targets = template.properties(rule).path("Targets");
            assertEquals(1, targets.size(), rule);
            targeting.computeIfAbsent(targets.path(0).path("Arn").path("Fn::GetAtt").path(0).asText(),
                    q -> new TreeSet<>()).add(rule);
        }
        // the reverse job and the EC2 job each delete the messages they ignore, so they cannot share a queue
        assertEquals(Map.of("EventsQueue", Set.of("Route53ChangeRule", "ReconcileScheduleRule"),
                "Ec2EventsQueue", Set.of("Ec2StateChangeRule", "Ec2TagChangeRule")), targeting);
        for (Map.Entry<String, Set<String>> queue : targeting.entrySet()) {
            JsonNode statement = template.properties(queue.getKey() + "Policy").path("PolicyDocument")
                    .path("Statement").path(0);
            assertEquals("events.amazonaws.com", statement.path("Principal").path("Service").asText());
            Set<String> admitted = new TreeSet<>();
            for (JsonNode arn : statement.path("Condition").path("ArnEquals").path("aws:SourceArn")) {
                admitted.add(arn.path("Fn::GetAtt").path(0).asText());
            }
            assertEquals(queue.getValue(), admitted, queue.getKey());
            JsonNode redrive = template.properties(queue.getKey()).path("RedrivePolicy");
            assertTrue(redrive.has("deadLetterTargetArn"), queue.getKey() + " has a dead-letter queue");
        }
    }

    @Test
    void organisationMayPutEventsOnTheDefaultBus() {
        JsonNode statement = template.properties("OrganizationPutEvents").path("Statement");
        assertEquals("events:PutEvents", statement.path("Action").asText());
        assertEquals("{\"Ref\":\"OrganizationId\"}",
                statement.path("Condition").path("StringEquals").path("aws:PrincipalOrgID").toString());
    }

    @Test
    void ec2StateTableIsOnDemandWithTtl() {
        JsonNode table = template.properties("Ec2StateTable");
        assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText());
        assertEquals("expiresAt", table.path("TimeToLiveSpecification").path("AttributeName").asText());
        assertEquals("pk", table.path("KeySchema").path(0).path("AttributeName").asText());
    }

    @Test
    void ptrOwnershipTablesAreOnDemandKeyedByZoneAndPtrAndOnlyTheirOwnGrantReachesThem() {
        for (String name : List.of("PtrOwnershipTable", "Ec2PtrOwnershipTable")) {
            JsonNode table = template.properties(name);
            assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText(), name);
            assertEquals("zone", table.path("KeySchema").path(0).path("AttributeName").asText(), name);
            assertEquals("HASH", table.path("KeySchema").path(0).path("KeyType").asText(), name);
            assertEquals("ptr", table.path("KeySchema").path(1).path("AttributeName").asText(), name);
            assertEquals("RANGE", table.path("KeySchema").path(1).path("KeyType").asText(), name);
        }
        JsonNode statement = null;
        for (CloudFormationTemplate.PolicyDocument document : template.identityPoliciesOf(DeployTemplates.taskRole(template))) {
            for (JsonNode candidate : document.document().path("Statement")) {
                if (candidate.path("Sid").asText().equals("PtrOwnershipTables")) {
                    statement = candidate;
                }
            }
        }
        assertTrue(statement != null, "the task role has statement PtrOwnershipTables");
        assertEquals("[{\"Fn::GetAtt\":[\"PtrOwnershipTable\",\"Arn\"]},{\"Fn::GetAtt\":[\"Ec2PtrOwnershipTable\",\"Arn\"]}]",
                statement.path("Resource").toString());
        assertEquals("[\"dynamodb:BatchWriteItem\",\"dynamodb:CreateTable\",\"dynamodb:DescribeTable\",\"dynamodb:Query\"]",
                statement.path("Action").toString());
    }

    @Test
    void notifyArrivesOverUdpAndTcpAndIsHealthCheckedOnTheHttpPort() {
        JsonNode listener = template.properties("NotifyListener");
        assertEquals("TCP_UDP", listener.path("Protocol").asText());
        assertEquals("{\"Ref\":\"NotifyListenerPort\"}", listener.path("Port").toString());
        JsonNode group = template.properties("NotifyTargetGroup");
        assertEquals("TCP_UDP", group.path("Protocol").asText());
        List<String> mapped = new ArrayList<>();
        template.properties("TaskDefinition").path("ContainerDefinitions").path(0).path("PortMappings").forEach(m -> {
            if (m.path("ContainerPort").toString().equals("{\"Ref\":\"NotifyContainerPort\"}")) {
                mapped.add(m.path("Protocol").asText());
            }
        });
        assertEquals(List.of("udp", "tcp"), mapped, "the task maps the NOTIFY port on both protocols");
        assertEquals("HTTP", group.path("HealthCheckProtocol").asText());
        assertEquals("{\"Ref\":\"HealthPort\"}", group.path("HealthCheckPort").toString());
        assertEquals("{\"Ref\":\"NotifyTargetGroup\"}",
                template.properties("Service").path("LoadBalancers").path(0).path("TargetGroupArn").toString());
    }

    @Test
    void notifyIngressOnlyFromTheParameterisedPrimaries() {
        List<JsonNode> rules = new ArrayList<>();
        for (String group : template.resourcesOfType("AWS::EC2::SecurityGroup")) {
            template.properties(group).path("SecurityGroupIngress").forEach(rules::add);
        }
        for (String ingress : template.resourcesOfType("AWS::EC2::SecurityGroupIngress")) {
            rules.add(template.properties(ingress));
        }
        int udp = 0;
        int tcp = 0;
        for (JsonNode rule : rules) {
            assertFalse(rule.toString().contains("0.0.0.0/0"), rule.toString());
            if (rule.has("CidrIp")) {
                assertTrue(rule.path("CidrIp").path("Ref").asText().startsWith("NotifyPrimaryCidr"), rule.toString());
                assertTrue(rule.path("FromPort").toString().contains("Notify"), "only the NOTIFY port: " + rule);
                udp += rule.path("IpProtocol").asText().equals("udp") ? 1 : 0;
                tcp += rule.path("IpProtocol").asText().equals("tcp") ? 1 : 0;
            } else {
                assertTrue(rule.has("SourceSecurityGroupId"), "other ingress only from the NLB: " + rule);
            }
        }
        assertEquals(6, udp, "NOTIFY over UDP from each of 3 primaries, at the NLB and at the task");
        assertEquals(6, tcp, "NOTIFY over TCP from each of 3 primaries, at the NLB and at the task");
    }

    @Test
    void wildcardResourcesOnlyForActionsWithoutResourceLevelPermissions() {
        for (String role : template.resourcesOfType("AWS::IAM::Role")) {
            for (CloudFormationTemplate.PolicyDocument document : template.identityPoliciesOf(role)) {
                for (JsonNode statement : document.document().path("Statement")) {
                    if (!"*".equals(statement.path("Resource").asText())) {
                        continue;
                    }
                    for (JsonNode action : statement.path("Action")) {
                        assertTrue(ACTIONS_WITHOUT_RESOURCE_LEVEL.contains(action.asText()),
                                role + " grants " + action.asText() + " on * although IAM can scope it");
                    }
                }
            }
        }
    }
}
