package io.zonebridge.app.config;

/**
 * A primary name server zonebridge transfers from.
 *
 * @param host address or host name
 * @param port DNS port
 */
public record PrimaryAddress(String host, int port) {

    static PrimaryAddress parse(ConfigNode node) {
        String text = node.text();
        String host = text;
        int port = 53;
        int colon = text.lastIndexOf(':');
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw node.error("bad IPv6 address '" + text + "' (write [addr]:port)");
            }
            host = text.substring(1, close);
            if (close + 1 < text.length()) {
                port = parsePort(node, text.substring(close + 2));
            }
        } else if (colon > 0 && text.indexOf(':') == colon) {
            host = text.substring(0, colon);
            port = parsePort(node, text.substring(colon + 1));
        }
        return new PrimaryAddress(host, port);
    }

    private static int parsePort(ConfigNode node, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw node.error("bad port '" + text + "' (1-65535)");
        }
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
