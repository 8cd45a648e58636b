package io.zonebridge.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.zonebridge.local.Route53Fixture.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw wire shapes (route53-api.md §1): envelope, headers, bad documents and paths never answered with 500. */
class WireConformanceTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIAWIRE/20260101/us-east-1/route53/"
            + "aws4_request, SignedHeaders=host, Signature=00";
    private static LocalAwsServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new LocalAwsServer();
        server.start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .header("Authorization", AUTH);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String createZone(String name) throws IOException, InterruptedException {
        HttpResponse<String> created = send("POST", "/2013-04-01/hostedzone", "<CreateHostedZoneRequest xmlns=\""
                + "https://route53.amazonaws.com/doc/2013-04-01/\"><Name>" + name + "</Name><CallerReference>"
                + System.nanoTime() + "</CallerReference></CreateHostedZoneRequest>");
        assertEquals(201, created.statusCode());
        String body = created.body();
        return body.substring(body.indexOf("<Id>/hostedzone/") + 16, body.indexOf("</Id>"));
    }

    @Test
    void errorEnvelopeIsErrorResponseWithSenderTypeRequestIdAndHeaders() throws Exception {
        HttpResponse<String> response = send("GET", "/2013-04-01/hostedzone/ZNOPE", null);
        assertEquals(404, response.statusCode());
        assertEquals("text/xml", response.headers().firstValue("Content-Type").orElseThrow());
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertEquals("<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<Error><Type>Sender</Type><Code>NoSuchHostedZone</Code><Message>No hosted zone found with ID: "
                + "ZNOPE</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>", response.body());
    }

    @Test
    void successfulResponseHasXmlDeclarationAndNamespacedRoot() throws Exception {
        HttpResponse<String> response = send("GET", "/2013-04-01/hostedzone", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("<?xml version=\"1.0\"?>\n<ListHostedZonesResponse xmlns=\""
                + "https://route53.amazonaws.com/doc/2013-04-01/\">"), response.body());
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    @Test
    void malformedXmlIsInvalidInputInvalidXml() throws Exception {
        String id = createZone("malformed.example.org");
        HttpResponse<String> response = send("POST", "/2013-04-01/hostedzone/" + id + "/rrset/",
                "<ChangeResourceRecordSetsRequest><ChangeBatch>");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>InvalidInput</Code><Message>Invalid XML ; "), response.body());
    }

    @Test
    void wrongRootElementIsMalformedInput() throws Exception {
        String id = createZone("root.example.org");
        HttpResponse<String> response = send("POST", "/2013-04-01/hostedzone/" + id + "/rrset",
                "<ChangeBatch xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Changes/></ChangeBatch>");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>MalformedInput</Code><Message>ChangeBatch is not valid, expected "
                + "ChangeResourceRecordSetsRequest</Message>"), response.body());
    }

    @Test
    void missingRequiredElementIsInvalidXmlContentNotComplete() throws Exception {
        String id = createZone("incomplete.example.org");
        HttpResponse<String> response = send("POST", "/2013-04-01/hostedzone/" + id + "/rrset/",
                "<ChangeResourceRecordSetsRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><ChangeBatch>"
                        + "<Changes><Change><Action>CREATE</Action><ResourceRecordSet><Name>a.incomplete.example.org"
                        + "</Name><Type>A</Type><TTL>60</TTL><ResourceRecords></ResourceRecords></ResourceRecordSet>"
                        + "</Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Message>Invalid XML ; cvc-complex-type.2.4.b: The content of element "
                + "'ResourceRecords' is not complete. One of '{&quot;https://route53.amazonaws.com/doc/2013-04-01/&quot;"
                + ":ResourceRecord}' is expected.</Message>"), response.body());
    }

    @Test
    void unknownOperationIsA400InvalidActionNot500() throws Exception {
        HttpResponse<String> response = send("PUT", "/2013-04-01/hostedzone", "");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>InvalidAction</Code>"), response.body());
        assertEquals(400, send("GET", "/nothing/here", null).statusCode());
    }

    @Test
    void changeResourceRecordSetsRoutesWithAndWithoutTrailingSlash() throws Exception {
        String id = createZone("slash.example.org");
        String body = "<ChangeResourceRecordSetsRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<ChangeBatch><Changes><Change><Action>CREATE</Action><ResourceRecordSet><Name>NAME</Name>"
                + "<Type>A</Type><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value>"
                + "</ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch>"
                + "</ChangeResourceRecordSetsRequest>";
        assertEquals(200, send("POST", "/2013-04-01/hostedzone/" + id + "/rrset/",
                body.replace("NAME", "a.slash.example.org")).statusCode());
        assertEquals(200, send("POST", "/2013-04-01/hostedzone/" + id + "/rrset",
                body.replace("NAME", "b.slash.example.org")).statusCode());
    }

    @Test
    void prefixedChangeIdFromJavaIsNoSuchChangeEchoingTheId() {
        try (Route53Client r53 = Route53Fixture.client(server, "AKIAWIRE")) {
            assertAwsError(404, "NoSuchChange", "Could not find resource with ID: /change/C003789825HUY95U5CD79",
                    () -> r53.getChange(b -> b.id("/change/C003789825HUY95U5CD79")));
        }
    }

    @Test
    void badMaxItemsIsInvalidInputNot500() throws Exception {
        HttpResponse<String> response = send("GET", "/2013-04-01/hostedzone?maxitems=lots", null);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>InvalidInput</Code>"), response.body());
    }
}
