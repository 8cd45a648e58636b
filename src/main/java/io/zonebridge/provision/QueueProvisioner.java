package io.zonebridge.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.provision.ProvisionedResource.Outcome;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SQS queues and their policy, idempotently: a queue that exists keeps its URL, and only the attributes that differ
 * from the wanted ones are set (SetQueueAttributes), so a second run changes nothing. What an SQS server does not
 * keep (ElasticMQ keeps neither MessageRetentionPeriod nor Policy) is read back and reported as such.
 */
final class QueueProvisioner {

    private final ObjectMapper json = new ObjectMapper();
    private final SqsClient sqs;

    QueueProvisioner(SqsClient sqs) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
    }

    /** A queue as it is after {@link #ensure}. */
    record Queue(String url, String arn, ProvisionedResource resource) {
    }

    /** Creates queue {@code name} with {@code attributes}, or brings an existing one's differing attributes in line. */
    Queue ensure(String kind, String name, Map<QueueAttributeName, String> attributes) {
        Optional<String> existing = url(name);
        ProvisionedResource resource;
        String url;
        if (existing.isEmpty()) {
            url = sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
            resource = new ProvisionedResource(Outcome.CREATED, kind, name, "");
        } else {
            url = existing.get();
            Map<QueueAttributeName, String> differing = differing(url, attributes);
            if (differing.isEmpty()) {
                resource = new ProvisionedResource(Outcome.EXISTS, kind, name, "");
            } else {
                sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(differing));
                Set<QueueAttributeName> ignored = differing(url, differing).keySet();
                Set<QueueAttributeName> set = new LinkedHashSet<>(differing.keySet());
                set.removeAll(ignored);
                String note = ignored.isEmpty() ? "" : "the SQS server does not keep " + ignored;
                resource = set.isEmpty() ? new ProvisionedResource(Outcome.EXISTS, kind, name, note)
                        : new ProvisionedResource(Outcome.UPDATED, kind, name, "set " + set
                                + (note.isEmpty() ? "" : "; " + note));
            }
        }
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn, resource);
    }

    /** The attributes among {@code wanted} whose value the queue does not have. */
    private Map<QueueAttributeName, String> differing(String url, Map<QueueAttributeName, String> wanted) {
        Map<QueueAttributeName, String> current = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        Map<QueueAttributeName, String> differing = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            if (!sameValue(current.get(key), value)) {
                differing.put(key, value);
            }
        });
        return differing;
    }

    private Optional<String> url(String name) {
        try {
            return Optional.of(sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
        } catch (QueueDoesNotExistException e) {
            return Optional.empty();
        } catch (SqsException e) {
            // the query protocol's code for it, which some SQS servers still send (moto)
            if (e.awsErrorDetails() != null
                    && "AWS.SimpleQueueService.NonExistentQueue".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The redrive policy sending a message to {@code deadLetterArn} after {@code maxReceiveCount} receives. */
    String redrivePolicy(String deadLetterArn, int maxReceiveCount) {
        ObjectNode policy = json.createObjectNode().put("deadLetterTargetArn", deadLetterArn)
                .put("maxReceiveCount", maxReceiveCount);
        return policy.toString();
    }

    /**
     * The queue policy letting EventBridge ({@code events.amazonaws.com}) send to {@code queue} from the given rules
     * only (condition {@code aws:SourceArn}).
     */
    String eventBridgePolicy(Queue queue, Collection<String> ruleArns) {
        ObjectNode policy = json.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject()
                .put("Sid", "zonebridge-eventbridge-rules").put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "events.amazonaws.com");
        statement.put("Action", "sqs:SendMessage").put("Resource", queue.arn());
        statement.putObject("Condition").putObject("ArnEquals").set("aws:SourceArn",
                json.valueToTree(List.copyOf(ruleArns)));
        return policy.toString();
    }

    /**
     * Sets the queue policy unless the queue has that policy already. An SQS server that does not keep policies
     * (ElasticMQ) is reported as skipped.
     */
    ProvisionedResource ensurePolicy(Queue queue, String policy) {
        String current = policy(queue);
        if (sameValue(current, policy)) {
            return new ProvisionedResource(Outcome.EXISTS, "queue policy", queue.arn(), "");
        }
        sqs.setQueueAttributes(r -> r.queueUrl(queue.url()).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        if (!sameValue(policy(queue), policy)) {
            return new ProvisionedResource(Outcome.SKIPPED, "queue policy", queue.arn(),
                    "the SQS server does not keep queue policies");
        }
        return new ProvisionedResource(current == null ? Outcome.CREATED : Outcome.UPDATED, "queue policy",
                queue.arn(), "events.amazonaws.com may send from the zonebridge rules");
    }

    private String policy(Queue queue) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queue.url()).attributeNames(QueueAttributeName.POLICY))
                .attributes().get(QueueAttributeName.POLICY);
    }

    /** Equal texts, or equal JSON documents (SQS may reformat a policy it stores). */
    private boolean sameValue(String current, String wanted) {
        if (current == null) {
            return false;
        }
        if (current.equals(wanted)) {
            return true;
        }
        try {
            JsonNode a = json.readTree(current);
            JsonNode b = json.readTree(wanted);
            return a != null && a.isContainerNode() && a.equals(b);
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
