package io.zonebridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The deployment templates in {@code deploy/} and the principals the IAM checks care about. */
public final class DeployTemplates {

    /** The network-account stack. */
    public static final Path NETWORK = Path.of("deploy", "network-account.yaml");
    /** The member-account StackSet template. */
    public static final Path MEMBER = Path.of("deploy", "member-account-stackset.yaml");
    /** The route files the service loads. */
    public static final Path ROUTES = Path.of("routes");

    private DeployTemplates() {
    }

    /** The logical id of the role every ECS task definition runs its code as (exactly one). */
    public static String taskRole(CloudFormationTemplate template) {
        List<String> roles = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::ECS::TaskDefinition")) {
            roles.add(template.properties(id).path("TaskRoleArn").path("Fn::GetAtt").path(0).asText());
        }
        return single(roles, template, "task role (TaskRoleArn: !GetAtt Role.Arn)");
    }

    /** The logical id of the role another account's principal assumes (exactly one). */
    public static String crossAccountRole(CloudFormationTemplate template) {
        List<String> roles = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::IAM::Role")) {
            for (JsonNode statement : template.properties(id).path("AssumeRolePolicyDocument").path("Statement")) {
                if (statement.path("Principal").has("AWS")) {
                    roles.add(id);
                }
            }
        }
        return single(roles, template, "role trusted by an AWS principal");
    }

    private static String single(List<String> found, CloudFormationTemplate template, String what) {
        if (found.size() != 1 || found.get(0).isEmpty()) {
            throw new IllegalStateException(template.source() + ": expected exactly one " + what + ", found " + found);
        }
        return found.get(0);
    }
}
