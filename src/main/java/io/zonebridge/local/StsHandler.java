package io.zonebridge.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Serves STS's Query protocol (form-encoded {@code Action=...} bodies, XML answers, STS's
 * {@code ErrorResponse} for failures): AssumeRole and GetCallerIdentity.
 */
public final class StsHandler {
    private final StsOperations operations;
    private final EmulatorState state;
    private final OperationCounters counters;

    /** Creates the handler over {@code state}. */
    public StsHandler(EmulatorState state, OperationCounters counters, LongSupplier clock) {
        this.operations = new StsOperations(state, clock);
        this.state = state;
        this.counters = counters;
    }

    /** Whether this request is a Query protocol call (form body, or an Action in the query string). */
    public static boolean isQueryRequest(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String query = exchange.getRequestURI().getRawQuery();
        return exchange.getRequestURI().getPath().equals("/")
                && (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                || query != null && query.contains("Action="));
    }

    /** Answers one HTTP exchange. */
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int status = 200;
        String answer;
        try {
            Map<String, String> params = Route53Router.query(exchange.getRequestURI().getRawQuery());
            params.putAll(Route53Router.query(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            String action = params.getOrDefault("Action", "");
            counters.request(action);
            CallerIdentity caller = CallerIdentity.of(
                    Caller.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization")), state);
            answer = switch (action) {
                case "AssumeRole" -> operations.assumeRole(caller, params, requestId);
                case "GetCallerIdentity" -> operations.getCallerIdentity(caller, requestId);
                default -> throw new ServiceException(400, "InvalidAction", "Could not find operation "
                        + action + " for version 2011-06-15");
            };
        } catch (ServiceException e) {
            status = e.status();
            answer = error(e, requestId);
        } catch (RuntimeException e) {
            status = 500;
            answer = error(new ServiceException(500, "InternalFailure", "Internal emulator error: " + e), requestId);
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String error(ServiceException e, String requestId) {
        return new XmlWriter("ErrorResponse", StsOperations.NAMESPACE).start("Error")
                .element("Type", e.status() < 500 ? "Sender" : "Receiver").element("Code", e.code())
                .element("Message", e.getMessage()).end().element("RequestId", requestId).finish();
    }
}
