package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.LongSupplier;

/**
 * Amazon EventBridge (JSON 1.1, {@code AWSEvents.*}), per account and region: buses ({@link EventBusOperations}),
 * rules and targets ({@link EventRuleOperations}) and PutEvents ({@link PutEventsOperation}), delivered by the
 * {@link EventRouter}.
 */
public final class EventsService implements JsonService {
    private static final String PREFIX = "AWSEvents.";
    private final EmulatorState state;
    private final EventBusOperations buses;
    private final EventRuleOperations rules;
    private final PutEventsOperation putEvents;

    /** Creates the service over {@code state}, delivering through {@code router}. */
    public EventsService(EmulatorState state, EventRouter router, LongSupplier clock) {
        this.state = state;
        this.buses = new EventBusOperations(state);
        this.rules = new EventRuleOperations(state);
        this.putEvents = new PutEventsOperation(router, clock);
    }

    @Override
    public String targetPrefix() {
        return PREFIX;
    }

    @Override
    public JsonNode call(String operation, Caller caller, JsonNode request) {
        return switch (operation) {
            case "CreateEventBus" -> state.mutate(() -> buses.createEventBus(caller, request));
            case "DescribeEventBus" -> state.read(() -> buses.describeEventBus(caller, request));
            case "ListEventBuses" -> state.read(() -> buses.listEventBuses(caller));
            case "DeleteEventBus" -> state.mutate(() -> buses.deleteEventBus(caller, request));
            case "PutPermission" -> state.mutate(() -> buses.putPermission(caller, request));
            case "RemovePermission" -> state.mutate(() -> buses.removePermission(caller, request));
            case "PutRule" -> state.mutate(() -> rules.putRule(caller, request));
            case "DescribeRule" -> state.read(() -> rules.describeRule(caller, request));
            case "ListRules" -> state.read(() -> rules.listRules(caller, request));
            case "DeleteRule" -> state.mutate(() -> rules.deleteRule(caller, request));
            case "EnableRule" -> state.mutate(() -> rules.setRuleState(caller, request, "ENABLED"));
            case "DisableRule" -> state.mutate(() -> rules.setRuleState(caller, request, "DISABLED"));
            case "PutTargets" -> state.mutate(() -> rules.putTargets(caller, request));
            case "ListTargetsByRule" -> state.read(() -> rules.listTargets(caller, request));
            case "RemoveTargets" -> state.mutate(() -> rules.removeTargets(caller, request));
            case "PutEvents" -> putEvents.putEvents(caller, request);
            default -> throw JsonProtocolHandler.unknownOperation(PREFIX, operation);
        };
    }
}
