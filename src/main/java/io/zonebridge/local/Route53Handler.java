package io.zonebridge.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Serves Route 53's REST-XML API: routing, account from the access key, rate limit, counters, and Route 53's
 * error envelope for every failure. Every ChangeResourceRecordSets call, accepted or refused, goes to
 * CloudTrail ({@link CloudTrailRecorder}).
 */
public final class Route53Handler {
    private final HostedZoneOperations zones;
    private final HostedZoneListings listings;
    private final RecordSetOperations recordSets;
    private final RequestRateLimiter limiter;
    private final OperationCounters counters;
    private final CloudTrailRecorder trail;

    /** Creates the handler over {@code state}; every ChangeResourceRecordSets call is told to {@code trail}. */
    public Route53Handler(EmulatorState state, LocalRoute53Options options, OperationCounters counters,
                          LongSupplier clock, CloudTrailRecorder trail) {
        ZoneChanges changes = new ZoneChanges(options, counters);
        this.zones = new HostedZoneOperations(state, changes, clock);
        this.listings = new HostedZoneListings(state);
        this.recordSets = new RecordSetOperations(state, changes, clock);
        this.limiter = new RequestRateLimiter(options.requestsPerSecond());
        this.counters = counters;
        this.trail = trail;
    }

    /** Answers one HTTP exchange. */
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        Route53Response response;
        Route53Router.Route route = null;
        Caller caller = null;
        byte[] body = null;
        ServiceException refusal = null;
        try {
            route = Route53Router.route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            counters.request(route.operation());
            caller = Caller.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization"));
            body = exchange.getRequestBody().readAllBytes();
            if (!limiter.tryAcquire(caller.account())) {
                counters.throttle();
                throw new ServiceException(400, "Throttling", "Rate exceeded");
            }
            Route53Request request = new Route53Request(route.operation(), route.ids(),
                    Route53Router.query(exchange.getRequestURI().getRawQuery()), body, caller.account());
            response = dispatch(request);
        } catch (ServiceException e) {
            refusal = e;
            if (route != null) {
                counters.refused(route.operation(), e.code());
            }
            response = error(e, requestId);
        } catch (RuntimeException e) {
            response = error(new ServiceException(500, "InternalFailure", "Internal emulator error: " + e), requestId);
        }
        send(exchange, response, requestId);
        if (caller != null && route.operation().equals("ChangeResourceRecordSets")) {
            record(new CloudTrailRecorder.Call(caller, route.ids().get(0), body,
                    exchange.getRequestHeaders().getFirst("User-Agent"), exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRemoteAddress().getAddress().getHostAddress(), requestId), response, refusal);
        }
    }

    private void record(CloudTrailRecorder.Call call, Route53Response response,
                        ServiceException refusal) {
        try {
            if (refusal != null) {
                trail.refused(call, refusal);
            } else if (response.status() == 200) {
                trail.accepted(call, response.body());
            }
        } catch (RuntimeException e) {
            counters.eventDeliveryFailed("CloudTrail event not recorded: " + e);
        }
    }

    private Route53Response dispatch(Route53Request request) {
        return switch (request.operation()) {
            case "CreateHostedZone" -> zones.create(request);
            case "GetHostedZone" -> zones.get(request);
            case "DeleteHostedZone" -> zones.delete(request);
            case "AssociateVPCWithHostedZone" -> zones.associateVpc(request);
            case "GetChange" -> zones.getChange(request);
            case "ListHostedZones" -> listings.list(request);
            case "ListHostedZonesByName" -> listings.listByName(request);
            case "ListHostedZonesByVPC" -> listings.listByVpc(request);
            case "ChangeResourceRecordSets" -> recordSets.change(request);
            case "ListResourceRecordSets" -> recordSets.list(request);
            default -> throw new IllegalStateException("unrouted " + request.operation());
        };
    }

    private static Route53Response error(ServiceException e, String requestId) {
        String body = new XmlWriter("ErrorResponse").start("Error")
                .element("Type", e.status() < 500 ? "Sender" : "Receiver").element("Code", e.code())
                .element("Message", e.getMessage()).end().element("RequestId", requestId).finish();
        return new Route53Response(e.status(), body, Map.of());
    }

    private static void send(HttpExchange exchange, Route53Response response, String requestId) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
