package io.zonebridge.app.config;

import java.net.URI;
import java.util.Optional;

/**
 * How zonebridge reaches Route 53: AWS itself, an endpoint override (a running local emulator), or
 * {@code embedded}: the project's local Route 53 started inside the service (the quick start).
 *
 * @param endpoint           endpoint override (the local emulator), empty for AWS itself or when embedded
 * @param embedded           whether the local Route 53 runs in-process ({@code endpoint: embedded})
 * @param embeddedPort       HTTP port of the embedded Route 53 on 127.0.0.1
 * @param embeddedDnsPort    DNS port (UDP and TCP) of the embedded Route 53 on 127.0.0.1
 * @param region             signing region for regional services (default: {@code AWS_REGION}, then
 *                           {@code AWS_DEFAULT_REGION}, then {@code us-east-1})
 * @param rateLimitPerSecond shared Route 53 request budget per account
 * @param waitForInsync      whether applies wait until Route 53 reports INSYNC
 * @param verifyShare        share (0..1] of {@code rateLimitPerSecond} that drift verification reads may use
 */
public record Route53Settings(Optional<URI> endpoint, boolean embedded, int embeddedPort, int embeddedDnsPort,
                              String region, double rateLimitPerSecond, boolean waitForInsync,
                              double verifyShare) {

    /** The value of {@code route53.endpoint} that starts the local Route 53 in-process. */
    public static final String EMBEDDED = "embedded";

    static Route53Settings from(ConfigNode node, String defaultRegion) {
        node.allowOnly("endpoint", "embeddedPort", "embeddedDnsPort", "region", "rateLimitPerSecond", "waitForInsync",
                "verifyShare");
        boolean embedded = node.get("endpoint").optionalText().map(EMBEDDED::equals).orElse(false);
        Optional<URI> endpoint = embedded ? Optional.empty() : node.get("endpoint").optionalText().map(text -> {
            try {
                URI uri = URI.create(text);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw node.get("endpoint").error("must be '" + EMBEDDED + "' or a URL such as http://127.0.0.1:4566, not '"
                        + text + "'");
            }
        });
        int port = (int) node.get("embeddedPort").longValue(4566, 0, 65535);
        int dnsPort = (int) node.get("embeddedDnsPort").longValue(15353, -1, 65535);
        if (!embedded) {
            for (String key : new String[] {"embeddedPort", "embeddedDnsPort"}) {
                if (node.get(key).isPresent()) {
                    throw node.get(key).error("applies only with endpoint: " + EMBEDDED);
                }
            }
        }
        return new Route53Settings(endpoint, embedded, port, dnsPort, node.get("region").text(defaultRegion),
                node.get("rateLimitPerSecond").doubleValue(5.0, 0.1, 1000),
                node.get("waitForInsync").bool(false),
                node.get("verifyShare").doubleValue(0.20, 0.01, 1.0));
    }
}
