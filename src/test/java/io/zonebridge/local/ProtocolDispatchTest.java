package io.zonebridge.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One port, several protocols: X-Amz-Target picks the JSON service, a form body with Action= picks STS. */
class ProtocolDispatchTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=333333333333/20240514/us-east-1/%s/aws4_request, "
            + "SignedHeaders=host, Signature=00";
    private final LocalAwsServer server = new LocalAwsServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> json(String target, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", AUTH.formatted("events"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownTargetsAndOperationsAreJsonErrors() throws Exception {
        HttpResponse<String> sqs = json("AmazonSQS.ListQueues", "{}");
        assertEquals(400, sqs.statusCode());
        assertTrue(sqs.body().contains("\"__type\":\"UnknownOperationException\""), sqs.body());
        HttpResponse<String> events = json("AWSEvents.NoSuchThing", "{}");
        assertEquals(400, events.statusCode());
        assertTrue(events.body().contains("UnknownOperationException"), events.body());
        HttpResponse<String> malformed = json("AWSEvents.ListRules", "{not json");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("SerializationException"), malformed.body());
    }

    @Test
    void eachJsonServiceAnswersItsOwnTargets() throws Exception {
        HttpResponse<String> rules = json("AWSEvents.ListRules", "{}");
        assertEquals(200, rules.statusCode());
        assertEquals("{\"Rules\":[]}", rules.body());
        HttpResponse<String> org = json("AWSOrganizationsV20161128.DescribeOrganization", "{}");
        assertEquals(400, org.statusCode());
        assertTrue(org.body().contains("\"__type\":\"AWSOrganizationsNotInUseException\""), org.body());
    }

    @Test
    void formBodiesWithAnActionGoToSts() throws Exception {
        HttpResponse<String> identity = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", AUTH.formatted("sts"))
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, identity.statusCode());
        assertTrue(identity.body().contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
                + "2011-06-15/\">"), identity.body());
        assertTrue(identity.body().contains("<Account>333333333333</Account>"), identity.body());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DecodeAuthorizationMessage")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("<Code>InvalidAction</Code>"), unknown.body());
        HttpResponse<String> route53 = http.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                + "/2013-04-01/hostedzone")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, route53.statusCode(), "REST paths still go to Route 53");
    }
}
