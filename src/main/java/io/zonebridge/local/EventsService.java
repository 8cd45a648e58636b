package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon EventBridge (JSON 1.1, {@code AWSEvents.*}), per account and region: CreateEventBus, DescribeEventBus,
 * ListEventBuses, DeleteEventBus, PutPermission (accepted, not enforced), PutRule, DescribeRule, ListRules,
 * DeleteRule, EnableRule, DisableRule, PutTargets, ListTargetsByRule, RemoveTargets and PutEvents (delivered by
 * the {@link EventRouter}).
 */
public final class EventsService implements JsonService {
    private static final String PREFIX = "AWSEvents.";
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Pattern BUS_ARN = Pattern.compile("arn:aws:events:([a-z0-9-]+):(\\d{12}):event-bus/(.+)");
    private final ObjectMapper json = new ObjectMapper();
    private final EmulatorState state;
    private final EventRouter router;
    private final LongSupplier clock;

    /** Creates the service over {@code state}, delivering through {@code router}. */
    public EventsService(EmulatorState state, EventRouter router, LongSupplier clock) {
        this.state = state;
        this.router = router;
        this.clock = clock;
    }

    @Override
    public String targetPrefix() {
        return PREFIX;
    }

    @Override
    public JsonNode call(String operation, Caller caller, JsonNode request) {
        return switch (operation) {
            case "CreateEventBus" -> state.mutate(() -> createEventBus(caller, request));
            case "DescribeEventBus" -> state.read(() -> describeEventBus(caller, request));
            case "ListEventBuses" -> state.read(() -> listEventBuses(caller));
            case "DeleteEventBus" -> state.mutate(() -> deleteEventBus(caller, request));
            case "PutPermission" -> state.read(() -> {
                bus(caller, request.path("EventBusName").asText("default"));
                return json.createObjectNode();
            });
            case "PutRule" -> state.mutate(() -> putRule(caller, request));
            case "DescribeRule" -> state.read(() -> describeRule(caller, request));
            case "ListRules" -> state.read(() -> listRules(caller, request));
            case "DeleteRule" -> state.mutate(() -> deleteRule(caller, request));
            case "EnableRule" -> state.mutate(() -> setRuleState(caller, request, "ENABLED"));
            case "DisableRule" -> state.mutate(() -> setRuleState(caller, request, "DISABLED"));
            case "PutTargets" -> state.mutate(() -> putTargets(caller, request));
            case "ListTargetsByRule" -> state.read(() -> listTargets(caller, request));
            case "RemoveTargets" -> state.mutate(() -> removeTargets(caller, request));
            case "PutEvents" -> putEvents(caller, request);
            default -> throw JsonProtocolHandler.unknownOperation(PREFIX, operation);
        };
    }

    private JsonNode createEventBus(Caller caller, JsonNode request) {
        String name = required(request, "Name");
        if (!NAME.matcher(name).matches() || name.equals("default")) {
            throw validation("Event bus name '" + name + "' is not valid.");
        }
        AccountState account = state.account(caller.account());
        String key = caller.region() + "/" + name;
        if (account.eventBuses().containsKey(key)) {
            throw new ServiceException(400, "ResourceAlreadyExistsException", "Event bus " + name
                    + " already exists.");
        }
        EventBusData bus = new EventBusData(name, caller.region(), new LinkedHashMap<>());
        account.eventBuses().put(key, bus);
        return json.createObjectNode().put("EventBusArn", bus.arn(caller.account()));
    }

    private JsonNode describeEventBus(Caller caller, JsonNode request) {
        EventBusData bus = bus(caller, request.path("Name").asText("default"));
        return json.createObjectNode().put("Name", bus.name()).put("Arn", bus.arn(caller.account()));
    }

