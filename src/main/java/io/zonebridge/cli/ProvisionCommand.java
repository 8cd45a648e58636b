package io.zonebridge.cli;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.provision.EventPatterns;
import io.zonebridge.provision.MemberAccountForwarding;
import io.zonebridge.provision.NetworkAccountPlumbing;
import io.zonebridge.provision.ProvisionedResource;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code zonebridge provision}: creates, idempotently, the event plumbing of the reverse-DNS job with the
 * credentials of the operator running it: in the network account ({@link NetworkAccountPlumbing}), or with
 * {@code --member} the forwarding rule of a member account ({@link MemberAccountForwarding}). Prints one line per
 * resource: created, updated, exists or skipped.
 */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Create the reverse-DNS event plumbing (SQS queue and dead-letter queue, EventBridge rules, "
                + "queue and bus policies) in the network account, or with --member the forwarding rule of a member "
                + "account. Idempotent: a second run changes nothing.")
public final class ProvisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EndpointOption endpoint;

    @Option(names = "--sqs-endpoint", paramLabel = "URL", description = "SQS endpoint, e.g. ElasticMQ's http://127.0.0.1:9324.")
    URI sqsEndpoint;

    @Option(names = "--region", defaultValue = "us-east-1",
            description = "Region of the rules and queue (default: ${DEFAULT-VALUE}, where Route 53's CloudTrail events arrive).")
    String region;

    @Option(names = "--queue", defaultValue = "zonebridge-reverse", description = "Events queue (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--dead-letter-queue", description = "Its dead-letter queue (default: the queue's name + -dlq).")
    String deadLetterQueue;

    int maxReceiveCount;

    int visibilityTimeout;

    @Option(names = "--max-receive-count", defaultValue = "5", paramLabel = "N",
            description = "Receives before SQS moves a message to the dead-letter queue, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    void maxReceiveCount(String text) {
        maxReceiveCount = OptionValues.whole(spec, "--max-receive-count", text, 1, 1000);
    }

    @Option(names = "--visibility-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "Visibility timeout of the events queue, 0 to 43200 (default: ${DEFAULT-VALUE}).")
    void visibilityTimeout(String text) {
        visibilityTimeout = OptionValues.whole(spec, "--visibility-timeout", text, 0, 43_200);
    }

    @Option(names = "--schedule", defaultValue = EventPatterns.DEFAULT_SCHEDULE,
            description = "Schedule expression of the reconcile rule (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--organization-id", paramLabel = "o-...",
            description = "Organisation whose accounts may put events on the default bus (default: asked of Organizations).")
    String organizationId;

    @Option(names = "--change-rule", defaultValue = "zonebridge-route53-changes",
            description = "Name of the Route 53 changes rule (default: ${DEFAULT-VALUE}).")
    String changeRule;

    @Option(names = "--schedule-rule", defaultValue = "zonebridge-reconcile-schedule",
            description = "Name of the reconcile schedule rule (default: ${DEFAULT-VALUE}).")
    String scheduleRule;

    @Option(names = "--member", description = "Provision a member account: the rule forwarding its Route 53 changes "
            + "to the network account's bus.")
    boolean member;

    @Option(names = "--network-account", paramLabel = "ACCOUNT_ID", description = "With --member: the network account.")
    String networkAccount;

    @Option(names = "--network-region", defaultValue = "us-east-1",
            description = "With --member: region of the network account's bus (default: ${DEFAULT-VALUE}).")
    String networkRegion;

    @Option(names = "--forwarding-role-arn", paramLabel = "ARN",
            description = "With --member: role EventBridge assumes to put events on the network bus (AWS requires one "
                    + "when the bus grants by organisation).")
    String forwardingRoleArn;

    @Option(names = "--forward-rule", defaultValue = "zonebridge-route53-forward",
            description = "With --member: name of the forwarding rule (default: ${DEFAULT-VALUE}).")
    String forwardRule;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ProvisionedResource> done;
        try (EventBridgeClient events = events()) {
            if (member) {
                done = new MemberAccountForwarding(events).provision(new MemberAccountForwarding.Setup(forwardRule,
                        networkAccount, networkRegion, Optional.ofNullable(forwardingRoleArn)));
            } else {
                try (SqsClient sqs = sqs(); OrganizationsClient organizations = organizations()) {
                    done = new NetworkAccountPlumbing(events, sqs, organizations).provision(
                            new NetworkAccountPlumbing.Setup(queue,
                                    deadLetterQueue == null ? queue + "-dlq" : deadLetterQueue, maxReceiveCount,
                                    visibilityTimeout, changeRule, scheduleRule, schedule,
                                    Optional.ofNullable(organizationId)));
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("provision: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (SdkException | IllegalStateException e) {
            err.println("provision failed: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        Map<ProvisionedResource.Outcome, Integer> counts = new TreeMap<>();
        for (ProvisionedResource resource : done) {
            out.println(resource.line());
            counts.merge(resource.outcome(), 1, Integer::sum);
        }
        out.println(counts.getOrDefault(ProvisionedResource.Outcome.CREATED, 0) + " created, "
                + counts.getOrDefault(ProvisionedResource.Outcome.UPDATED, 0) + " updated, "
                + counts.getOrDefault(ProvisionedResource.Outcome.EXISTS, 0) + " exist, "
                + counts.getOrDefault(ProvisionedResource.Outcome.SKIPPED, 0) + " skipped");
        out.flush();
        return ExitCodes.OK;
    }

    private EventBridgeClient events() {
        return CommandLineRetries.bound(Route53Connection.endpoint(region, endpoint.uri())
                .configure(EventBridgeClient.builder())).build();
    }

    private SqsClient sqs() {
        return CommandLineRetries.bound(Route53Connection.endpoint(region, sqsEndpoint).configure(SqsClient.builder()))
                .build();
    }

    private OrganizationsClient organizations() {
        return CommandLineRetries.bound(Route53Connection.endpoint(Region.US_EAST_1.id(), endpoint.uri())
                .configure(OrganizationsClient.builder())).build();
    }
}
