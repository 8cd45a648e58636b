package io.zonebridge.app.config;

import java.net.URI;
import java.util.Optional;

/**
 * How zonebridge reaches Route 53.
 *
 * @param endpoint           endpoint override (the local emulator), empty for AWS itself
 * @param region             signing region for regional services
 * @param rateLimitPerSecond shared Route 53 request budget per account
 * @param waitForInsync      whether applies wait until Route 53 reports INSYNC
 */
public record Route53Settings(Optional<URI> endpoint, String region, double rateLimitPerSecond, boolean waitForInsync) {

    static Route53Settings from(ConfigNode node) {
        node.allowOnly("endpoint", "region", "rateLimitPerSecond", "waitForInsync");
        Optional<URI> endpoint = node.get("endpoint").optionalText().map(text -> {
            try {
                URI uri = URI.create(text);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw node.get("endpoint").error("must be a URL such as http://127.0.0.1:4566, not '" + text + "'");
            }
        });
        return new Route53Settings(endpoint, node.get("region").text("us-east-1"),
                node.get("rateLimitPerSecond").doubleValue(5.0, 0.1, 1000),
                node.get("waitForInsync").bool(false));
    }
}
