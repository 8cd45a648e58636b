package io.zonebridge.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonebridge.provision.ProvisionedResource.Outcome;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * EventBridge rules, their targets and the default bus's policy, idempotently: each is read first (DescribeRule,
 * ListTargetsByRule, DescribeEventBus) and written (PutRule, PutTargets, PutPermission) only when missing or
 * different, so a second run changes nothing. All on the default bus of the client's account and region.
 */
final class RuleProvisioner {

    /** The statement id of the bus policy letting the organisation's accounts put events. */
    static final String ORGANIZATION_STATEMENT = "zonebridge-organization-put-events";

    private final ObjectMapper json = new ObjectMapper();
    private final EventBridgeClient events;

    RuleProvisioner(EventBridgeClient events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** A rule as it is after {@link #ensurePatternRule} or {@link #ensureScheduleRule}. */
    record Rule(String name, String arn, ProvisionedResource resource) {
    }

    /** An ENABLED rule matching {@code pattern}. */
    Rule ensurePatternRule(String name, String pattern, String description) {
        return ensure(name, description, Optional.of(pattern), Optional.empty());
    }

    /** An ENABLED rule firing on {@code schedule} (a rate or cron expression). */
    Rule ensureScheduleRule(String name, String schedule, String description) {
        return ensure(name, description, Optional.empty(), Optional.of(schedule));
    }

    private Rule ensure(String name, String description, Optional<String> pattern, Optional<String> schedule) {
        Outcome outcome = Outcome.CREATED;
        String detail = "";
        try {
            DescribeRuleResponse current = events.describeRule(r -> r.name(name));
            boolean same = samePattern(current.eventPattern(), pattern.orElse(null))
                    && Objects.equals(current.scheduleExpression(), schedule.orElse(null))
                    && current.state() == RuleState.ENABLED;
            if (same) {
                return new Rule(name, current.arn(), new ProvisionedResource(Outcome.EXISTS, "rule", name, ""));
            }
            outcome = Outcome.UPDATED;
            detail = pattern.map(p -> "event pattern").orElse("schedule") + " or state differed";
        } catch (ResourceNotFoundException e) {
            // created below
        }
        String arn = events.putRule(r -> r.name(name).description(description).state(RuleState.ENABLED)
                .eventPattern(pattern.orElse(null)).scheduleExpression(schedule.orElse(null))).ruleArn();
        String note = schedule.orElse("");
        return new Rule(name, arn, new ProvisionedResource(outcome, "rule", name,
                detail.isEmpty() ? note : note.isEmpty() ? detail : detail + ", now " + note));
    }

    /** Target {@code id} of {@code rule} pointing at {@code arn} (with {@code roleArn}, when given). */
    ProvisionedResource ensureTarget(Rule rule, String id, String arn, String roleArn) {
        // a rule has at most 5 targets: one page holds them all
        Optional<Target> current = events.listTargetsByRule(r -> r.rule(rule.name())).targets().stream()
                .filter(target -> target.id().equals(id)).findFirst();
        String name = rule.name() + " → " + arn;
        if (current.isPresent() && current.get().arn().equals(arn)
                && Objects.equals(current.get().roleArn(), roleArn)) {
            return new ProvisionedResource(Outcome.EXISTS, "target", name, "");
        }
        PutTargetsResponse answer = events.putTargets(r -> r.rule(rule.name())
                .targets(Target.builder().id(id).arn(arn).roleArn(roleArn).build()));
        if (answer.failedEntryCount() > 0) {
            throw new IllegalStateException("EventBridge refused target " + id + " of rule " + rule.name() + ": "
                    + answer.failedEntries().get(0).errorMessage());
        }
        return new ProvisionedResource(current.isPresent() ? Outcome.UPDATED : Outcome.CREATED, "target", name, "");
    }

    /**
     * The default bus's policy statement letting every account of organisation {@code organizationId} put events
     * on it (so member accounts' forwarding rules can deliver).
     */
    ProvisionedResource ensureOrganizationPermission(String organizationId) {
        String policy = events.describeEventBus(r -> r.name("default")).policy();
        Optional<JsonNode> statement = statement(policy, ORGANIZATION_STATEMENT);
        String name = "default bus: events:PutEvents for " + organizationId;
        if (statement.isPresent() && organizationId.equals(statement.get().path("Condition").path("StringEquals")
                .path("aws:PrincipalOrgID").asText(null))) {
            return new ProvisionedResource(Outcome.EXISTS, "bus policy", name, "");
        }
        events.putPermission(r -> r.eventBusName("default").action("events:PutEvents").principal("*")
                .statementId(ORGANIZATION_STATEMENT)
                .condition(c -> c.type("StringEquals").key("aws:PrincipalOrgID").value(organizationId)));
        return new ProvisionedResource(statement.isPresent() ? Outcome.UPDATED : Outcome.CREATED, "bus policy", name,
                "statement " + ORGANIZATION_STATEMENT);
    }

    private Optional<JsonNode> statement(String policy, String sid) {
        if (policy == null || policy.isBlank()) {
            return Optional.empty();
        }
        try {
            for (JsonNode statement : json.readTree(policy).path("Statement")) {
                if (sid.equals(statement.path("Sid").asText(null))) {
                    return Optional.of(statement);
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the default bus's policy is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private boolean samePattern(String current, String wanted) {
        if (current == null || wanted == null) {
            return current == null && wanted == null;
        }
        try {
            return json.readTree(current).equals(json.readTree(wanted));
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
