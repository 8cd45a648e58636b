package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/** EventBridge's request checks and error answers, shared by its operations. */
final class EventsValidation {
    static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");

    private EventsValidation() {
    }

    /** The bus {@code nameOrArn} (a name or a bus ARN) of the caller, or ResourceNotFoundException. */
    static EventBusData bus(EmulatorState state, Caller caller, String nameOrArn) {
        EventBusArn arn = EventBusArn.parse(nameOrArn);
        String name = arn != null ? arn.name() : nameOrArn;
        EventBusData bus = state.account(caller.account()).eventBus(caller.region(), name);
        if (bus == null) {
            throw new ServiceException(400, "ResourceNotFoundException", "Event bus " + name + " does not exist.");
        }
        return bus;
    }

    /** The required text field {@code field}, or ValidationException. */
    static String required(JsonNode request, String field) {
        String value = request.path(field).asText("");
        if (value.isEmpty()) {
            throw validation("1 validation error detected: Value null at '" + field.toLowerCase() + "' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** ValidationException with {@code message}. */
    static ServiceException validation(String message) {
        return new ServiceException(400, "ValidationException", message);
    }
}
