package io.zonebridge.route53;

import java.io.IOException;
import java.net.URI;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP client of a plain-HTTP endpoint: reaches it, and refuses HTTPS with a message naming it. */
class SdkHttpClientsTest {

    private static HttpExecuteResponse get(SdkHttpClient client, URI uri) throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
        return client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call();
    }

    @Test
    void aPlainHttpClientReachesItsEndpointAndRefusesHttpsNamingTheEndpoint() throws IOException {
        try (GatewayTestServer server = GatewayTestServer.start();
             SdkHttpClient client = SdkHttpClients.apache(server.endpoint()).build()) {
            HttpExecuteResponse response = get(client, server.endpoint().resolve("/2013-04-01/hostedzone"));
            assertEquals(200, response.httpResponse().statusCode());
            response.responseBody().orElseThrow().close();

            URI https = URI.create("https://127.0.0.1:" + server.endpoint().getPort() + "/2013-04-01/hostedzone");
            SSLException refused = assertThrows(SSLException.class, () -> get(client, https));
            assertTrue(refused.getMessage().contains(server.endpoint().toString()), refused.getMessage());
        }
    }
}
