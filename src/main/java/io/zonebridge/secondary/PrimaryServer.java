package io.zonebridge.secondary;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A primary name server to query and transfer from: host (name or address literal) and port.
 *
 * @param host host name or IP literal (IPv6 without brackets)
 * @param port TCP/UDP port, 1..65535
 */
public record PrimaryServer(String host, int port) {

    /** The standard DNS port. */
    public static final int DNS_PORT = 53;

    /** Validates host and port. */
    public PrimaryServer {
        Objects.requireNonNull(host, "primary host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("primary host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("primary " + host + " has port " + port + " outside 1..65535");
        }
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 literal (port 53).
     *
     * @throws IllegalArgumentException naming the text when it is not of that shape
     */
    public static PrimaryServer parse(String text) {
        Objects.requireNonNull(text, "primary");
        String t = text.trim();
        try {
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("primary '" + text + "' lacks the closing ']'");
                }
                String rest = t.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("primary '" + text + "' has text after ']' that is not :port");
                }
                int port = rest.isEmpty() ? DNS_PORT : Integer.parseInt(rest.substring(1));
                return new PrimaryServer(t.substring(1, close), port);
            }
            int colon = t.indexOf(':');
            if (colon < 0 || t.indexOf(':', colon + 1) >= 0) {
                return new PrimaryServer(t, DNS_PORT);
            }
            return new PrimaryServer(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("primary '" + text + "' has a non-numeric port", e);
        }
    }

    /** The socket address (resolves the host name, if it is one). */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