    private JsonNode listEventBuses(Caller caller) {
        AccountState account = state.account(caller.account());
        account.eventBus(caller.region(), "default");
        ObjectNode answer = json.createObjectNode();
        ArrayNode buses = answer.putArray("EventBuses");
        account.eventBuses().values().stream().filter(b -> b.region().equals(caller.region()))
                .forEach(b -> buses.addObject().put("Name", b.name()).put("Arn", b.arn(caller.account())));
        return answer;
    }

    private JsonNode deleteEventBus(Caller caller, JsonNode request) {
        String name = required(request, "Name");
        if (name.equals("default")) {
            throw validation("Cannot delete event bus default.");
        }
        state.account(caller.account()).eventBuses().remove(caller.region() + "/" + name);
        return json.createObjectNode();
    }

    private JsonNode putRule(Caller caller, JsonNode request) {
        String name = ruleName(request, "Name");
        EventBusData bus = bus(caller, request.path("EventBusName").asText("default"));
        String pattern = request.path("EventPattern").asText(null);
        String schedule = request.path("ScheduleExpression").asText(null);
        if (pattern == null && schedule == null) {
            throw validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (pattern != null) {
            EventPattern.parse(pattern);
        }
        String ruleState = request.path("State").asText("ENABLED");
        if (!ruleState.equals("ENABLED") && !ruleState.equals("DISABLED")) {
            throw validation("1 validation error detected: Value '" + ruleState + "' at 'state' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [ENABLED, DISABLED]");
        }
        EventRuleData old = bus.rules().get(name);
        bus.rules().put(name, new EventRuleData(name, pattern, schedule, ruleState,
                request.path("Description").asText(null), old == null ? new LinkedHashMap<>() : old.targets()));
        return json.createObjectNode().put("RuleArn", bus.ruleArn(caller.account(), name));
    }

    private JsonNode describeRule(Caller caller, JsonNode request) {
        EventBusData bus = bus(caller, request.path("EventBusName").asText("default"));
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

    private JsonNode listRules(Caller caller, JsonNode request) {
        EventBusData bus = bus(caller, request.path("EventBusName").asText("default"));
        String prefix = request.path("NamePrefix").asText("");
        List<EventRuleData> rules = bus.rules().values().stream().filter(r -> r.name().startsWith(prefix)).toList();
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("Rules");
        page(rules, request, answer, rule -> items.add(ruleNode(caller, bus, rule)));
        return answer;
    }

    private JsonNode deleteRule(Caller caller, JsonNode request) {
        EventBusData bus = bus(caller, request.path("EventBusName").asText("default"));
        String name = ruleName(request, "Name");
        EventRuleData rule = bus.rules().get(name);
        if (rule != null && !rule.targets().isEmpty()) {
            throw validation("Rule can't be deleted since it has targets.");
        }
        bus.rules().remove(name);
        return json.createObjectNode();
    }

    private JsonNode setRuleState(Caller caller, JsonNode request, String ruleState) {
        EventBusData bus = bus(caller, request.path("EventBusName").asText("default"));
        EventRuleData rule = rule(bus, ruleName(request, "Name"));
        bus.rules().put(rule.name(), new EventRuleData(rule.name(), rule.eventPattern(), rule.scheduleExpression(),
                ruleState, rule.description(), rule.targets()));
        return json.createObjectNode();
    }

    private JsonNode putTargets(Caller caller, JsonNode request) {
        EventBusData bus = bus(caller, request.path("EventBusName").asText("default"));
        EventRuleData rule = rule(bus, ruleName(request, "Rule"));
        JsonNode targets = request.path("Targets");
        if (!targets.isArray() || targets.isEmpty() || targets.size() > 10) {
            throw validation("Targets must list 1 to 10 targets.");
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode failed = json.createArrayNode();
        for (JsonNode target : targets) {
            String id = target.path("Id").asText("");
            String arn = target.path("Arn").asText("");
            if (!NAME.matcher(id).matches() || !arn.startsWith("arn:aws:")) {
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

    private JsonNode listTargets(Caller caller, JsonNode request) {
        EventBusData bus = bus(caller, request.path("EventBusName").asText("default"));
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

    private JsonNode removeTargets(Caller caller, JsonNode request) {
        EventBusData bus = bus(caller, request.path("EventBusName").asText("default"));
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

    private JsonNode putEvents(Caller caller, JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
            throw validation("1 validation error detected: Value at 'entries' failed to satisfy constraint: "
                    + "Member must have length between 1 and 10");
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = json.createArrayNode();
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            String problem = entryProblem(entry);
            if (problem != null) {
                failed++;
                result.put("ErrorCode", problem.startsWith("Detail") ? "MalformedDetail" : "InvalidArgument")
                        .put("ErrorMessage", problem);
                continue;
            }
            ObjectNode event = envelope(caller, entry);
            result.put("EventId", event.get("id").asText());
            String busName = entry.path("EventBusName").asText("default");
            Matcher arn = BUS_ARN.matcher(busName);
            if (arn.matches()) {
                router.publish(arn.group(2), arn.group(1), arn.group(3), event);
            } else {
                router.publish(caller.account(), caller.region(), busName, event);
            }
        }
        answer.put("FailedEntryCount", failed).set("Entries", results);
        return answer;
    }

    private String entryProblem(JsonNode entry) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            if (entry.path(field).asText("").isEmpty()) {
                return "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.";
            }
        }
        try {
            JsonNode detail = json.readTree(entry.get("Detail").asText());
            if (detail == null || !detail.isObject()) {
                return "Detail is malformed.";
            }
        } catch (IOException e) {
            return "Detail is malformed.";
        }
        return null;
    }

    private ObjectNode envelope(Caller caller, JsonNode entry) {
        ObjectNode event = json.createObjectNode();
        Instant time = entry.has("Time") ? Instant.ofEpochMilli((long) (entry.get("Time").asDouble() * 1000))
                : Instant.ofEpochMilli(clock.getAsLong());
        event.put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", entry.get("DetailType").asText()).put("source", entry.get("Source").asText())
                .put("account", caller.account()).put("time", time.truncatedTo(ChronoUnit.SECONDS)
                        .toString()).put("region", caller.region());
        ArrayNode resources = event.putArray("resources");
        entry.path("Resources").forEach(resources::add);
        try {
            event.set("detail", json.readTree(entry.get("Detail").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("detail was checked", e);
        }
        return event;
    }

    private <T> void page(List<T> items, JsonNode request, ObjectNode answer, Consumer<T> add) {
        int start = 0;
        String token = request.path("NextToken").asText(null);
        if (token != null) {
            try {
                start = Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw validation("The NextToken provided is not valid.");
            }
        }
        int limit = request.path("Limit").asInt(100);
        int end = Math.min(items.size(), start + Math.max(1, limit));
        for (int i = start; i < end; i++) {
            add.accept(items.get(i));
        }
        if (end < items.size()) {
            answer.put("NextToken", Base64.getEncoder().encodeToString(String.valueOf(end)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    private EventBusData bus(Caller caller, String nameOrArn) {
        Matcher arn = BUS_ARN.matcher(nameOrArn);
        String name = arn.matches() ? arn.group(3) : nameOrArn;
        EventBusData bus = state.account(caller.account()).eventBus(caller.region(), name);
        if (bus == null) {
            throw new ServiceException(400, "ResourceNotFoundException", "Event bus " + name + " does not exist.");
        }
        return bus;
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
        String name = required(request, field);
        if (!NAME.matcher(name).matches()) {
            throw validation("1 validation error detected: Value '" + name + "' at '" + field.toLowerCase()
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + NAME.pattern());
        }
        return name;
    }

    private static String required(JsonNode request, String field) {
        String value = request.path(field).asText("");
        if (value.isEmpty()) {
            throw validation("1 validation error detected: Value null at '" + field.toLowerCase() + "' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static ServiceException validation(String message) {
        return new ServiceException(400, "ValidationException", message);
    }
}
