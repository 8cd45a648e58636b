package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.app.config.ReverseSettings;
import io.zonebridge.app.config.ServicePropertyOverrides;
import io.zonebridge.app.config.ZonebridgeConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The task definition's environment, with the template's parameter defaults and sample values for the stack's own
 * names, configures the image's shipped configuration as intended: every {@code ZONEBRIDGE_CONFIG_*} variable names a
 * key (start-up would stop otherwise), Route 53 is AWS's (no embedded endpoint), NOTIFY listens on all addresses,
 * the reverse job is on with the stack's queues, both jobs keep PTR ownership in the stack's tables, the TSIG key gets its secret, and every {@code CAMEL_*} variable
 * overrides a key of {@code config/application.properties}.
 */
class TaskEnvironmentTest {

    private static final Map<String, String> STACK = Map.ofEntries(Map.entry("AWS::Region", "eu-west-1"),
            Map.entry("AWS::AccountId", "123456789012"),
            Map.entry("EventsQueue.QueueName", "zb-events"), Map.entry("EventsDeadLetterQueue.QueueName", "zb-events-dlq"),
            Map.entry("Ec2EventsQueue.QueueName", "zb-ec2-events"),
            Map.entry("Ec2EventsDeadLetterQueue.QueueName", "zb-ec2-events-dlq"),
            Map.entry("Ec2StateTable", "zb-ec2"), Map.entry("PtrOwnershipTable", "zb-ptr-owners"),
            Map.entry("Ec2PtrOwnershipTable", "zb-ec2-ptr-owners"), Map.entry("NotifyPrimaryCidr1", "10.0.0.0/16"),
            Map.entry("ClusterTable", "zb-cluster"), Map.entry("ZoneHandoffQueue.QueueName", "zb-zone-work"));

    @Test
    void theTaskEnvironmentConfiguresTheShippedImage() throws Exception {
        CloudFormationTemplate template = CloudFormationTemplate.load(DeployTemplates.NETWORK);
        JsonNode container = template.properties("TaskDefinition").path("ContainerDefinitions").path(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode variable : container.path("Environment")) {
            env.put(variable.path("Name").asText(), resolve(variable.path("Value"), template));
        }
        String secretVariable = resolve(container.path("Secrets").path(0).path("Name"), template);
        env.put(secretVariable, "c2VjcmV0LXNlY3JldC1zZWNyZXQ=");

        ZonebridgeConfig config = new ConfigLoader(env).load(Path.of("config/zonebridge.yaml"));
        assertTrue(config.route53().endpoint().isEmpty() && !config.route53().embedded(), "Route 53 itself");
        assertEquals("eu-west-1", config.route53().region());
        assertEquals("0.0.0.0", config.secondary().notifyListener().host());
        assertEquals(10053, config.secondary().notifyListener().port());
        assertEquals(List.of("10.0.0.0/16"), config.secondary().notifyListener().allowFrom());
        assertTrue(config.secondary().zones().isEmpty(), "the quick-start sample zone is replaced");
        assertTrue(config.cluster().enabled(), "several replicas elect a leader");
        assertEquals("zb-cluster", config.cluster().table());
        assertEquals("zb-zone-work", config.cluster().queue());
        assertTrue(config.reverse().enabled());
        assertEquals("zb-events", config.reverse().queue());
        assertEquals("zb-events-dlq", config.reverse().deadLetterQueue());
        assertEquals(java.util.Optional.of("123456789012"), config.reverse().networkAccount());
        assertEquals("zonebridge-read", config.reverse().memberRole().roleName(), "the member read role of the StackSet");
        assertEquals(new ReverseSettings.Ownership("zb-ptr-owners", Optional.empty()), config.reverse().ownership(),
                "PTR ownership in the stack's table, in AWS's DynamoDB");
        assertTrue(config.ec2().enabled());
        assertEquals("zb-ec2-events", config.ec2().queue());
        assertEquals("zb-ec2-events-dlq", config.ec2().deadLetterQueue());
        assertEquals("zb-ec2", config.ec2().table());
        assertEquals("zb-ec2-ptr-owners", config.ec2().ptrOwnershipTable());
        assertEquals(Optional.empty(), config.ec2().dynamoDbEndpoint());
        assertEquals("eu-west-1", config.ec2().region());
        assertEquals("c2VjcmV0LXNlY3JldC1zZWNyZXQ=", config.tsigKeys().get("xfr-key").secret());

        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config/application.properties"))) {
            properties.load(reader);
        }
        Map<String, String> overridden = ServicePropertyOverrides.from(properties.stringPropertyNames(), env);
        assertEquals("0.0.0.0", overridden.get("camel.management.host"));
        assertEquals("9876", overridden.get("camel.management.port"));
        for (String name : env.keySet()) {
            if (name.startsWith("CAMEL_")) {
                assertTrue(overridden.keySet().stream().anyMatch(k -> ServicePropertyOverrides.variablesFor(k).contains(name)),
                        name + " overrides no key of config/application.properties");
            }
        }
    }

    /** The value of an intrinsic-function tree: Ref, Sub, Join and If (first branch; AWS::NoValue dropped). */
    private static String resolve(JsonNode value, CloudFormationTemplate template) {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            return reference(value.get("Ref").asText(), template);
        }
        if (value.has("Fn::Sub")) {
            Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value.get("Fn::Sub").asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(reference(m.group(1), template)));
            }
            return m.appendTail(out).toString();
        }
        if (value.has("Fn::Join")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : value.get("Fn::Join").get(1)) {
                String resolved = resolve(part, template);
                if (resolved != null) {
                    parts.add(resolved);
                }
            }
            return String.join(value.get("Fn::Join").get(0).asText(), parts);
        }
        if (value.has("Fn::If")) {
            JsonNode branches = value.get("Fn::If");
            JsonNode chosen = condition(branches.get(0).asText(), template) ? branches.get(1) : branches.get(2);
            return chosen.path("Ref").asText().equals("AWS::NoValue") ? null : resolve(chosen, template);
        }
        throw new AssertionError("cannot resolve " + value);
    }

    /** A condition of the shape the template uses: {@code Fn::Not [Fn::Equals [Ref P, ""]]}. */
    private static boolean condition(String name, CloudFormationTemplate template) {
        JsonNode equals = template.root().path("Conditions").path(name).path("Fn::Not").path(0).path("Fn::Equals");
        assertEquals(2, equals.size(), "condition " + name + " is not Not-Equals");
        return !resolve(equals.get(0), template).equals(resolve(equals.get(1), template));
    }

    private static String reference(String name, CloudFormationTemplate template) {
        if (STACK.containsKey(name)) {
            return STACK.get(name);
        }
        JsonNode parameter = template.root().path("Parameters").path(name);
        assertTrue(parameter.has("Default"), "no sample value for " + name);
        return parameter.get("Default").asText();
    }
}
