package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * EventBridge rules and targets: PutRule (pattern validated), DescribeRule, ListRules, DeleteRule (refused while it
 * has targets), EnableRule, DisableRule, PutTargets, ListTargetsByRule, RemoveTargets.
 */
final class EventRuleOperations {
    private final ObjectMapper json = new ObjectMapper();
    private final EmulatorState state;

    EventRuleOperations(EmulatorState state) {
        this.state = state;
    }

    JsonNode putRule(Caller caller, JsonNode request) {
        String name = ruleName(request, "Name");
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        String pattern = request.path("EventPattern").asText(null);
        String schedule = request.path("ScheduleExpression").asText(null);
        if (pattern == null && schedule == null) {
            throw EventsValidation.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (pattern != null) {
            EventPattern.parse(pattern);
        }
        if (schedule != null) {
            ScheduleExpression.validate(schedule);
        }
        String ruleState = request.path("State").asText("ENABLED");
        if (!ruleState.equals("ENABLED") && !ruleState.equals("DISABLED")) {
            throw EventsValidation.validation("1 validation error detected: Value '" + ruleState
                    + "' at 'state' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[ENABLED, DISABLED]");
        }
        EventRuleData old = bus.rules().get(name);
        bus.rules().put(name, new EventRuleData(name, pattern, schedule, ruleState,
                request.path("Description").asText(null), old == null ? new LinkedHashMap<>() : old.targets()));
        return json.createObjectNode().put("RuleArn", bus.ruleArn(caller.account(), name));
    }

    JsonNode describeRule(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        EventRuleData rule = rule(bus, ruleName(request, "Name"));
        ObjectNode answer = ruleNode(caller, bus, rule);
        answer.put("CreatedBy", caller.account());
        return answer;
    }

    private ObjectNode ruleNode(Caller caller, EventBusData bus, EventRuleData rule) {
        ObjectNode node = json.createObjectNode().put("Name", rule.name())
                .put("Arn", bus.ruleArn(caller.account(), rule.name()));
        putIfPresent(node, "EventPattern", rule.eventPattern());
        putIfPresent(node, "ScheduleExpression", rule.scheduleExpression());
        node.put("State", rule.state());
        putIfPresent(node, "Description", rule.description());
        return node.put("EventBusName", bus.name());
    }

    JsonNode listRules(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        String prefix = request.path("NamePrefix").asText("");
        List<EventRuleData> rules = bus.rules().values().stream().filter(r -> r.name().startsWith(prefix)).toList();
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("Rules");
        page(rules, request, answer, rule -> items.add(ruleNode(caller, bus, rule)));
        return answer;
    }

    JsonNode deleteRule(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        String name = ruleName(request, "Name");
        EventRuleData rule = bus.rules().get(name);
        if (rule != null && !rule.targets().isEmpty()) {
            throw EventsValidation.validation("Rule can't be deleted since it has targets.");
        }
        bus.rules().remove(name);
        return json.createObjectNode();
    }

    JsonNode setRuleState(Caller caller, JsonNode request, String ruleState) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        EventRuleData rule = rule(bus, ruleName(request, "Name"));
        bus.rules().put(rule.name(), new EventRuleData(rule.name(), rule.eventPattern(), rule.scheduleExpression(),
                ruleState, rule.description(), rule.targets()));
        return json.createObjectNode();
    }

    JsonNode putTargets(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        EventRuleData rule = rule(bus, ruleName(request, "Rule"));
        JsonNode targets = request.path("Targets");
        if (!targets.isArray() || targets.isEmpty() || targets.size() > 10) {
            throw EventsValidation.validation("Targets must list 1 to 10 targets.");
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode failed = json.createArrayNode();
        for (JsonNode target : targets) {
            String id = target.path("Id").asText("");
            String arn = target.path("Arn").asText("");
            if (!EventsValidation.NAME.matcher(id).matches() || !arn.startsWith("arn:aws:")) {
                failed.addObject().put("TargetId", id).put("ErrorCode", "ValidationException")
                        .put("ErrorMessage", "Target " + id + " needs an Id of 1 to 64 characters and an ARN.");
                continue;
            }
            rule.targets().put(id, new EventTargetData(id, arn, target.path("Input").asText(null),
                    target.path("RoleArn").asText(null)));
        }
        answer.put("FailedEntryCount", failed.size()).set("FailedEntries", failed);
        return answer;
    }

    JsonNode listTargets(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        EventRuleData rule = rule(bus, ruleName(request, "Rule"));
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("Targets");
        page(new ArrayList<>(rule.targets().values()), request, answer, target -> {
            ObjectNode node = items.addObject().put("Id", target.id()).put("Arn", target.arn());
            putIfPresent(node, "Input", target.input());
            putIfPresent(node, "RoleArn", target.roleArn());
        });
        return answer;
    }

    JsonNode removeTargets(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        EventRuleData rule = rule(bus, ruleName(request, "Rule"));
        ArrayNode failed = json.createArrayNode();
        for (JsonNode id : request.path("Ids")) {
            if (rule.targets().remove(id.asText()) == null) {
                failed.addObject().put("TargetId", id.asText()).put("ErrorCode", "ResourceNotFoundException")
                        .put("ErrorMessage", "Target " + id.asText() + " does not exist.");
            }
        }
        ObjectNode answer = json.createObjectNode().put("FailedEntryCount", failed.size());
        answer.set("FailedEntries", failed);
        return answer;
    }

    private <T> void page(List<T> items, JsonNode request, ObjectNode answer, Consumer<T> add) {
        int start = PageToken.decode(request.path("NextToken").asText(null),
                EventsValidation.validation("The NextToken provided is not valid."));
        int limit = request.path("Limit").asInt(100);
        int end = Math.min(items.size(), start + Math.max(1, limit));
        for (int i = start; i < end; i++) {
            add.accept(items.get(i));
        }
        if (end < items.size()) {
            answer.put("NextToken", PageToken.encode(end));
        }
    }

    private static EventRuleData rule(EventBusData bus, String name) {
        EventRuleData rule = bus.rules().get(name);
        if (rule == null) {
            throw new ServiceException(400, "ResourceNotFoundException", "Rule " + name + " does not exist on "
                    + "EventBus " + bus.name() + ".");
        }
        return rule;
    }

    private static String ruleName(JsonNode request, String field) {
        String name = EventsValidation.required(request, field);
        if (!EventsValidation.NAME.matcher(name).matches()) {
            throw EventsValidation.validation("1 validation error detected: Value '" + name + "' at '"
                    + field.toLowerCase() + "' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: " + EventsValidation.NAME.pattern());
        }
        return name;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
