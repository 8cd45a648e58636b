package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import java.util.function.LongSupplier;

/** Serves Route 53 Resolver's JSON 1.1 API (dispatch by {@code X-Amz-Target: Route53Resolver.<Operation>}). */
public final class ResolverHandler {
    private static final String PREFIX = "Route53Resolver.";
    private final ObjectMapper json = new ObjectMapper();
    private final ResolverConfigOperations configs;
    private final RequestRateLimiter limiter;
    private final OperationCounters counters;

    /** Creates the handler over {@code state}. */
    public ResolverHandler(EmulatorState state, LocalRoute53Options options, OperationCounters counters,
                           LongSupplier clock) {
        this.configs = new ResolverConfigOperations(state, options, clock, json);
        this.limiter = new RequestRateLimiter(options.requestsPerSecond());
        this.counters = counters;
    }

    /** Answers one HTTP exchange whose {@code X-Amz-Target} is {@code target}. */
    public void handle(HttpExchange exchange, String target) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int status = 200;
        JsonNode answer;
        try {
            String operation = target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : target;
            counters.request(operation);
            String account = AccountIds.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode request = parse(exchange.getRequestBody().readAllBytes());
            if (!limiter.tryAcquire(account)) {
                counters.throttle();
                throw new ServiceException(400, "ThrottlingException", "Rate exceeded");
            }
            answer = switch (target) {
                case PREFIX + "GetResolverConfig" -> configs.get(account, request);
                case PREFIX + "UpdateResolverConfig" -> configs.update(account, request);
                case PREFIX + "ListResolverConfigs" -> configs.list(account, request);
                default -> throw new ServiceException(400, "UnknownOperationException",
                        "Unknown operation " + target);
            };
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
}
