package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;

/** EventBridge buses: CreateEventBus, DescribeEventBus, ListEventBuses, DeleteEventBus, PutPermission. */
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
        return json.createObjectNode().put("Name", bus.name()).put("Arn", bus.arn(caller.account()));
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
        EventsValidation.bus(state, caller, request.path("EventBusName").asText("default"));
        return json.createObjectNode();
    }
}
