package io.zonebridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the AWS API operations that Camel endpoints in {@code routes/*.camel.yaml} call.
 *
 * <p>Consumers are {@code from} endpoints (and {@code pollEnrich}); producers are {@code to}, {@code toD},
 * {@code wireTap} and {@code enrich}. What each endpoint calls was read from the Camel 4.18 bytecode
 * ({@code Sqs2Endpoint}, {@code Sqs2Consumer}, {@code Sqs2Producer}, {@code EventbridgeProducer}):
 * <ul>
 *   <li>every {@code aws2-sqs} endpoint at start: nothing when {@code queueUrl} is given, {@code GetQueueUrl}
 *       when {@code queueOwnerAWSAccountId} is given, else {@code ListQueues}; with {@code autoCreateQueue=true}
 *       also {@code CreateQueue} and {@code SetQueueAttributes};</li>
 *   <li>{@code aws2-sqs} consumer: {@code ReceiveMessage}, {@code DeleteMessage} (unless
 *       {@code deleteAfterRead=false}), {@code ChangeMessageVisibility} (batch, when
 *       {@code extendMessageVisibility=true});</li>
 *   <li>{@code aws2-sqs} producer: its {@code operation} (default {@code sendMessage}; batch operations are
 *       authorised by the single-message action);</li>
 *   <li>{@code aws2-eventbridge} producer: its {@code operation} ({@code putEvent} is {@code PutEvents}).</li>
 * </ul>
 */
public final class CamelRouteScanner {

    private static final String LEADER_PREFIX = "{{zonebridge.cluster.leader}}";
    private static final Set<String> CONSUMER_KEYS = Set.of("from", "pollEnrich");
    private static final Set<String> PRODUCER_KEYS = Set.of("to", "toD", "wireTap", "enrich");
    private static final Map<String, String> SQS_PRODUCER_OPERATIONS = Map.of(
            "sendMessage", "SendMessage",
            "sendBatchMessage", "SendMessage",
            "deleteMessage", "DeleteMessage",
            "listQueues", "ListQueues",
            "purgeQueue", "PurgeQueue",
            "deleteQueue", "DeleteQueue");
    private static final Map<String, String> EVENTBRIDGE_OPERATIONS = Map.ofEntries(
            Map.entry("putRule", "PutRule"), Map.entry("putTargets", "PutTargets"),
            Map.entry("removeTargets", "RemoveTargets"), Map.entry("deleteRule", "DeleteRule"),
            Map.entry("enableRule", "EnableRule"), Map.entry("disableRule", "DisableRule"),
            Map.entry("describeRule", "DescribeRule"), Map.entry("listRules", "ListRules"),
            Map.entry("listTargetsByRule", "ListTargetsByRule"),
            Map.entry("listRuleNamesByTarget", "ListRuleNamesByTarget"), Map.entry("putEvent", "PutEvents"));

    private final YAMLMapper yaml = new YAMLMapper();

    /** The calls of every {@code *.camel.yaml} file in a directory (none when it does not exist). */
    public List<ApiCall> scanDirectory(Path directory) {
        List<ApiCall> calls = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return calls;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.camel.yaml")) {
            for (Path file : files) {
                calls.addAll(scanFile(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return calls;
    }

    /** The calls of one route file; the caller of each is the file name. */
    public List<ApiCall> scanFile(Path file) {
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read route file " + file + ": " + e.getMessage(), e);
        }
        List<ApiCall> calls = new ArrayList<>();
        walk(root, file.getFileName().toString(), calls);
        return calls;
    }

    private void walk(JsonNode node, String file, List<ApiCall> calls) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                boolean consumer = CONSUMER_KEYS.contains(field.getKey());
                if (consumer || PRODUCER_KEYS.contains(field.getKey())) {
                    endpoint(field.getValue(), file, consumer, calls);
                }
                walk(field.getValue(), file, calls);
            });
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, file, calls));
        }
    }

    private void endpoint(JsonNode value, String file, boolean consumer, List<ApiCall> calls) {
        String uri = leaderOnlyDelegate(value.isTextual() ? value.asText() : value.path("uri").asText(""));
        if (uri.isEmpty()) {
            return;
        }
        Map<String, String> parameters = queryParameters(uri);
        value.path("parameters").fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue().asText()));
        String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : uri;
        List<String> actions = switch (scheme) {
            case "aws2-sqs" -> sqsActions(consumer, parameters);
            case "aws2-eventbridge" -> eventBridgeActions(uri, consumer, parameters);
            default -> List.of();
        };
        actions.forEach(action -> calls.add(new ApiCall(IamAction.parse(action), file)));
    }

    private static List<String> sqsActions(boolean consumer, Map<String, String> parameters) {
        List<String> actions = new ArrayList<>();
        if (!parameters.containsKey("queueUrl")) {
            actions.add(parameters.containsKey("queueOwnerAWSAccountId") ? "sqs:GetQueueUrl" : "sqs:ListQueues");
        }
        if (Boolean.parseBoolean(parameters.get("autoCreateQueue"))) {
            actions.add("sqs:CreateQueue");
            actions.add("sqs:SetQueueAttributes");
        }
        if (consumer) {
            actions.add("sqs:ReceiveMessage");
            if (!"false".equals(parameters.get("deleteAfterRead"))) {
                actions.add("sqs:DeleteMessage");
            }
            if (Boolean.parseBoolean(parameters.get("extendMessageVisibility"))) {
                actions.add("sqs:ChangeMessageVisibility");
            }
        } else {
            String operation = parameters.getOrDefault("operation", "sendMessage");
            String action = SQS_PRODUCER_OPERATIONS.get(operation);
            if (action == null) {
                throw new IllegalArgumentException("aws2-sqs operation '" + operation + "' is not mapped to an IAM action");
            }
            actions.add("sqs:" + action);
        }
        return actions;
    }

    /**
     * The endpoint a leader-only consumer wraps: without the {@code {{zonebridge.cluster.leader}}} prefix (empty, or
     * {@code master:NAMESPACE:} with several replicas) or an explicit {@code master:NAMESPACE:}.
     */
    static String leaderOnlyDelegate(String uri) {
        String delegate = uri.startsWith(LEADER_PREFIX) ? uri.substring(LEADER_PREFIX.length()) : uri;
        if (delegate.startsWith("master:")) {
            String rest = delegate.substring("master:".length());
            delegate = rest.contains(":") ? rest.substring(rest.indexOf(':') + 1) : rest;
        }
        return delegate;
    }

    private static List<String> eventBridgeActions(String uri, boolean consumer, Map<String, String> parameters) {
        if (consumer) {
            throw new IllegalArgumentException("aws2-eventbridge has no consumer: " + uri);
        }
        String operation = parameters.get("operation");
        String action = operation == null ? null : EVENTBRIDGE_OPERATIONS.get(operation);
        if (action == null) {
            throw new IllegalArgumentException("aws2-eventbridge endpoint without a known operation: " + uri);
        }
        return List.of("events:" + action);
    }

    private static Map<String, String> queryParameters(String uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int query = uri.indexOf('?');
        if (query < 0) {
            return parameters;
        }
        for (String pair : uri.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String val = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(key, val);
        }
        return parameters;
    }
}
