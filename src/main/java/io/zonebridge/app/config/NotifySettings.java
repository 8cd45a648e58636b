package io.zonebridge.app.config;

import java.time.Duration;
import java.util.List;

/**
 * The NOTIFY listener (UDP and TCP on one address).
 *
 * @param enabled   whether NOTIFY is listened for
 * @param host      listen address
 * @param port      listen port
 * @param allowFrom addresses or CIDR blocks allowed to send NOTIFY (besides the zones' primaries)
 * @param tcpIdleTimeout a NOTIFY connection on TCP that reads and writes nothing for this long is closed
 */
public record NotifySettings(boolean enabled, String host, int port, List<String> allowFrom, Duration tcpIdleTimeout) {

    static NotifySettings from(ConfigNode node) {
        node.allowOnly("enabled", "listen", "allowFrom", "tcpIdleTimeout");
        PrimaryAddress listen = node.get("listen").isPresent()
                ? PrimaryAddress.parse(node.get("listen")) : new PrimaryAddress("127.0.0.1", 10053);
        List<String> allow = node.get("allowFrom").list().stream().map(item -> {
            String text = item.text();
            if (!text.matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) {
                throw item.error("is not an address or CIDR block: '" + text + "'");
            }
            return text;
        }).toList();
        return new NotifySettings(node.get("enabled").bool(true), listen.host(), listen.port(), allow,
                ServiceSettings.period(node.get("tcpIdleTimeout"), Duration.ofSeconds(30), Duration.ofMillis(1)));
    }
}
