package io.zonebridge.local;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a client sends, the emulator answers with a Route 53 error shape, never with a 5xx. */
class NoServerErrorPropertyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TEMPLATE = "<ChangeResourceRecordSetsRequest xmlns=\"https://route53.amazonaws.com/doc/"
            + "2013-04-01/\"><ChangeBatch><Changes><Change><Action>ACTION</Action><ResourceRecordSet><Name>NAME</Name>"
            + "<Type>TYPE</Type><TTL>TTL</TTL><ResourceRecords><ResourceRecord><Value>VALUE</Value></ResourceRecord>"
            + "</ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>";
    private static LocalAwsServer server;
    private static String zoneId;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        server = new LocalAwsServer();
        server.start(0);
        String body = send("POST", "/2013-04-01/hostedzone", "<CreateHostedZoneRequest xmlns=\"https://route53."
                + "amazonaws.com/doc/2013-04-01/\"><Name>fuzz.example.org</Name><CallerReference>fuzz"
                + "</CallerReference></CreateHostedZoneRequest>").body();
        zoneId = body.substring(body.indexOf("<Id>/hostedzone/") + 16, body.indexOf("</Id>"));
    }

    @AfterContainer
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Property(tries = 150)
    void garbledChangeBatchesGetClientErrorsOrSucceed(@ForAll("batches") String body, @ForAll("cuts") int cut)
            throws IOException, InterruptedException {
        String sent = body.substring(0, Math.min(body.length(), cut));
        HttpResponse<String> response = send("POST", "/2013-04-01/hostedzone/" + zoneId + "/rrset/", sent);
        assertTrue(response.statusCode() < 500, response.statusCode() + " for " + sent + ": " + response.body());
        assertTrue(response.statusCode() == 200 || response.body().contains("<ErrorResponse"), response.body());
    }

    @Property(tries = 100)
    void oddPathsAndQueriesGetClientErrors(@ForAll("paths") String path, @ForAll("methods") String method)
            throws IOException, InterruptedException {
        String response = raw(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        String status = response.substring(0, response.indexOf("\r\n"));
        assertTrue(status.matches("HTTP/1\\.1 [234]\\d\\d .*"), status + " for " + method + " " + path + ": " + response);
    }

    /** Sends bytes the JDK's HTTP client would refuse to (malformed escapes) and returns the raw answer. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Provide
    Arbitrary<String> batches() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).withChars("ab.*-_\\0179 \"<&"),
                Arbitraries.of("", "-1", "99999999999", "CREATE", "DELETE", "UPSERT", "A", "TXT", "CNAME", "SOA", "NS",
                        "x.fuzz.example.org", "fuzz.example.org", "1.2.3.4", "\"q\"", "&lt;", "\\052.fuzz.example.org"));
        return Combinators.combine(text, text, text, text, text).as((action, name, type, ttl, value) -> TEMPLATE
                .replace("ACTION", esc(action)).replace("NAME", esc(name)).replace("TYPE", esc(type))
                .replace("TTL", esc(ttl)).replace("VALUE", esc(value)));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.oneOf(Arbitraries.just(Integer.MAX_VALUE), Arbitraries.integers().between(0, 600));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("hostedzone", "rrset", "change", "associatevpc",
                "hostedzonesbyname", "hostedzonesbyvpc", "%2Fhostedzone%2FZ1", "%zz", "Z" + "9".repeat(40), ""),
                Arbitraries.strings().alpha().numeric().ofMaxLength(8));
        Arbitrary<String> query = Arbitraries.of("", "?maxitems=0", "?maxitems=abc", "?name=a..b", "?type=A",
                "?name=x&type=BOGUS", "?marker=nope", "?dnsname=%20", "?nexttoken=%%", "?vpcid=vpc-1&vpcregion=x",
                "?identifier=z");
        return Combinators.combine(segment.list().ofMaxSize(4), query)
                .as((segments, q) -> "/2013-04-01/" + String.join("/", segments) + q);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "DELETE", "PUT");
    }
}
