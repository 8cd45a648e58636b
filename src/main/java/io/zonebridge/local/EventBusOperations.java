package io.zonebridge.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;

/**
 * EventBridge buses: CreateEventBus, DescribeEventBus (with its resource policy), ListEventBuses, DeleteEventBus,
 * PutPermission (a statement from Action/Principal/StatementId/Condition, or a whole Policy) and RemovePermission.
 * Policies are stored and shown; deliveries between accounts do not consult them.
 */
final class EventBusOperations {
    private final ObjectMapper json = new ObjectMapper();
    private final EmulatorState state;

    EventBusOperations(EmulatorState state) {
        this.state = state;
    }

    JsonNode createEventBus(Caller caller, JsonNode request) {
        String name = EventsValidation.required(request, "Name");
        if (!EventsValidation.NAME.matcher(name).matches() || name.equals("default")) {
            throw EventsValidation.validation("Event bus name '" + name + "' is not valid.");
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

    JsonNode describeEventBus(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("Name").asText("default"));
        ObjectNode answer = json.createObjectNode().put("Name", bus.name()).put("Arn", bus.arn(caller.account()));
        if (!bus.permissions().isEmpty()) {
            ObjectNode policy = json.createObjectNode().put("Version", "2012-10-17");
            ArrayNode statements = policy.putArray("Statement");
            bus.permissions().values().forEach(text -> statements.add(parse(text)));
            answer.put("Policy", policy.toString());
        }
        return answer;
    }

    JsonNode listEventBuses(Caller caller) {
        AccountState account = state.account(caller.account());
        account.eventBus(caller.region(), "default");
        ObjectNode answer = json.createObjectNode();
        ArrayNode buses = answer.putArray("EventBuses");
        account.eventBuses().values().stream().filter(b -> b.region().equals(caller.region()))
                .forEach(b -> buses.addObject().put("Name", b.name()).put("Arn", b.arn(caller.account())));
        return answer;
    }

    JsonNode deleteEventBus(Caller caller, JsonNode request) {
        String name = EventsValidation.required(request, "Name");
        if (name.equals("default")) {
            throw EventsValidation.validation("Cannot delete event bus default.");
        }
        state.account(caller.account()).eventBuses().remove(caller.region() + "/" + name);
        return json.createObjectNode();
    }

    JsonNode putPermission(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        String policy = request.path("Policy").asText(null);
        if (policy != null) {
            JsonNode statements = parse(policy).path("Statement");
            if (!statements.isArray() || statements.isEmpty()) {
                throw EventsValidation.validation("The policy has no statements.");
            }
            bus.permissions().clear();
            int index = 0;
            for (JsonNode statement : statements) {
                bus.permissions().put(statement.path("Sid").asText("statement-" + index++), statement.toString());
            }
            return json.createObjectNode();
        }
        String action = EventsValidation.required(request, "Action");
        String principal = EventsValidation.required(request, "Principal");
        String sid = EventsValidation.required(request, "StatementId");
        if (!action.equals("events:PutEvents")) {
            throw EventsValidation.validation("Provided value in parameter 'action' is not supported.");
        }
        if (!EventsValidation.NAME.matcher(sid).matches()) {
            throw EventsValidation.validation("Statement id '" + sid + "' is not valid.");
        }
        if (!principal.equals("*") && !principal.matches("\\d{12}")) {
            throw EventsValidation.validation("Value " + principal + " at 'principal' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: (\\d{12}|\\*)");
        }
        ObjectNode statement = json.createObjectNode().put("Sid", sid).put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", principal.equals("*") ? "*"
                : "arn:aws:iam::" + principal + ":root");
        statement.put("Action", action).put("Resource", bus.arn(caller.account()));
        JsonNode condition = request.path("Condition");
        if (!condition.isMissingNode()) {
            String type = condition.path("Type").asText("");
            String key = condition.path("Key").asText("");
            if (!type.equals("StringEquals") || !key.equals("aws:PrincipalOrgID")) {
                throw EventsValidation.validation("Condition must be of Type StringEquals with Key aws:PrincipalOrgID.");
            }
            statement.putObject("Condition").putObject(type).put(key, EventsValidation.required(condition, "Value"));
        }
        bus.permissions().put(sid, statement.toString());
        return json.createObjectNode();
    }

    JsonNode removePermission(Caller caller, JsonNode request) {
        EventBusData bus = EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        if (request.path("RemoveAllPermissions").asBoolean(false)) {
            bus.permissions().clear();
            return json.createObjectNode();
        }
        String sid = EventsValidation.required(request, "StatementId");
        if (bus.permissions().remove(sid) == null) {
            throw new ServiceException(400, "ResourceNotFoundException", "Statement with the provided id does not "
                    + "exist.");
        }
        return json.createObjectNode();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw EventsValidation.validation("The policy is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
