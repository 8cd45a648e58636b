package io.zonebridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed CloudFormation template: its parameters, resources, the names its intrinsic functions refer
 * to, and the IAM policy documents it declares.
 */
public final class CloudFormationTemplate {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final String source;
    private final JsonNode root;

    /** An IAM policy document and what declares it. */
    public record PolicyDocument(String resource, String resourceType, String property, JsonNode document) {
    }

    /** A name an intrinsic function refers to, and what kind of reference it is. */
    public record Reference(String name, String function) {
    }

    private CloudFormationTemplate(String source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    /** Parses a template file. */
    public static CloudFormationTemplate load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses template text. */
    public static CloudFormationTemplate parse(String text, String source) {
        return new CloudFormationTemplate(source, CloudFormationYaml.parse(text, source));
    }

    /** Where the template came from. */
    public String source() {
        return source;
    }

    /** The whole tree. */
    public JsonNode root() {
        return root;
    }

    /** Parameter names. */
    public Set<String> parameters() {
        Set<String> names = new TreeSet<>();
        root.path("Parameters").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Resources by logical id, in template order. */
    public Map<String, JsonNode> resources() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        root.path("Resources").fields().forEachRemaining(e -> resources.put(e.getKey(), e.getValue()));
        return resources;
    }

    /** Logical ids of the resources of one type. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.path("Type").asText())) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** One resource's {@code Properties} (a missing node when it has none). */
    public JsonNode properties(String logicalId) {
        return root.path("Resources").path(logicalId).path("Properties");
    }

    /**
     * Every name referred to by {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} variables (less the
     * variables of its own map) and {@code DependsOn}.
     */
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        collect(root.path("Resources"), references);
        collect(root.path("Outputs"), references);
        collect(root.path("Conditions"), references);
        root.path("Resources").forEach(resource -> {
            JsonNode dependsOn = resource.path("DependsOn");
            if (dependsOn.isTextual()) {
                references.add(new Reference(dependsOn.asText(), "DependsOn"));
            }
            dependsOn.forEach(d -> references.add(new Reference(d.asText(), "DependsOn")));
        });
        return references;
    }

    private static void collect(JsonNode node, List<Reference> references) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref")) {
                references.add(new Reference(node.get("Ref").asText(), "Ref"));
            } else if (node.size() == 1 && node.has("Fn::GetAtt")) {
                references.add(new Reference(node.get("Fn::GetAtt").path(0).asText(), "Fn::GetAtt"));
            } else if (node.size() == 1 && node.has("Fn::Sub")) {
                JsonNode sub = node.get("Fn::Sub");
                String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
                Set<String> own = new TreeSet<>();
                sub.path(1).fieldNames().forEachRemaining(own::add);
                Matcher m = SUB_VARIABLE.matcher(text);
                while (m.find()) {
                    String variable = m.group(1);
                    String name = variable.contains(".") ? variable.substring(0, variable.indexOf('.')) : variable;
                    if (!own.contains(variable)) {
                        references.add(new Reference(name, "Fn::Sub"));
                    }
                }
                if (sub.isArray()) {
                    collect(sub.path(1), references);
                }
                return;
            }
            node.forEach(child -> collect(child, references));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, references));
        }
    }

    /**
     * Every IAM policy document: role inline policies and trust policies, {@code AWS::IAM::Policy} and
     * {@code AWS::IAM::ManagedPolicy} documents, queue policies, and event bus policy statements (wrapped
     * as a one-statement document).
     */
    public List<PolicyDocument> policyDocuments() {
        List<PolicyDocument> documents = new ArrayList<>();
        resources().forEach((id, resource) -> {
            String type = resource.path("Type").asText();
            JsonNode properties = resource.path("Properties");
            switch (type) {
                case "AWS::IAM::Role" -> {
                    documents.add(new PolicyDocument(id, type, "AssumeRolePolicyDocument",
                            properties.path("AssumeRolePolicyDocument")));
                    properties.path("Policies").forEach(policy -> documents.add(new PolicyDocument(id, type,
                            "Policies/" + policy.path("PolicyName").asText(), policy.path("PolicyDocument"))));
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SQS::QueuePolicy" ->
                        documents.add(new PolicyDocument(id, type, "PolicyDocument", properties.path("PolicyDocument")));
                case "AWS::Events::EventBusPolicy" -> {
                    JsonNode statement = properties.path("Statement");
                    documents.add(new PolicyDocument(id, type, "Statement", oneStatementDocument(statement)));
                }
                default -> {
                }
            }
        });
        return documents;
    }

    private static JsonNode oneStatementDocument(JsonNode statement) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("Version", "2012-10-17");
        document.putArray("Statement").add(statement);
        return document;
    }

    /**
     * The actions that {@code Allow} statements of a role's identity policies grant (inline policies and
     * {@code AWS::IAM::Policy}/{@code ManagedPolicy} resources naming the role).
     */
    public Set<IamAction> actionsGrantedTo(String roleLogicalId) {
        Set<IamAction> actions = new TreeSet<>();
        for (PolicyDocument document : identityPoliciesOf(roleLogicalId)) {
            actions.addAll(allowedActions(document.document()));
        }
        return actions;
    }

    /** The identity policy documents attached to a role. */
    public List<PolicyDocument> identityPoliciesOf(String roleLogicalId) {
        List<PolicyDocument> attached = new ArrayList<>();
        for (PolicyDocument document : policyDocuments()) {
            boolean inline = document.resource().equals(roleLogicalId) && document.property().startsWith("Policies/");
            boolean separate = (document.resourceType().equals("AWS::IAM::Policy")
                    || document.resourceType().equals("AWS::IAM::ManagedPolicy"))
                    && namesRole(properties(document.resource()).path("Roles"), roleLogicalId);
            if (inline || separate) {
                attached.add(document);
            }
        }
        return attached;
    }

    private static boolean namesRole(JsonNode roles, String roleLogicalId) {
        for (JsonNode role : roles) {
            if (roleLogicalId.equals(role.path("Ref").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The actions of a document's {@code Allow} statements; {@code NotAction} and wildcards are refused. */
    public static Set<IamAction> allowedActions(JsonNode document) {
        Set<IamAction> actions = new TreeSet<>();
        for (JsonNode statement : document.path("Statement")) {
            if (statement.has("NotAction")) {
                throw new IllegalArgumentException("NotAction grants more than it names: " + statement);
            }
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            JsonNode action = statement.path("Action");
            for (JsonNode one : action.isArray() ? action : List.of(action)) {
                String text = one.asText();
                if (text.contains("*")) {
                    throw new IllegalArgumentException("wildcard action '" + text + "' grants more than it names");
                }
                actions.add(IamAction.parse(text));
            }
        }
        return actions;
    }
}
