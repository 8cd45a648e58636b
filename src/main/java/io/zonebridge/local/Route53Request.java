package io.zonebridge.local;

import java.util.List;
import java.util.Map;

/**
 * A Route 53 REST request after routing.
 *
 * @param operation operation name (e.g. {@code GetHostedZone})
 * @param pathIds   decoded path parameters (zone or change id), in path order
 * @param query     decoded query parameters
 * @param body      request body
 * @param account   account derived from the access key
 */
public record Route53Request(String operation, List<String> pathIds, Map<String, String> query, byte[] body,
                             String account) {

    /** The first path parameter. */
    public String id() {
        return pathIds.get(0);
    }
}
