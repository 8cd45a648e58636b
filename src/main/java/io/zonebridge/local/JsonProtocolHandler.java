package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Serves one AWS JSON 1.1 service over HTTP: parses the body, counts the operation, applies the optional
 * per-account rate limit, and answers {@code {"__type": code, "message": text}} for every failure.
 */
public final class JsonProtocolHandler {
    private final ObjectMapper json = new ObjectMapper();
    private final JsonService service;
    private final RequestRateLimiter limiter;
    private final OperationCounters counters;

    /** A handler for {@code service}; {@code limiter} null means no throttling. */
    public JsonProtocolHandler(JsonService service, RequestRateLimiter limiter, OperationCounters counters) {
        this.service = service;
        this.limiter = limiter;
        this.counters = counters;
    }

    /** Whether {@code target} belongs to this service. */
    public boolean serves(String target) {
        return target.startsWith(service.targetPrefix());
    }

    /** Answers one HTTP exchange whose {@code X-Amz-Target} is {@code target} (another service's: an error). */
    public void handle(HttpExchange exchange, String target) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int status = 200;
        JsonNode answer;
        try {
            if (!serves(target)) {
                throw new ServiceException(400, "UnknownOperationException", "Unknown operation " + target);
            }
            String operation = target.substring(service.targetPrefix().length());
            counters.request(operation);
            Caller caller = Caller.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode request = parse(exchange.getRequestBody().readAllBytes());
            if (limiter != null && !limiter.tryAcquire(caller.account())) {
                counters.throttle();
                throw new ServiceException(400, "ThrottlingException", "Rate exceeded");
            }
            answer = service.call(operation, caller, request);
        } catch (ServiceException e) {
            status = e.status();
            answer = error(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            status = 500;
            answer = error("InternalFailure", "Internal emulator error: " + e);
        }
        byte[] bytes = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ServiceException(400, "SerializationException", "Malformed JSON request body: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private ObjectNode error(String code, String message) {
        ObjectNode node = json.createObjectNode();
        node.put("__type", code).put("Message", message);
        return node;
    }

    /** An unknown operation of this service. */
    static ServiceException unknownOperation(String prefix, String operation) {
        return new ServiceException(400, "UnknownOperationException", "Unknown operation " + prefix + operation);
    }
}
