package io.zonebridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Structural checks of a CloudFormation template: every resource has a type, every reference names a
 * declared parameter, resource, pseudo parameter or condition, every parameter is used, and no account
 * id is written into the template.
 */
public final class TemplateStructure {

    /** CloudFormation's pseudo parameters. */
    public static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    private static final Pattern RESOURCE_TYPE = Pattern.compile("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)?");
    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");

    private TemplateStructure() {
    }

    /** Every problem found, each naming where; empty when the template is sound. */
    public static List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        String source = template.source();
        Set<String> parameters = template.parameters();
        Set<String> resources = template.resources().keySet();
        Set<String> conditions = new TreeSet<>();
        template.root().path("Conditions").fieldNames().forEachRemaining(conditions::add);

        template.resources().forEach((id, resource) -> {
            String type = resource.path("Type").asText("");
            if (!RESOURCE_TYPE.matcher(type).matches()) {
                problems.add(source + ": resource " + id + " has no valid Type ('" + type + "')");
            }
            if (resource.has("Condition") && !conditions.contains(resource.get("Condition").asText())) {
                problems.add(source + ": resource " + id + " uses undeclared condition " + resource.get("Condition"));
            }
        });

        Set<String> used = new TreeSet<>();
        for (CloudFormationTemplate.Reference reference : template.references()) {
            String name = reference.name();
            used.add(name);
            boolean declared = reference.function().equals("Fn::GetAtt") || reference.function().equals("DependsOn")
                    ? resources.contains(name)
                    : resources.contains(name) || parameters.contains(name) || PSEUDO_PARAMETERS.contains(name);
            if (!declared) {
                problems.add(source + ": " + reference.function() + " names undeclared '" + name + "'");
            }
        }
        for (String parameter : parameters) {
            if (!used.contains(parameter)) {
                problems.add(source + ": parameter " + parameter + " is never used");
            }
        }
        checkConditionUses(template.root(), conditions, source, problems);
        checkNoAccountIds(template.root(), source, "", problems);
        return problems;
    }

    private static void checkConditionUses(JsonNode node, Set<String> conditions, String source, List<String> problems) {
        if (node.isObject()) {
            String named = null;
            if (node.size() == 1 && node.has("Condition") && node.get("Condition").isTextual()) {
                named = node.get("Condition").asText();
            } else if (node.size() == 1 && node.has("Fn::If")) {
                named = node.get("Fn::If").path(0).asText();
            }
            if (named != null && !conditions.contains(named)) {
                problems.add(source + ": undeclared condition '" + named + "'");
            }
            node.forEach(child -> checkConditionUses(child, conditions, source, problems));
        } else if (node.isArray()) {
            node.forEach(child -> checkConditionUses(child, conditions, source, problems));
        }
    }

    private static void checkNoAccountIds(JsonNode node, String source, String path, List<String> problems) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> checkNoAccountIds(f.getValue(), source, path + "/" + f.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNoAccountIds(node.get(i), source, path + "/" + i, problems);
            }
        } else if (ACCOUNT_ID.matcher(node.asText()).find()) {
            problems.add(source + ": hard-coded account id at " + path + ": " + node.asText());
        }
    }
}
