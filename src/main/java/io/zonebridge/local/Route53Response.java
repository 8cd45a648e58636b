package io.zonebridge.local;

import java.util.Map;

/**
 * A Route 53 answer: status, XML body and extra headers.
 *
 * @param status  HTTP status
 * @param body    XML document
 * @param headers additional headers (e.g. Location)
 */
public record Route53Response(int status, String body, Map<String, String> headers) {

    /** A 200 answer. */
    public static Route53Response ok(String body) {
        return new Route53Response(200, body, Map.of());
    }
}
