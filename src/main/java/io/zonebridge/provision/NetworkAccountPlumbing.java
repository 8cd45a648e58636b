package io.zonebridge.provision;

import io.zonebridge.provision.ProvisionedResource.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the reverse-DNS pipeline needs in the network account, created idempotently (see {@link #provision}):
 * the dead-letter queue; the events queue with its redrive policy; the rule matching Route 53 CloudTrail
 * {@code ChangeResourceRecordSets} calls ({@link EventPatterns#ROUTE53_CHANGES}) and the reconcile schedule rule,
 * both targeting the queue; the queue policy letting EventBridge send from those two rules; and the default bus's
 * policy letting the organisation's accounts put events on it. Run it in us-east-1, where Route 53's CloudTrail
 * events arrive.
 */
public final class NetworkAccountPlumbing {

    private final QueueProvisioner queues;
    private final RuleProvisioner rules;
    private final OrganizationsClient organizations;

    /**
     * @param events        EventBridge of the network account (the rules' region)
     * @param sqs           SQS of the network account (the same region)
     * @param organizations Organizations, asked for the organisation id when none is given
     */
    public NetworkAccountPlumbing(EventBridgeClient events, SqsClient sqs, OrganizationsClient organizations) {
        this.queues = new QueueProvisioner(sqs);
        this.rules = new RuleProvisioner(events);
        this.organizations = Objects.requireNonNull(organizations, "organizations");
    }

    /**
     * What to create.
     *
     * @param queue                    the events queue
     * @param deadLetterQueue          its dead-letter queue
     * @param maxReceiveCount          receives before SQS moves a message to the dead-letter queue
     * @param visibilityTimeoutSeconds how long a received message stays invisible
     * @param changeRule               name of the Route 53 changes rule
     * @param scheduleRule             name of the reconcile schedule rule
     * @param schedule                 its schedule expression, e.g. {@code rate(1 hour)}
     * @param organizationId           the organisation whose accounts may put events; empty: asked of Organizations
     */
    public record Setup(String queue, String deadLetterQueue, int maxReceiveCount, int visibilityTimeoutSeconds,
                        String changeRule, String scheduleRule, String schedule, Optional<String> organizationId) {
        public Setup {
            if (queue.equals(deadLetterQueue)) {
                throw new IllegalArgumentException("the dead-letter queue must differ from the queue: " + queue);
            }
            if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
                throw new IllegalArgumentException("max receive count must be 1 to 1000: " + maxReceiveCount);
            }
            if (visibilityTimeoutSeconds < 0 || visibilityTimeoutSeconds > 43200) {
                throw new IllegalArgumentException("visibility timeout must be 0 to 43200 s: " + visibilityTimeoutSeconds);
            }
        }
    }

    /** Creates what is missing, corrects what differs; returns what happened to each resource, in order. */
    public List<ProvisionedResource> provision(Setup setup) {
        List<ProvisionedResource> done = new ArrayList<>();
        QueueProvisioner.Queue deadLetter = queues.ensure("dead-letter", setup.deadLetterQueue(),
                Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"));
        done.add(deadLetter.resource());
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(setup.visibilityTimeoutSeconds()));
        attributes.put(QueueAttributeName.REDRIVE_POLICY,
                queues.redrivePolicy(deadLetter.arn(), setup.maxReceiveCount()));
        QueueProvisioner.Queue queue = queues.ensure("queue", setup.queue(), attributes);
        done.add(queue.resource());

        RuleProvisioner.Rule changes = rules.ensurePatternRule(setup.changeRule(), EventPatterns.ROUTE53_CHANGES,
                "Route 53 ChangeResourceRecordSets calls (CloudTrail) to the zonebridge queue");
        done.add(changes.resource());
        done.add(rules.ensureTarget(changes, "zonebridge-queue", queue.arn(), null));
        RuleProvisioner.Rule schedule = rules.ensureScheduleRule(setup.scheduleRule(), setup.schedule(),
                "Scheduled organisation reconcile (a Scheduled Event message on the zonebridge queue)");
        done.add(schedule.resource());
        done.add(rules.ensureTarget(schedule, "zonebridge-queue", queue.arn(), null));
        done.add(queues.ensurePolicy(queue, queues.eventBridgePolicy(queue, List.of(changes.arn(), schedule.arn()))));

        done.add(setup.organizationId().or(this::organizationId)
                .map(rules::ensureOrganizationPermission)
                .orElseGet(() -> new ProvisionedResource(Outcome.SKIPPED, "bus policy", "default bus",
                        "no organisation: member accounts cannot forward; give --organization-id")));
        return done;
    }

    private Optional<String> organizationId() {
        try {
            return Optional.of(organizations.describeOrganization().organization().id());
        } catch (OrganizationsException e) {
            return Optional.empty();
        }
    }
}
