package io.zonebridge.route53;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import javax.net.ssl.SSLException;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The Apache HTTP client an SDK client talks through. For a plain-HTTP endpoint (the embedded or local Route 53) it
 * has no TLS: the Apache client otherwise sets up TLS when it is built, reading every CA certificate the JVM trusts,
 * for connections that never use it (a noticeable share of the service's start-up). For HTTPS or AWS itself: the
 * SDK's default.
 */
public final class SdkHttpClients {

    private SdkHttpClients() {
    }

    /** A builder for requests to {@code endpoint} ({@code null}: AWS's own endpoints). */
    public static ApacheHttpClient.Builder apache(URI endpoint) {
        ApacheHttpClient.Builder builder = ApacheHttpClient.builder();
        if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme())) {
            builder.socketFactory(new NoTls(endpoint));
        }
        return builder;
    }

    /** The HTTPS socket factory of a plain-HTTP client: any HTTPS connection is refused, naming the endpoint. */
    private record NoTls(URI endpoint) implements LayeredConnectionSocketFactory {

        @Override
        public Socket createSocket(HttpContext context) throws IOException {
            throw refused();
        }

        @Override
        public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
                InetSocketAddress localAddress, HttpContext context) throws IOException {
            throw refused();
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context)
                throws IOException {
            throw refused();
        }

        private SSLException refused() {
            return new SSLException("no TLS: this client was built for the plain-HTTP endpoint " + endpoint);
        }
    }
}
