package io.zonebridge.route53;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP proxy (JDK HttpServer on 127.0.0.1) in front of the gateway tests' Route 53 server that
 * answers the next N requests of one method and path prefix itself (a Route 53 error, HTTP 400 with the
 * {@code ErrorResponse} envelope, or any canned response), and forwards everything else unchanged.
 */
final class GatewayFaultProxy implements AutoCloseable {

    /** Route 53's XML namespace. */
    static final String NS = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static final Set<String> UNFORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpServer http;
    private final URI target;
    private final HttpClient forwarder = HttpClient.newHttpClient();
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private volatile String faultMethod;
    private volatile String faultPathPrefix;
    private volatile int faultStatus;
    private volatile String faultBody;

    private GatewayFaultProxy(URI target) throws IOException {
        this.target = target;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        http.createContext("/", this::handle);
        http.start();
    }

    /** A proxy forwarding to {@code target}. */
    static GatewayFaultProxy in(URI target) throws IOException {
        return new GatewayFaultProxy(target);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** The next {@code times} requests matching {@code method} and {@code pathPrefix} get error {@code code}. */
    void failNext(int times, String method, String pathPrefix, String code, String message) {
        answerNext(times, method, pathPrefix, 400, "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + NS + "\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    /** The next {@code times} requests matching {@code method} and {@code pathPrefix} get this XML response. */
    void answerNext(int times, String method, String pathPrefix, int status, String xml) {
        faultMethod = method;
        faultPathPrefix = pathPrefix;
        faultStatus = status;
        faultBody = xml;
        faultsLeft.set(times);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (exchange.getRequestMethod().equals(faultMethod) && path.startsWith(faultPathPrefix)
                    && faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respondCanned(exchange);
            } else {
                forward(exchange, body);
            }
        }
    }

    private void respondCanned(HttpExchange exchange) throws IOException {
        byte[] xml = faultBody.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(faultStatus, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!UNFORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!UNFORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("transfer-encoding")
                    && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        }
        exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
